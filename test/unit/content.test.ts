import { compile } from "@mdx-js/mdx";
import { describe, expect, it } from "vitest";
import { loadModules, loadSteps, validateAllContent } from "@/lib/content/source";
import { contentMismatches } from "@/lib/lab/content-check";
import { stepRegistry } from "@/lib/lab/registry";
import { LOCALES } from "@/messages";

describe("lab content", () => {
  it("has valid frontmatter and the same steps in every language", async () => {
    const summary = await validateAllContent();
    expect(summary.steps).toBe(stepRegistry.size);
  });

  it("has a page for every step definition and a definition for every page", async () => {
    expect(await contentMismatches()).toEqual([]);
  });

  it("compiles every page", async () => {
    for (const locale of LOCALES) {
      for (const labModule of await loadModules()) {
        for (const doc of await loadSteps(locale, labModule.id)) await compile(doc.body);
      }
    }
  });
});
