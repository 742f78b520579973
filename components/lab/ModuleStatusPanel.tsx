import { StatusPanel, type PanelStep } from "@/components/lab/StatusPanel";
import { statusPanelLabels } from "@/components/lab/labels";
import { loadSteps } from "@/lib/content/source";
import { getTranslator } from "@/lib/i18n";
import type { Locale } from "@/messages";

async function panelSteps(locale: Locale, module: string): Promise<PanelStep[]> {
  const steps = await loadSteps(locale, module);
  return steps.map((step) => ({
    id: step.frontmatter.id,
    title: step.frontmatter.title,
    href: `/lab/${module}/${step.frontmatter.id}`,
  }));
}

/** Server wrapper: step titles and labels come from content and catalogues, the live data from the status stream. */
export async function ModuleStatusPanel({
  module,
  compact,
}: {
  module: string;
  compact?: boolean;
}) {
  const { locale, t } = await getTranslator();
  return (
    <StatusPanel
      moduleId={module}
      compact={compact}
      labels={statusPanelLabels(t)}
      steps={await panelSteps(locale, module)}
    />
  );
}
