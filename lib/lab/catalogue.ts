import "server-only";
import { loadModules, loadSteps } from "@/lib/content/source";
import type { PortalEvent } from "@/lib/db/schema";
import { stepDefinition } from "@/lib/lab/registry";
import type { LabStep } from "@/lib/lab/types";
import { DEFAULT_LOCALE } from "@/messages";

export type LabModuleSteps = { moduleId: string; steps: LabStep[] };

type Catalogue = Promise<LabModuleSteps[]>;

const store = globalThis as { __aws101Catalogue?: Catalogue };

async function readCatalogue(): Catalogue {
  const modules = await loadModules();
  // Every locale has the same steps in the same order (the content check enforces it).
  return Promise.all(
    modules.map(async (labModule) => ({
      moduleId: labModule.id,
      steps: (await loadSteps(DEFAULT_LOCALE, labModule.id)).map((doc) =>
        stepDefinition(doc.frontmatter.id),
      ),
    })),
  );
}

/** Modules and their steps in content order; read once in production, where content can't change. */
export function labCatalogue(): Catalogue {
  if (process.env.NODE_ENV !== "production") return readCatalogue();
  return (store.__aws101Catalogue ??= readCatalogue());
}

export async function moduleSteps(moduleId: string): Promise<LabStep[] | undefined> {
  return (await labCatalogue()).find((entry) => entry.moduleId === moduleId)?.steps;
}

export async function moduleOfStep(stepId: string): Promise<string | undefined> {
  return (await labCatalogue()).find((entry) => entry.steps.some((step) => step.id === stepId))
    ?.moduleId;
}

/** The modules the event's instructor enabled; null when every module is. */
export function enabledModules(event: Pick<PortalEvent, "modules_enabled">): string[] | null {
  if (!event.modules_enabled) return null;
  const parsed: unknown = JSON.parse(event.modules_enabled);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : null;
}

/** Whether an attendee of the event may open, check or act on this step's module. */
export async function stepEnabled(
  event: Pick<PortalEvent, "modules_enabled">,
  stepId: string,
): Promise<boolean> {
  const enabled = enabledModules(event);
  if (!enabled) return true;
  const moduleId = await moduleOfStep(stepId);
  return moduleId !== undefined && enabled.includes(moduleId);
}
