// Runs before `next build`: bad frontmatter, a page without a step or a step without a page fails it.
import { validateAllContent } from "@/lib/content/source";
import { contentMismatches } from "@/lib/lab/content-check";

const summary = await validateAllContent();
const mismatches = await contentMismatches();
if (mismatches.length > 0) throw new Error(mismatches.join("\n"));
console.log(`content ok: ${summary.modules} modules, ${summary.steps} steps per language`);
