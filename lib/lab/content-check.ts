import { loadModules, loadSteps } from "@/lib/content/source";
import { stepRegistry } from "@/lib/lab/registry";
import { LOCALES } from "@/messages";

/** Pages without a step definition and definitions without a page, per language. */
export async function contentMismatches(): Promise<string[]> {
  const problems: string[] = [];
  const modules = await loadModules();
  for (const locale of LOCALES) {
    const pages: string[] = [];
    for (const labModule of modules) {
      pages.push(...(await loadSteps(locale, labModule.id)).map((doc) => doc.frontmatter.id));
    }
    for (const id of pages.filter((page) => !stepRegistry.has(page))) {
      problems.push(`content/${locale}: page "${id}" has no step definition`);
    }
    for (const id of [...stepRegistry.keys()].filter((step) => !pages.includes(step))) {
      problems.push(`content/${locale}: step "${id}" has no page`);
    }
  }
  return problems;
}
