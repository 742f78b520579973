import Link from "next/link";
import { getTranslator } from "@/lib/i18n";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold">{t("notFound.title")}</h1>
      <Link href="/" className="mt-4 inline-block text-sky-700 underline">
        {t("common.back")}
      </Link>
    </div>
  );
}
