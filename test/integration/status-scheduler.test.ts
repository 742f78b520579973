import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalDb } from "@/lib/db/connection";
import { evaluationCounts, moduleStatus } from "@/lib/lab/runner";
import {
  refreshInBackground,
  schedulerStats,
  watchModule,
  type SchedulerSettings,
} from "@/lib/lab/status-scheduler";
import { storedStatus, subscribeToStatus } from "@/lib/lab/status-store";
import { attendeeIn, labDatabase, labRuntime, sandboxAttendee } from "./lab-harness";

const settings: SchedulerSettings = { cadenceMs: 200, concurrency: 2, firstRefreshSpreadMs: 50 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const evaluationsOf = (attendeeId: string) => evaluationCounts().byAttendee.get(attendeeId) ?? 0;

describe("status scheduler", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await labDatabase();
  });
  afterAll(() => db.destroy());

  it("refreshes a watched module on its cadence, however many watch it, and stops when nobody does", async () => {
    const runtime = labRuntime(db);
    const { ref } = await sandboxAttendee(db);
    const pushed: string[] = [];
    const unsubscribe = subscribeToStatus(ref.attendeeId, "compute", (status) =>
      pushed.push(status.checkedAt),
    );
    const refreshesBefore = schedulerStats().refreshes;
    const watchers = Array.from({ length: 5 }, () =>
      watchModule(runtime, ref, "compute", settings),
    );
    await expect
      .poll(() => evaluationsOf(ref.attendeeId), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    for (const unwatch of watchers) unwatch();
    // A refresh decided while they watched may still be on its way to AWS: let it land first.
    await expect.poll(() => schedulerStats().queued, { timeout: 20_000 }).toBe(0);
    const during = evaluationsOf(ref.attendeeId);
    // Five watchers, one refresh loop: every evaluation is one scheduled refresh.
    expect(during).toBe(schedulerStats().refreshes - refreshesBefore);
    expect(storedStatus(ref.attendeeId, "compute")?.steps).toHaveLength(4);
    // The first evaluation is pushed; later ones only when something changed.
    expect(pushed).toHaveLength(1);

    await pause(800);
    expect(evaluationsOf(ref.attendeeId)).toBe(during);
    unsubscribe();
  });

  it("answers from the store without evaluating again, and shares one evaluation between callers", async () => {
    const runtime = { ...labRuntime(db), cacheMs: 60_000 };
    const { ref } = await sandboxAttendee(db);
    const before = evaluationsOf(ref.attendeeId);
    const [a, b, c] = await Promise.all([
      moduleStatus(runtime, ref, "compute", { fresh: true }),
      moduleStatus(runtime, ref, "compute", { fresh: true }),
      moduleStatus(runtime, ref, "compute"),
    ]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(await moduleStatus(runtime, ref, "compute")).toBe(a);
    expect(evaluationsOf(ref.attendeeId) - before).toBe(1);
  });

  it("starts at most its refreshes per second however many panels are due at once", async () => {
    const runtime = labRuntime(db);
    const attendees = await Promise.all(Array.from({ length: 6 }, () => attendeeIn(db)));
    const paced: SchedulerSettings = { ...settings, concurrency: 6, perSecond: 2 };
    const before = schedulerStats().refreshes;
    const all = attendees.map(({ attendee, event }) =>
      refreshInBackground(
        runtime,
        { attendeeId: attendee.id, eventId: event.id },
        "compute",
        paced,
      ),
    );
    // Six due at once, two a second: the first started at once, the second half a second later.
    await pause(400);
    expect(schedulerStats().refreshes - before).toBeLessThanOrEqual(1);
    await Promise.all(all);
    expect(schedulerStats().refreshes - before).toBe(6);
  });

  it("reads one account one refresh at a time, spaced by the account's calls budget", async () => {
    const runtime = labRuntime(db);
    const { ref } = await sandboxAttendee(db);
    const other = await sandboxAttendee(db);
    // A compute refresh of an empty account makes 5 calls: at 1 call/s the next waits 5 s.
    const budgeted: SchedulerSettings = { ...settings, concurrency: 4, accountCallsPerSecond: 1 };
    const before = evaluationsOf(ref.attendeeId);
    const asked = Date.now();
    const doneAt = (refresh: Promise<void>) => refresh.then(() => Date.now());
    const first = refreshInBackground(runtime, ref, "compute", budgeted);
    const second = doneAt(refreshInBackground(runtime, ref, "database", budgeted));
    const elsewhere = doneAt(refreshInBackground(runtime, other.ref, "database", budgeted));
    expect(schedulerStats().waitingForAccount).toBeGreaterThanOrEqual(1);
    await first;
    expect((storedStatus(ref.attendeeId, "compute") ?? { awsCalls: 0 }).awsCalls).toBe(5);
    // This account's second refresh waited for the first's 5 calls at 1 call/s, however fast or
    // slow the machine; another attendee's account, not held back, was read meanwhile.
    const [secondDone, elsewhereDone] = await Promise.all([second, elsewhere]);
    expect(secondDone - asked).toBeGreaterThanOrEqual(5_000);
    expect(elsewhereDone).toBeLessThan(secondDone);
    expect(storedStatus(other.ref.attendeeId, "database")).toBeDefined();
    expect(evaluationsOf(ref.attendeeId) - before).toBe(2);
    expect(schedulerStats().waitingForAccount).toBe(0);
  });
});
