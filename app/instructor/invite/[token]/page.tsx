import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/AcceptInviteForm";
import { db } from "@/lib/db";
import { openInvite } from "@/lib/db/invites";
import { getTranslator } from "@/lib/i18n";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { t } = await getTranslator();
  const invite = token.length <= 100 ? await openInvite(await db(), token) : undefined;
  return (
    <div className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("invite.title")}</h1>
      {invite ? (
        <>
          <p className="mb-4 text-slate-700">
            {t("invite.body", { event: invite.event_name, email: invite.email })}
          </p>
          <AcceptInviteForm
            token={token}
            labels={{
              displayName: t("invite.displayName"),
              password: t("invite.password"),
              confirm: t("invite.confirm"),
              submit: t("invite.submit"),
              signIn: t("instructorSignIn.submit"),
            }}
          />
        </>
      ) : (
        <>
          <p role="alert" className="mb-4 text-rose-700">
            {t("invite.gone")}
          </p>
          <Link href="/instructor/sign-in" className="text-sky-700 underline">
            {t("instructorSignIn.title")}
          </Link>
        </>
      )}
    </div>
  );
}
