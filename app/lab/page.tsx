import Link from "next/link";
import { requireAttendeePage } from "@/lib/auth/session";
import { loadModules, loadSteps } from "@/lib/content/source";
import { db } from "@/lib/db";
import { findLiveCredentials, listStepStatus } from "@/lib/db/queries";
import { getTranslator } from "@/lib/i18n";
import { enabledModules } from "@/lib/lab/catalogue";

export default async function LabPage() {
  const { attendee, event } = await requireAttendeePage();
  const { locale, t } = await getTranslator();
  const enabled = enabledModules(event);
  const modules = (await loadModules()).filter(
    (labModule) => !enabled || enabled.includes(labModule.id),
  );
  const database = await db();
  const statuses = await listStepStatus(database, attendee.id);
  const onSandbox = (await findLiveCredentials(database, attendee.id))?.source === "sandbox";
  const passed = new Set(statuses.filter((row) => row.state === "pass").map((row) => row.step_id));
  const withSteps = await Promise.all(
    modules.map(async (labModule) => ({ labModule, steps: await loadSteps(locale, labModule.id) })),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("lab.title")}</h1>
      <p className="text-slate-700">{t("lab.intro")}</p>
      {onSandbox ? (
        <p>
          <Link href="/lab/sandbox" className="font-semibold text-sky-700 underline">
            {t("sandbox.link")}
          </Link>
        </p>
      ) : null}
      <ol className="grid gap-4 md:grid-cols-2">
        {withSteps.map(({ labModule, steps }) => {
          const minutes = steps.reduce((sum, step) => sum + step.frontmatter.estimatedMinutes, 0);
          const done = steps.filter((step) => passed.has(step.frontmatter.id)).length;
          const card = (
            <>
              <p className="text-sm text-slate-500">{labModule.order}</p>
              <h2 className="text-xl font-semibold">{labModule.title[locale]}</h2>
              <p className="mt-1 text-slate-700">{labModule.summary[locale]}</p>
              <p className="mt-3 text-sm text-slate-600">
                {steps.length > 0
                  ? `${t("lab.steps", { count: steps.length })} · ${t("lab.estimated", { minutes })} · ${t("lab.progress", { done, total: steps.length })}`
                  : t("lab.comingSoon")}
              </p>
            </>
          );
          return (
            <li key={labModule.id} data-module={labModule.id}>
              {steps.length > 0 ? (
                <Link
                  href={`/lab/${labModule.id}`}
                  className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-sky-400"
                >
                  {card}
                </Link>
              ) : (
                <div className="h-full rounded-lg border border-dashed border-slate-300 p-5 text-slate-500">
                  {card}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
