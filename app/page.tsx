import Link from "next/link";
import { redirect } from "next/navigation";
import { JoinForm } from "@/components/auth/JoinForm";
import { JOIN_ERRORS } from "@/lib/auth/schemas";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentRole } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n";

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[]; next?: string | string[] }>;
}) {
  const { code, next } = await searchParams;
  const returnTo = safeReturnPath(next);
  const role = await currentRole();
  if (role === "attendee") redirect(returnTo ?? "/lab");
  if (role === "instructor") redirect("/instructor");
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md">
      <p className="mb-6 text-slate-700">{t("app.tagline")}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-2xl font-bold">{t("join.title")}</h1>
        <p className="mb-4 text-slate-700">{t("join.intro")}</p>
        {returnTo ? (
          <p className="mb-4 rounded bg-sky-50 px-3 py-2 text-sky-900" data-testid="return-notice">
            {t("join.returnNotice")}
          </p>
        ) : null}
        <JoinForm
          defaultJoinCode={typeof code === "string" ? code.slice(0, 16) : undefined}
          returnTo={returnTo}
          labels={{
            joinCode: t("join.joinCode"),
            displayName: t("join.displayName"),
            email: t("join.email"),
            submit: t("join.submit"),
            submitting: t("join.submitting"),
            fieldErrors: {
              "field.joinCode.invalid": t("field.joinCode.invalid"),
              "field.displayName.invalid": t("field.displayName.invalid"),
              "field.email.invalid": t("field.email.invalid"),
            },
            errors: {
              [JOIN_ERRORS.badJoinCode]: t("join.error.badJoinCode"),
              [JOIN_ERRORS.eventEnded]: t("join.error.eventEnded"),
              [JOIN_ERRORS.eventFull]: t("join.error.eventFull"),
              [JOIN_ERRORS.joiningClosed]: t("console.join.closed"),
              [JOIN_ERRORS.invalid]: t("join.error.invalid"),
              [JOIN_ERRORS.tooManyAttempts]: t("join.error.tooManyAttempts"),
              [JOIN_ERRORS.networkBusy]: t("join.error.networkBusy"),
            },
          }}
        />
      </div>
      <p className="mt-4 text-center">
        <Link href="/instructor/sign-in" className="text-sky-700 underline">
          {t("join.instructorLink")}
        </Link>
      </p>
    </div>
  );
}
