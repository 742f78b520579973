import type { MDXComponents } from "mdx/types";
import type { ReactElement, ReactNode } from "react";
import { isValidElement } from "react";
import { headers } from "next/headers";
import { CleanupConfirm } from "@/components/lab/CleanupConfirm";
import { DoItForMe } from "@/components/lab/DoItForMe";
import { ModuleStatusPanel } from "@/components/lab/ModuleStatusPanel";
import { StepCheck } from "@/components/lab/StepCheck";
import { doItForMeLabels, stepCheckLabels, undoLabels } from "@/components/lab/labels";
import { appServicesComponents } from "@/components/mdx/app-services";
import { Callout } from "@/components/mdx/Callout";
import { CodeBlock } from "@/components/mdx/CodeBlock";
import { RichText } from "@/components/ui/RichText";
import { clientIpFrom } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { attendeeDbEndpoint } from "@/lib/lab/db-endpoint";
import { LAB } from "@/lib/lab/names";
import { labUserData, portalPublicUrl } from "@/lib/lab/user-data";
import { isLoopbackUrl } from "@/lib/net";
import type { Translator } from "@/messages";

function codeOf(children: ReactNode): { code: string; language?: string } {
  if (isValidElement(children)) {
    const props = (children as ReactElement<{ className?: string; children?: ReactNode }>).props;
    const language = props.className?.match(/language-([\w-]+)/)?.[1];
    return { code: String(props.children ?? "").replace(/\n$/, ""), language };
  }
  return { code: String(children ?? "") };
}

/** `<Check />` and `<DoItForMe />` act on the page's own step unless a page names another. */
export function mdxComponents(
  t: Translator,
  page: { moduleId: string; stepId: string; sandbox: boolean },
): MDXComponents {
  return {
    ...appServicesComponents(t),
    /** Text only attendees on a sandbox account see: what the emulator can't do, and what instead. */
    SandboxOnly: ({ children }: { children: ReactNode }) =>
      page.sandbox ? (
        <aside
          className="my-5 rounded-lg border-l-4 border-teal-400 bg-teal-50 px-4 py-3"
          data-sandbox-note
        >
          <p className="mb-1 text-sm font-semibold">{t("sandbox.title")}</p>
          <div className="callout-body text-[0.95rem]">{children}</div>
        </aside>
      ) : null,
    pre: ({ children }) => <CodeBlock {...codeOf(children)} />,
    Callout,
    Check: () => (
      <StepCheck stepId={page.stepId} moduleId={page.moduleId} labels={stepCheckLabels(t)} />
    ),
    DoItForMe: () => (
      <DoItForMe stepId={page.stepId} moduleId={page.moduleId} labels={doItForMeLabels(t)} />
    ),
    /** Takes back what do it for me did; `step` names another step of the same module. */
    UndoIt: ({ step }: { step?: string }) => (
      <DoItForMe
        stepId={step ?? page.stepId}
        moduleId={page.moduleId}
        labels={undoLabels(t)}
        operation="undo"
      />
    ),
    /** Clean-up's ambiguous buckets and IAM users, each deleted only once the attendee confirms it. */
    CleanupConfirm: () => (
      <CleanupConfirm
        labels={{
          title: t("cleanup.confirm.title"),
          button: t("cleanup.confirm.button"),
          done: t("cleanup.confirm.done"),
          user: t("cleanup.confirm.user"),
        }}
      />
    ),
    StatusPanel: ({ module }: { module: string }) => <ModuleStatusPanel module={module} />,
    UserData: async () => {
      const portalUrl = portalPublicUrl();
      const script = await labUserData();
      return (
        <>
          {isLoopbackUrl(portalUrl) ? (
            <p
              className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm"
              data-testid="portal-url-warning"
            >
              {t("userData.unreachablePortal", { url: portalUrl })}
            </p>
          ) : null}
          <CodeBlock
            code={script}
            language="bash"
            foldedSummary={t("userData.show", { lines: script.split("\n").length })}
          />
        </>
      );
    },
    /** `mysql -h <endpoint>` with the attendee's awslab endpoint once it has one. */
    MysqlCommand: async () => {
      const endpoint = await attendeeDbEndpoint();
      return (
        <>
          {endpoint ? null : (
            <p className="text-sm" data-testid="no-endpoint">
              <RichText text={t("mysqlCommand.noEndpoint")} />
            </p>
          )}
          <CodeBlock
            code={`mysql -h ${endpoint ?? "<RDS_ENDPOINT>"} -P 3306 -u ${LAB.dbMasterUsername} -p --ssl`}
            language="bash"
          />
        </>
      );
    },
    /** The database lines of config.env, endpoint filled in. */
    DbConfig: async () => {
      const endpoint = await attendeeDbEndpoint();
      return (
        <>
          {endpoint ? null : (
            <p className="text-sm" data-testid="no-endpoint">
              <RichText text={t("mysqlCommand.noEndpoint")} />
            </p>
          )}
          <CodeBlock
            code={[
              `DB_HOST = ${endpoint ?? "<RDS_ENDPOINT>"}`,
              "DB_PORT = 3306",
              `DB_NAME = ${LAB.databaseName}`,
              `DB_USER = ${LAB.databaseUser}`,
              `DB_USERPASSWORD = ${LAB.databaseUserPassword}`,
            ].join("\n")}
            language="ini"
          />
        </>
      );
    },
    MyIp: async () => (
      <code className="rounded bg-amber-100 px-1 font-semibold" data-testid="my-ip">
        {clientIpFrom(await headers(), env().TRUST_PROXY) ?? "?"}
      </code>
    ),
  };
}
