import "server-only";
import { withLease } from "@/lib/db/leases";
import { z } from "zod";
import {
  finishCleanupRun,
  listRunningCleanupRuns,
  listUnfinishedCleanups,
  recordCleanupOf,
} from "@/lib/db/cleanup-runs";
import { readStepMemory } from "@/lib/db/queries";
import { log } from "@/lib/log";
import { parseJournal } from "@/lib/lab/cleanup-inventory";
import { applyStep, checkStep, type RunnerEnvironment } from "@/lib/lab/runner";
import { CLEANUP_STEP_ID } from "@/lib/lab/steps/cleanup";
import type { MessageRef } from "@/lib/lab/types";

export type CleanupEveryoneSettings = {
  /** Attendees cleaned up at once: each is a few dozen AWS calls and waits. */
  concurrency: number;
  /** Applies per attendee: an instance terminating or a DB deleting needs another pass. */
  rounds: number;
  pauseMs: number;
};

export const CLEANUP_EVERYONE: CleanupEveryoneSettings = {
  concurrency: 3,
  rounds: 6,
  pauseMs: 60_000,
};

const messageRef = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** One line of an attendee's report: a resource deleted, or left with why and what to do. */
export const reportLineSchema = z.object({
  outcome: z.enum(["deleted", "left"]),
  message: messageRef,
  fix: messageRef.optional(),
});
export type ReportLine = z.infer<typeof reportLineSchema>;

export function parseReport(json: string): ReportLine[] {
  const parsed = z.array(reportLineSchema).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

type Runs = { active: Map<string, Promise<void>>; resumed: boolean };
// Per process, not per route bundle: a run is driven once however many routes ask.
const runs: Runs = ((globalThis as { __aws101CleanupRuns?: Runs }).__aws101CleanupRuns ??= {
  active: new Map(),
  resumed: false,
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const asRef = (message: MessageRef) => ({
  key: message.key,
  ...(message.params ? { params: message.params } : {}),
});

async function cleanUpAttendee(
  runtime: RunnerEnvironment,
  run: { id: string; eventId: string },
  attendeeId: string,
  settings: CleanupEveryoneSettings,
) {
  const ref = { attendeeId, eventId: run.eventId };
  await recordCleanupOf(runtime.db, { runId: run.id, attendeeId, state: "running" });
  let check: Awaited<ReturnType<typeof checkStep>>;
  for (let round = 0; round < settings.rounds; round += 1) {
    if (round > 0) await sleep(settings.pauseMs);
    const outcome = await applyStep(runtime, ref, CLEANUP_STEP_ID);
    // The attendee's own apply holds their lock: try again next pass.
    if (outcome.problem?.code === "busy") continue;
    if (outcome.problem?.code === "no_credentials") {
      await recordCleanupOf(runtime.db, {
        runId: run.id,
        attendeeId,
        state: "credentials-expired",
      });
      return;
    }
    check = await checkStep(runtime, ref, CLEANUP_STEP_ID);
    if (check?.result?.state === "pass") break;
    // Another pass helps only while AWS still works on something or this one got somewhere.
    const waiting = check?.result?.items.some((item) => item.status === "pending");
    if (outcome.done.length === 0 && !waiting) break;
  }
  const journal = parseJournal(await readStepMemory(runtime.db, attendeeId, CLEANUP_STEP_ID));
  const deleted: ReportLine[] = Object.values(journal.resources)
    .filter((entry) => entry.state === "deleted")
    .map((entry) => ({
      outcome: "deleted",
      message: { key: `done.cleanup.${entry.kind}`, params: { name: entry.name } },
    }));
  const items = check?.result?.items ?? [];
  const left: ReportLine[] = items
    .filter((item) => item.status !== "pass" && item.status !== "warn")
    .map((item) => ({
      outcome: "left",
      message: asRef(item.message),
      ...(item.fix ? { fix: asRef(item.fix) } : {}),
    }));
  if (!check?.result) {
    left.push({
      outcome: "left",
      message: { key: "cleanupEveryone.problem", params: { code: check?.problem?.code ?? "busy" } },
    });
  }
  await recordCleanupOf(runtime.db, {
    runId: run.id,
    attendeeId,
    state: check?.result?.state === "pass" ? "clean" : "left",
    deleted: deleted.length,
    leftOver: left.length,
    report: [...deleted, ...left],
  });
}

async function drive(
  runtime: RunnerEnvironment,
  run: { id: string; eventId: string },
  settings: CleanupEveryoneSettings,
) {
  const queue = (await listUnfinishedCleanups(runtime.db, run.id)).map((row) => row.attendee_id);
  const worker = async () => {
    for (let attendeeId = queue.shift(); attendeeId; attendeeId = queue.shift()) {
      try {
        await cleanUpAttendee(runtime, run, attendeeId, settings);
      } catch (error) {
        log().error({ err: error, runId: run.id, attendeeId }, "clean-up of an attendee failed");
        await recordCleanupOf(runtime.db, { runId: run.id, attendeeId, state: "failed" });
      }
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, worker));
  await finishCleanupRun(runtime.db, run.id);
}

/** Drives a run in the background, once per process; the promise is for tests and shutdown. */
export function driveCleanupRun(
  runtime: RunnerEnvironment,
  run: { id: string; eventId: string },
  settings: CleanupEveryoneSettings = CLEANUP_EVERYONE,
): Promise<void> {
  const existing = runs.active.get(run.id);
  if (existing) return existing;
  // One portal instance of all drives a run; another that finds it held leaves it to that one.
  const driving = withLease(runtime.db, `cleanup-run:${run.id}`, 60_000, () =>
    drive(runtime, run, settings),
  )
    .then(() => undefined)
    .catch((error: unknown) => log().error({ err: error, runId: run.id }, "clean-up run stopped"))
    .finally(() => runs.active.delete(run.id));
  runs.active.set(run.id, driving);
  return driving;
}

/**
 * Runs a restart cut short carry on: asked by the first instructor page after the portal starts
 * (attendees a dead process was working on are done again; each deletion is idempotent).
 */
export async function resumeCleanupRuns(
  runtime: RunnerEnvironment,
  settings: CleanupEveryoneSettings = CLEANUP_EVERYONE,
): Promise<Promise<void>[]> {
  if (runs.resumed) return [];
  runs.resumed = true;
  const running = await listRunningCleanupRuns(runtime.db);
  return running.map((run) =>
    driveCleanupRun(runtime, { id: run.id, eventId: run.event_id }, settings),
  );
}
