import { StatusPanel } from "@/components/lab/StatusPanel";
import { statusPanelLabels } from "@/components/lab/labels";
import { loadSteps } from "@/lib/content/source";
import { getTranslator } from "@/lib/i18n";

/** Server wrapper: step titles and labels come from content and catalogues, the live data from the poller. */
export async function ModuleStatusPanel({
  module,
  compact,
}: {
  module: string;
  compact?: boolean;
}) {
  const { locale, t } = await getTranslator();
  const steps = await loadSteps(locale, module);
  return (
    <StatusPanel
      moduleId={module}
      locale={locale}
      compact={compact}
      labels={statusPanelLabels(t)}
      steps={steps.map((step) => ({
        id: step.frontmatter.id,
        title: step.frontmatter.title,
        href: `/lab/${module}/${step.frontmatter.id}`,
      }))}
    />
  );
}
