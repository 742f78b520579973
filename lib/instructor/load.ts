import "server-only";
import { loadModules, loadSteps } from "@/lib/content/source";
import type { PortalDb } from "@/lib/db/connection";
import { gridFingerprint, gridRows } from "@/lib/db/console";
import type { PortalEvent } from "@/lib/db/schema";
import { enabledModules } from "@/lib/lab/catalogue";
import { buildGrid, type GridSnapshot, type GridStep } from "@/lib/instructor/grid";
import type { Locale } from "@/messages";

/** The event's steps in course order: every module, or only those the instructor enabled. */
export async function gridSteps(
  locale: Locale,
  event: Pick<PortalEvent, "modules_enabled">,
): Promise<GridStep[]> {
  const enabled = enabledModules(event);
  const modules = (await loadModules()).filter(
    (labModule) => !enabled || enabled.includes(labModule.id),
  );
  const perModule = await Promise.all(
    modules.map(async (labModule) =>
      (await loadSteps(locale, labModule.id)).map((step) => ({
        moduleId: labModule.id,
        stepId: step.frontmatter.id,
        title: step.frontmatter.title,
      })),
    ),
  );
  return perModule.flat();
}

export async function loadGrid(
  db: PortalDb,
  event: Pick<PortalEvent, "id" | "modules_enabled">,
  locale: Locale,
): Promise<GridSnapshot> {
  return buildGrid(await gridSteps(locale, event), await gridRows(db, event.id));
}

type Watch = { fingerprint: string; checkedAt: number; pending?: Promise<string> };

// One fingerprint read a second per event, however many instructor tabs are open on this process.
const watches = ((
  globalThis as { __aws101GridWatches?: Map<string, Watch> }
).__aws101GridWatches ??= new Map());

export async function sharedFingerprint(db: PortalDb, eventId: string, maxAgeMs: number) {
  const watch = watches.get(eventId);
  if (watch && Date.now() - watch.checkedAt < maxAgeMs) return watch.pending ?? watch.fingerprint;
  const next: Watch = { fingerprint: watch?.fingerprint ?? "", checkedAt: Date.now() };
  next.pending = gridFingerprint(db, eventId).then((fingerprint) => {
    next.fingerprint = fingerprint;
    next.pending = undefined;
    return fingerprint;
  });
  watches.set(eventId, next);
  return next.pending;
}
