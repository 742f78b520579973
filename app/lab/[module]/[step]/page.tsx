import Link from "next/link";
import { notFound } from "next/navigation";
import { HelpButton } from "@/components/lab/HelpButton";
import { LabSettings } from "@/components/lab/LabSettings";
import { ModuleStatusPanel } from "@/components/lab/ModuleStatusPanel";
import { StatusDock } from "@/components/lab/StatusDock";
import { mdxComponents } from "@/components/mdx";
import { requireAttendeePage } from "@/lib/auth/session";
import { compileStep } from "@/lib/content/render";
import { loadSteps } from "@/lib/content/source";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { findLiveCredentials } from "@/lib/db/queries";
import { getTranslator } from "@/lib/i18n";
import { stepEnabled } from "@/lib/lab/catalogue";
import { shownStatuses } from "@/lib/lab/guard";
import { isKnownStep } from "@/lib/lab/registry";
import { openStep } from "@/lib/lab/runner";
import { attendeeRef, runnerEnvironment } from "@/lib/lab/runtime";

export default async function StepPage({
  params,
}: {
  params: Promise<{ module: string; step: string }>;
}) {
  const session = await requireAttendeePage();
  const { module: moduleId, step: stepId } = await params;
  if (!isKnownStep(stepId) || !(await stepEnabled(session.event, stepId))) notFound();
  const { locale, t } = await getTranslator();
  const steps = await loadSteps(locale, moduleId);
  const index = steps.findIndex((candidate) => candidate.frontmatter.id === stepId);
  const doc = steps[index];
  if (!doc) notFound();
  const Content = await compileStep(doc);
  // Read before the opening, which makes the stored status stale: the page paints with it, and its
  // stream brings the opened step's state as soon as it's read.
  const statuses = await shownStatuses(await db(), session, moduleId, t);
  await openStep(await runnerEnvironment(), await attendeeRef(session), stepId);
  const sandbox =
    (await findLiveCredentials(await db(), session.attendee.id))?.source === "sandbox";
  const previous = steps[index - 1];
  const next = steps[index + 1];
  return (
    <LabSettings locale={locale} timeZone={env().TIME_ZONE} statuses={statuses}>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:gap-8">
        <aside
          className="lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1 lg:self-start"
          data-status-dock
        >
          <StatusDock
            moduleId={moduleId}
            stepIds={steps.map((step) => step.frontmatter.id)}
            labels={{ title: t("status.title"), summary: t("status.summary") }}
          >
            <ModuleStatusPanel module={moduleId} compact />
          </StatusDock>
        </aside>
        <article className="lab-content min-w-0 lg:col-start-1 lg:row-start-1" lang={locale}>
          <p className="text-sm text-slate-500">
            <Link href={`/lab/${moduleId}`} className="hover:underline">
              {t("lab.moduleOverview")}
            </Link>{" "}
            · {t("lab.step", { order: doc.frontmatter.order })} ·{" "}
            {t("lab.estimated", { minutes: doc.frontmatter.estimatedMinutes })}
          </p>
          <h1 className="mt-1 text-3xl font-bold">{doc.frontmatter.title}</h1>
          <p className="mt-2 text-lg text-slate-700">{doc.frontmatter.summary}</p>
          {doc.frontmatter.costNote ? (
            <p className="mt-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
              ₩ {doc.frontmatter.costNote}
            </p>
          ) : null}
          <Content components={mdxComponents(t, { moduleId, stepId, sandbox })} />
          <HelpButton stepId={stepId} label={t("console.help.button")} />
          <nav
            className="mt-10 flex justify-between border-t border-slate-200 pt-4"
            aria-label="steps"
          >
            {previous ? (
              <Link
                href={`/lab/${moduleId}/${previous.frontmatter.id}`}
                className="text-sky-700 underline"
              >
                ← {t("lab.prev")}: {previous.frontmatter.title}
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link
                href={`/lab/${moduleId}/${next.frontmatter.id}`}
                className="text-sky-700 underline"
              >
                {t("lab.next")}: {next.frontmatter.title} →
              </Link>
            ) : null}
          </nav>
        </article>
      </div>
    </LabSettings>
  );
}
