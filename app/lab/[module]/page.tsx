import Link from "next/link";
import { notFound } from "next/navigation";
import { LabSettings } from "@/components/lab/LabSettings";
import { ModuleStatusPanel } from "@/components/lab/ModuleStatusPanel";
import { StepStateBadge } from "@/components/lab/StepStateBadge";
import { statusPanelLabels } from "@/components/lab/labels";
import { requireAttendeePage } from "@/lib/auth/session";
import { loadModules, loadSteps } from "@/lib/content/source";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n";
import { db } from "@/lib/db";
import { enabledModules } from "@/lib/lab/catalogue";
import { shownStatuses } from "@/lib/lab/guard";

export default async function ModulePage({ params }: { params: Promise<{ module: string }> }) {
  const session = await requireAttendeePage();
  const { module: moduleId } = await params;
  const enabled = enabledModules(session.event);
  if (enabled && !enabled.includes(moduleId)) notFound();
  const { locale, t } = await getTranslator();
  const labModule = (await loadModules()).find((candidate) => candidate.id === moduleId);
  const steps = await loadSteps(locale, moduleId);
  if (!labModule || steps.length === 0) notFound();
  const stateLabels = statusPanelLabels(t).state;
  return (
    <LabSettings
      locale={locale}
      timeZone={env().TIME_ZONE}
      statuses={await shownStatuses(await db(), session, moduleId, t)}
    >
      <div className="grid gap-8 lg:grid-cols-[1fr_24rem]">
        <div>
          <h1 className="text-2xl font-bold">{labModule.title[locale]}</h1>
          <p className="mt-2 text-slate-700">{labModule.summary[locale]}</p>
          <ol className="mt-6 space-y-3">
            {steps.map((step) => (
              <li key={step.frontmatter.id}>
                <Link
                  href={`/lab/${moduleId}/${step.frontmatter.id}`}
                  className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-sky-400"
                >
                  <span className="flex items-center justify-between gap-2">
                    <span className="text-sm text-slate-500">
                      {t("lab.step", { order: step.frontmatter.order })}
                    </span>
                    <StepStateBadge
                      moduleId={moduleId}
                      stepId={step.frontmatter.id}
                      labels={stateLabels}
                    />
                  </span>
                  <span className="block font-semibold">{step.frontmatter.title}</span>
                  <span className="block text-slate-700">{step.frontmatter.summary}</span>
                  <span className="text-sm text-slate-500">
                    {t("lab.estimated", { minutes: step.frontmatter.estimatedMinutes })}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </div>
        <aside>
          <ModuleStatusPanel module={moduleId} />
        </aside>
      </div>
    </LabSettings>
  );
}
