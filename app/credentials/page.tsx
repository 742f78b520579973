import Link from "next/link";
import { redirect } from "next/navigation";
import { ExpiryCountdown } from "@/components/credentials/ExpiryCountdown";
import {
  AssumedRoleForm,
  OwnCredentialsForm,
  RemoveCredentialsButton,
  SandboxButton,
} from "@/components/credentials/CredentialsForms";
import { RichText } from "@/components/ui/RichText";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requireAttendeePage } from "@/lib/auth/session";
import { ACCOUNT_ID_PLACEHOLDER, assumedRoleSettings, connectMethods } from "@/lib/credentials";
import { db } from "@/lib/db";
import { findLiveCredentials } from "@/lib/db/queries";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n";
import { AWS_REGIONS } from "@/lib/regions";

export default async function CredentialsPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { attendee, event } = await requireAttendeePage();
  const { t } = await getTranslator();
  const current = await findLiveCredentials(await db(), attendee.id);
  // Right after joining from a deep link: once credentials are chosen, go back to that page.
  const returnTo = safeReturnPath((await searchParams).next);
  if (current && returnTo) redirect(returnTo);
  const sandboxAvailable = Boolean(env().SANDBOX_AWS_ENDPOINT);
  // Only what the event's AWS mode allows; the actions refuse the others too.
  const methods = connectMethods(event.aws_mode);
  const assumed = assumedRoleSettings(event);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("credentials.title")}</h1>
      <p className="text-slate-700">{t("credentials.intro")}</p>
      <section
        className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        data-testid="current-credentials"
      >
        <h2 className="mb-3 text-lg font-semibold">{t("credentials.current")}</h2>
        {current ? (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600">{t("credentials.account")}</dt>
            <dd className="font-mono" data-testid="account-id">
              {current.account_id}
            </dd>
            <dt className="text-slate-600">{t("credentials.region")}</dt>
            <dd className="font-mono">{current.region}</dd>
            <dt className="text-slate-600">{t("credentials.expiresIn")}</dt>
            <dd>
              <ExpiryCountdown
                expiresAt={current.expires_at}
                expiredLabel={t("credentials.expired")}
              />
            </dd>
            <dt className="sr-only">source</dt>
            <dd className="col-span-2 mt-2 flex items-center gap-3">
              <span className="rounded bg-slate-100 px-2 py-0.5 text-sm">
                {t(`credentials.source.${current.source}`)}
              </span>
              <RemoveCredentialsButton label={t("credentials.remove")} />
              <Link href="/lab" className="ml-auto font-semibold text-sky-700 underline">
                {t("nav.lab")} →
              </Link>
            </dd>
          </dl>
        ) : (
          <p>{t("credentials.none")}</p>
        )}
      </section>
      {methods.includes("assumed") ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-2 text-lg font-semibold">{t("credentials.assumed.title")}</h2>
          {assumed ? (
            <>
              <p className="mb-3 text-slate-700">
                {t("credentials.assumed.body", {
                  role: assumed.roleArnTemplate.replaceAll(ACCOUNT_ID_PLACEHOLDER, "…"),
                })}
              </p>
              <AssumedRoleForm
                labels={{
                  accountId: t("credentials.assumed.accountId"),
                  submit: t("credentials.assumed.submit"),
                }}
              />
            </>
          ) : (
            <p className="text-slate-600">{t("credentials.assumed.unconfigured")}</p>
          )}
        </section>
      ) : null}
      {methods.includes("sandbox") ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-2 text-lg font-semibold">{t("credentials.sandbox.title")}</h2>
          <p className="mb-3 text-slate-700">{t("credentials.sandbox.body")}</p>
          {sandboxAvailable ? (
            <SandboxButton label={t("credentials.sandbox.submit")} />
          ) : (
            <p className="text-slate-600">{t("credentials.sandbox.unavailable")}</p>
          )}
        </section>
      ) : null}
      {methods.includes("own") ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-2 text-lg font-semibold">{t("credentials.own.title")}</h2>
          <p className="mb-3 text-slate-700">
            <RichText text={t("credentials.own.body")} />
          </p>
          <OwnCredentialsForm
            regions={AWS_REGIONS}
            defaultRegion={event.region}
            labels={{
              accessKeyId: t("credentials.own.accessKeyId"),
              secretAccessKey: t("credentials.own.secretAccessKey"),
              sessionToken: t("credentials.own.sessionToken"),
              region: t("credentials.own.region"),
              submit: t("credentials.own.submit"),
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
