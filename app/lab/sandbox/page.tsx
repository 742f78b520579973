import Link from "next/link";
import { ConfigEditor } from "@/components/sandbox/ConfigEditor";
import { MysqlConsole } from "@/components/sandbox/MysqlConsole";
import { RichText } from "@/components/ui/RichText";
import { requireAttendeePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n";
import { eventEnded } from "@/lib/lab/guard";
import { presentProblem } from "@/lib/lab/present";
import { sandboxInstance, type SandboxInstanceView } from "@/lib/lab/runner";
import { attendeeRef, runnerEnvironment } from "@/lib/lab/runtime";
import type { Translator } from "@/messages";

const LOG_LINES = 40;

function appStatus(view: SandboxInstanceView, t: Translator): string {
  const app = view.app;
  switch (app.state) {
    case "running":
      return t("sandbox.app.running", { url: app.url, ip: view.web?.publicIp ?? "—" });
    case "unavailable":
      return t("check.web.app.sandboxNoRuntime");
    case "full":
      return t("check.web.app.sandboxFull", { cap: app.cap });
    case "no-app":
      return t("check.web.app.sandboxNoApp");
    case "not-running":
      return t("check.web.app.sandboxNotResponding", { state: app.instanceState });
    case "not-found":
      return t("sandbox.noWeb");
  }
}

export default async function SandboxInstancePage() {
  const session = await requireAttendeePage();
  const { t } = await getTranslator();
  const view = eventEnded(session.event)
    ? { problem: { code: "event_ended" as const } }
    : await sandboxInstance(await runnerEnvironment(), await attendeeRef(session));
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">{t("sandbox.title")}</h1>
      <p className="text-slate-700">{t("sandbox.intro")}</p>
      {!view ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-3">
          {t("sandbox.notSandbox")}{" "}
          <Link href="/credentials" className="text-sky-700 underline">
            {t("credentials.goSet")}
          </Link>
        </p>
      ) : "problem" in view ? (
        <p className="text-rose-700">{presentProblem(view.problem, t)}</p>
      ) : !view.web ? (
        <p>{t("sandbox.noWeb")}</p>
      ) : (
        <>
          <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
              <dt className="text-slate-600">{t("sandbox.instance")}</dt>
              <dd className="font-mono">{view.web.id}</dd>
              <dt className="text-slate-600">{t("sandbox.state")}</dt>
              <dd data-testid="sandbox-state">{view.web.state}</dd>
              <dt className="text-slate-600">{t("sandbox.publicIp")}</dt>
              <dd className="font-mono">{view.web.publicIp ?? "—"}</dd>
            </dl>
            <p className="mt-3" data-testid="sandbox-app" data-state={view.app.state}>
              <RichText text={appStatus(view, t)} />
            </p>
          </section>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t("sandbox.config.title")}</h2>
            <p className="text-sm text-slate-700">
              <RichText text={t("sandbox.config.help")} />
            </p>
            {view.files?.config === undefined ? (
              <p>{t("sandbox.config.missing")}</p>
            ) : (
              <ConfigEditor
                instanceId={view.web.id}
                initial={view.files.config}
                label={t("sandbox.config.title")}
                labels={{
                  save: t("sandbox.config.save"),
                  saving: t("sandbox.config.saving"),
                  invalid: t("sandbox.field.config.invalid"),
                }}
              />
            )}
          </section>
          <section className="space-y-2" aria-labelledby="sandbox-mysql">
            <h2 id="sandbox-mysql" className="text-lg font-semibold">
              {t("sandbox.mysql.title")}
            </h2>
            <p className="text-sm text-slate-700">
              <RichText text={t("sandbox.mysql.help")} />
            </p>
            <MysqlConsole
              labels={{
                sql: t("sandbox.mysql.sql"),
                run: t("sandbox.mysql.run"),
                running: t("sandbox.mysql.running"),
                invalid: t("sandbox.mysql.invalid"),
              }}
            />
          </section>
          {view.health ? (
            <section className="space-y-2">
              <h2 className="text-lg font-semibold">{t("sandbox.health.title")}</h2>
              <pre
                className="overflow-x-auto rounded bg-slate-100 p-3 text-sm"
                data-testid="sandbox-health"
              >
                {JSON.stringify(view.health, null, 2)}
              </pre>
            </section>
          ) : null}
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t("sandbox.log.title")}</h2>
            <pre
              className="max-h-96 overflow-auto rounded bg-slate-950 p-3 text-xs text-slate-100"
              data-testid="sandbox-log"
            >
              {view.files?.log
                ? view.files.log.trimEnd().split("\n").slice(-LOG_LINES).join("\n")
                : t("sandbox.log.empty")}
            </pre>
          </section>
        </>
      )}
    </div>
  );
}
