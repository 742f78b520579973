import { compile } from "@mdx-js/mdx";
import { describe, expect, it } from "vitest";
import { Fragment, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { compileStep } from "@/lib/content/render";
import {
  loadModules,
  loadSteps,
  validateAllContent,
  type StepDocument,
} from "@/lib/content/source";
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

  it("ends bold before a Korean particle, as the pages write it", async () => {
    const Content = await compileStep({
      file: "particle.mdx",
      body: "**상태 확인 ID (Health check ID)**는 비워 두세요.",
    } as StepDocument);
    const html = renderToStaticMarkup(createElement(Fragment, null, Content({})));
    expect(html).toContain("<strong>상태 확인 ID (Health check ID)</strong>는");
    expect(html).not.toContain("**");
  });
});
