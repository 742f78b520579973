import { compile } from "@mdx-js/mdx";
import { describe, expect, it } from "vitest";
import { loadSteps, validateAllContent } from "@/lib/content/source";
import { labModules } from "@/lib/lab/modules";
import { LOCALES } from "@/messages";

describe("lab content", () => {
  it("has valid frontmatter and the same steps in every language", async () => {
    const summary = await validateAllContent();
    expect(summary.steps).toBeGreaterThanOrEqual(4);
  });

  it("has a page for every step definition and a definition for every page", async () => {
    for (const labModule of labModules) {
      for (const locale of LOCALES) {
        const pages = (await loadSteps(locale, labModule.id)).map((doc) => doc.frontmatter.id);
        expect(pages).toEqual(labModule.steps.map((step) => step.id));
      }
    }
  });

  it("compiles every page and names only existing steps in its buttons", async () => {
    const known = new Set(
      labModules.flatMap((labModule) => labModule.steps.map((step) => step.id)),
    );
    for (const locale of LOCALES) {
      for (const doc of await loadSteps(locale, "compute")) {
        await compile(doc.body);
        for (const match of doc.body.matchAll(/<(?:Check|DoItForMe) step="([^"]+)"/g)) {
          expect(known.has(match[1] ?? ""), `${doc.file}: ${match[1]}`).toBe(true);
        }
      }
    }
  });
});
