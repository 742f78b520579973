import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import type { Locale } from "@/messages";
import { LOCALES } from "@/messages";
import {
  modulesSchema,
  stepFrontmatterSchema,
  type LabModuleInfo,
  type StepFrontmatter,
} from "@/lib/content/schema";

export type StepDocument = { frontmatter: StepFrontmatter; body: string; file: string };

const contentRoot = path.join(process.cwd(), "content");

export class ContentError extends Error {
  override name = "ContentError";
}

// Content files don't change while a production server runs (as in render.tsx): each is read once
// per process, not on every page. In development an edit shows on the next request.
const readOnce = process.env.NODE_ENV === "production";
const contentCache = ((globalThis as { __aws101Content?: Map<string, Promise<unknown>> })
  .__aws101Content ??= new Map());

function cached<T>(key: string, read: () => Promise<T>): Promise<T> {
  if (!readOnce) return read();
  let value = contentCache.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    contentCache.set(key, value);
    value.catch(() => contentCache.delete(key));
  }
  return value;
}

export async function loadModules(): Promise<LabModuleInfo[]> {
  return [...(await cached("modules", readModules))];
}

async function readModules(): Promise<LabModuleInfo[]> {
  const file = path.join(contentRoot, "modules.json");
  const parsed = modulesSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new ContentError(`${file}: ${parsed.error.message}`);
  return [...parsed.data].sort((a, b) => a.order - b.order);
}

async function readStep(file: string, expectedModule: string): Promise<StepDocument> {
  const { data, content } = matter(await readFile(file, "utf8"));
  const parsed = stepFrontmatterSchema.safeParse(data);
  if (!parsed.success) throw new ContentError(`${file}: ${parsed.error.message}`);
  if (parsed.data.module !== expectedModule || `${parsed.data.id}.mdx` !== path.basename(file)) {
    throw new ContentError(`${file}: id and module must match the file's name and folder`);
  }
  return { frontmatter: parsed.data, body: content, file };
}

/**
 * Steps of a module in the order their frontmatter gives; no order lives in code. `moduleId` may
 * come from a URL: only a module content/modules.json names leads to a folder, never `..`.
 */
export async function loadSteps(locale: Locale, moduleId: string): Promise<StepDocument[]> {
  return [...(await cached(`steps:${locale}:${moduleId}`, () => readSteps(locale, moduleId)))];
}

async function readSteps(locale: Locale, moduleId: string): Promise<StepDocument[]> {
  if (!LOCALES.includes(locale)) return [];
  if (!(await loadModules()).some((labModule) => labModule.id === moduleId)) return [];
  const folder = path.join(contentRoot, locale, moduleId);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith(".mdx"));
  } catch {
    return [];
  }
  const steps = await Promise.all(names.map((name) => readStep(path.join(folder, name), moduleId)));
  return steps.sort((a, b) => a.frontmatter.order - b.frontmatter.order);
}

/** Every locale must have the same steps in the same order, or a language switch would break. */
export async function validateAllContent(): Promise<{ modules: number; steps: number }> {
  const modules = await loadModules();
  let steps = 0;
  for (const labModule of modules) {
    const perLocale = await Promise.all(LOCALES.map((locale) => loadSteps(locale, labModule.id)));
    const signature = (docs: StepDocument[]) => docs.map((doc) => `${doc.frontmatter.order}:${doc.frontmatter.id}`).join(",");
    const [first, ...rest] = perLocale;
    for (const other of rest) {
      if (signature(other) !== signature(first ?? [])) {
        throw new ContentError(`content/*/${labModule.id}: locales have different steps`);
      }
    }
    steps += first?.length ?? 0;
  }
  return { modules: modules.length, steps };
}
