import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";

export type ContentStep = { id: string; order: number; title: string; hasDoItForMe: boolean };
export type ContentModule = { id: string; order: number; steps: ContentStep[] };

const contentRoot = path.join(process.cwd(), "content");

function stepsOf(moduleId: string, locale: string): ContentStep[] {
  const folder = path.join(contentRoot, locale, moduleId);
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith(".mdx"));
  } catch {
    return [];
  }
  return files
    .map((file) => {
      const { data, content } = matter(readFileSync(path.join(folder, file), "utf8"));
      return {
        id: String(data.id),
        order: Number(data.order),
        title: String(data.title),
        hasDoItForMe: /<DoItForMe\b/.test(content),
      };
    })
    .sort((a, b) => a.order - b.order);
}

/** The lab as the portal shows it: modules and their steps in frontmatter order. */
export function labModules(locale = "ko"): ContentModule[] {
  const modules = JSON.parse(readFileSync(path.join(contentRoot, "modules.json"), "utf8")) as {
    id: string;
    order: number;
  }[];
  return modules
    .map((labModule) => ({ ...labModule, steps: stepsOf(labModule.id, locale) }))
    .sort((a, b) => a.order - b.order);
}

/** Modules an attendee can finish with do it for me alone: every step offers it. */
export function doItForMeModules(locale = "ko"): ContentModule[] {
  return labModules(locale).filter(
    (labModule) => labModule.steps.length > 0 && labModule.steps.every((step) => step.hasDoItForMe),
  );
}
