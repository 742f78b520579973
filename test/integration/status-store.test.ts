import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PortalDb } from "@/lib/db/connection";
import { findModuleStatus } from "@/lib/db/module-status";
import { evaluationCounts, forgetCachedStatus, type ModuleStatus } from "@/lib/lab/runner";
import {
  refreshInBackground,
  schedulerStats,
  watchModule,
  type SchedulerSettings,
} from "@/lib/lab/status-scheduler";
import {
  eventStatuses,
  flushStatuses,
  loadStatus,
  putStatus,
  storedStatus,
  storeWrites,
} from "@/lib/lab/status-store";
import { attendeeIn, labDatabase, labRuntime, sandboxAttendee } from "./lab-harness";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const evaluationsOf = (attendeeId: string) => evaluationCounts().byAttendee.get(attendeeId) ?? 0;

const statusAt = (moduleId: string, at: number, state: "pass" | "fail"): ModuleStatus => ({
  moduleId,
  checkedAt: new Date(at).toISOString(),
  steps: [{ stepId: "ec2-launch", state, items: [] }],
  awsCalls: 3,
});

describe("status store and refresh budget", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await labDatabase();
  });
  afterAll(() => db.destroy());

  it("runs one refresh for many concurrent triggers of one account and module", async () => {
    const settings: SchedulerSettings = {
      cadenceMs: 60_000,
      concurrency: 2,
      firstRefreshSpreadMs: 0,
    };
    const runtime = labRuntime(db);
    const { ref } = await sandboxAttendee(db);
    for (let i = 0; i < 20; i += 1) refreshInBackground(runtime, ref, "compute", settings);
    await expect
      .poll(() => storedStatus(ref.attendeeId, "compute"), { timeout: 20_000 })
      .toBeDefined();
    await pause(300);
    expect(evaluationsOf(ref.attendeeId)).toBe(1);
  });

  it("refreshes a watched account at most once per cadence, and never once nobody watches", async () => {
    const cadenceMs = 300;
    const settings: SchedulerSettings = { cadenceMs, concurrency: 4, firstRefreshSpreadMs: 50 };
    const runtime = labRuntime(db);
    const { ref } = await sandboxAttendee(db);
    const windowStart = Date.now();
    const watchers = Array.from({ length: 6 }, () =>
      watchModule(runtime, ref, "compute", settings),
    );
    await pause(2_400);
    for (const unwatch of watchers) unwatch();
    // A refresh decided while they watched may still be on its way to AWS: let it land first.
    await expect.poll(() => schedulerStats().queued, { timeout: 20_000 }).toBe(0);
    const windowMs = Date.now() - windowStart;
    const during = evaluationsOf(ref.attendeeId);
    // Six watchers, one account: the first refresh plus one per cadence (spread to 75 % at least).
    expect(during).toBeGreaterThanOrEqual(1);
    expect(during).toBeLessThanOrEqual(1 + Math.floor(windowMs / (cadenceMs * 0.75)));
    await pause(1_000);
    expect(evaluationsOf(ref.attendeeId)).toBe(during);

    const { ref: unwatched } = await sandboxAttendee(db);
    watchModule(runtime, unwatched, "compute", { ...settings, firstRefreshSpreadMs: 300 })();
    await pause(1_000);
    expect(evaluationsOf(unwatched.attendeeId)).toBe(0);
  });

  it("drops a refresh still waiting for its turn once its watchers have left", async () => {
    const settings: SchedulerSettings = {
      cadenceMs: 60_000,
      concurrency: 1,
      firstRefreshSpreadMs: 0,
    };
    const runtime = labRuntime(db);
    const refs = [];
    for (let i = 0; i < 4; i += 1) refs.push((await sandboxAttendee(db)).ref);
    const unwatch = refs.map((ref) => watchModule(runtime, ref, "compute", settings));
    await pause(20);
    for (const leave of unwatch) leave();
    await pause(3_000);
    // One budget slot: at most the refresh that had already started ran.
    const ran = refs.reduce((sum, ref) => sum + evaluationsOf(ref.attendeeId), 0);
    expect(ran).toBeLessThanOrEqual(1);
  });

  it("writes to the database only what changed or aged, gathered into few statements", async () => {
    const { attendee } = await attendeeIn(db);
    await flushStatuses();
    const before = storeWrites();
    const start = Date.now();
    putStatus(db, attendee.id, statusAt("compute", start, "fail"));
    putStatus(db, attendee.id, statusAt("compute", start + 1_000, "fail"));
    putStatus(db, attendee.id, statusAt("compute", start + 2_000, "fail"));
    putStatus(db, attendee.id, statusAt("network", start, "pass"));
    await flushStatuses();
    expect(storeWrites().rows - before.rows).toBe(2);
    expect(storeWrites().statements - before.statements).toBe(1);

    putStatus(db, attendee.id, statusAt("compute", start + 5_000, "fail"));
    await flushStatuses();
    expect(storeWrites().rows - before.rows).toBe(2);
    putStatus(db, attendee.id, statusAt("compute", start + 12_000, "fail"));
    putStatus(db, attendee.id, statusAt("network", start + 13_000, "fail"));
    await flushStatuses();
    expect(storeWrites().rows - before.rows).toBe(4);
    const row = await findModuleStatus(db, attendee.id, "compute");
    expect(row?.checked_at).toBe(new Date(start + 12_000).toISOString());
  });

  it("survives a new process: read back from the database, and by event for the instructor", async () => {
    const runtime = labRuntime(db);
    const { ref } = await sandboxAttendee(db);
    const { attendee: other } = await attendeeIn(db);
    refreshInBackground(runtime, ref, "compute", {
      cadenceMs: 60_000,
      concurrency: 2,
      firstRefreshSpreadMs: 0,
    });
    await expect
      .poll(() => storedStatus(ref.attendeeId, "compute"), { timeout: 20_000 })
      .toBeDefined();
    const evaluated = storedStatus(ref.attendeeId, "compute");
    await flushStatuses();

    const holder = globalThis as { __aws101StatusStore?: unknown };
    const thisProcess = holder.__aws101StatusStore;
    delete holder.__aws101StatusStore;
    vi.resetModules();
    try {
      const fresh = await import("@/lib/lab/status-store");
      expect(fresh.storedStatus(ref.attendeeId, "compute")).toBeUndefined();
      expect(await fresh.loadStatus(db, ref.attendeeId, "compute")).toEqual(evaluated);
      expect(await fresh.loadStatus(db, other.id, "compute")).toBeUndefined();
      const byEvent = await fresh.eventStatuses(db, ref.eventId);
      expect(byEvent).toEqual([{ attendeeId: ref.attendeeId, status: evaluated }]);
    } finally {
      holder.__aws101StatusStore = thisProcess;
    }
    expect(await eventStatuses(db, ref.eventId)).toHaveLength(1);
  });

  it("ignores what the database holds from before the account changed", async () => {
    const { attendee } = await attendeeIn(db);
    putStatus(db, attendee.id, statusAt("compute", Date.now() - 1_000, "pass"));
    await flushStatuses();
    forgetCachedStatus(attendee.id);
    expect(await loadStatus(db, attendee.id, "compute")).toBeUndefined();
  });
});
