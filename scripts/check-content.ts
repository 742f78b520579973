// Runs before `next build`: a lab page with bad frontmatter or a step without a page fails the build.
import { loadSteps, validateAllContent } from "@/lib/content/source";
import { labModules } from "@/lib/lab/modules";
import { LOCALES } from "@/messages";

const summary = await validateAllContent();
for (const labModule of labModules) {
  for (const locale of LOCALES) {
    const pages = (await loadSteps(locale, labModule.id))
      .map((doc) => doc.frontmatter.id)
      .join(",");
    const steps = labModule.steps.map((step) => step.id).join(",");
    if (pages !== steps) {
      throw new Error(
        `content/${locale}/${labModule.id}: pages [${pages}] do not match steps [${steps}]`,
      );
    }
  }
}
console.log(`content ok: ${summary.modules} modules, ${summary.steps} steps per language`);
