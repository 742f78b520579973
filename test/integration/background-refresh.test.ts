import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalDb } from "@/lib/db/connection";
import { refreshStaleModules, type BackgroundSettings } from "@/lib/lab/background-refresh";
import { evaluationCounts, moduleStatus, openStep } from "@/lib/lab/runner";
import { flushStatuses, loadStatus } from "@/lib/lab/status-store";
import { TEST_BACKEND, testDatabase, twoConnections } from "./database";
import { labRuntime, sandboxAttendee } from "./lab-harness";

const settings: BackgroundSettings = {
  cadenceMs: 60_000,
  concurrency: 2,
  activeWindowMs: 2 * 60 * 60 * 1000,
  tickMs: 5_000,
};
const scheduler = { cadenceMs: 20_000, concurrency: 4, firstRefreshSpreadMs: 0 };
const evaluationsOf = (attendeeId: string) => evaluationCounts().byAttendee.get(attendeeId) ?? 0;

async function startedAndOld(db: PortalDb, options: { lastSeenHoursAgo?: number } = {}) {
  const attendee = await sandboxAttendee(db, "198.51.100.20");
  await openStep(labRuntime(db), attendee.ref, "ec2-launch");
  await moduleStatus(labRuntime(db), attendee.ref, "compute", { fresh: true });
  await flushStatuses();
  const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
  await db
    .updateTable("module_status")
    .set({ checked_at: longAgo })
    .where("attendee_id", "=", attendee.attendee.id)
    .execute();
  const lastSeen = new Date(Date.now() - (options.lastSeenHoursAgo ?? 0) * 3_600_000);
  await db
    .updateTable("attendees")
    .set({ last_seen_at: lastSeen.toISOString(), last_client_ip: "198.51.100.20" })
    .where("id", "=", attendee.attendee.id)
    .execute();
  return attendee;
}

// The instructor's grid stays current with every attendee's tab closed: started modules of active
// attendees are refreshed about once a cadence, by one instance of all, a few at a time.
describe(`background refresh on ${TEST_BACKEND}`, () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.destroy());

  it("refreshes a started module nobody watches once its status is a cadence old, and only then", async () => {
    const active = await startedAndOld(db);
    const gone = await startedAndOld(db, { lastSeenHoursAgo: 3 });
    const notStarted = await sandboxAttendee(db);
    const before = [active, gone, notStarted].map((who) => evaluationsOf(who.attendee.id));

    await Promise.all(await refreshStaleModules(labRuntime(db), settings, scheduler));
    const after = [active, gone, notStarted].map((who) => evaluationsOf(who.attendee.id));
    expect(after.map((count, i) => count - (before[i] ?? 0))).toEqual([1, 0, 0]);

    await flushStatuses();
    expect(await refreshStaleModules(labRuntime(db), settings, scheduler)).toHaveLength(0);
    expect(evaluationsOf(active.attendee.id)).toBe(after[0]);
  });

  it("never runs more than its concurrency at once, and takes the rest on later ticks", async () => {
    for (let i = 0; i < 4; i += 1) await startedAndOld(db);
    const first = await refreshStaleModules(labRuntime(db), settings, scheduler);
    expect(first).toHaveLength(settings.concurrency);
    expect(await refreshStaleModules(labRuntime(db), settings, scheduler)).toHaveLength(0);
    await Promise.all(first);
    const rest = await refreshStaleModules(labRuntime(db), settings, scheduler);
    expect(rest).toHaveLength(2);
    await Promise.all(rest);
  });

  it("refreshes all of an attendee's stale modules together, with one read of their account", async () => {
    const own = await testDatabase();
    try {
      const runtime = labRuntime(own);
      const attendee = await sandboxAttendee(own, "198.51.100.20");
      const opened = { compute: "ec2-launch", database: "rds-create", storage: "s3-bucket" };
      const alone: number[] = [];
      for (const [moduleId, stepId] of Object.entries(opened)) {
        await openStep(runtime, attendee.ref, stepId);
        const status = await moduleStatus(runtime, attendee.ref, moduleId, { fresh: true });
        alone.push(status?.awsCalls ?? 0);
      }
      await flushStatuses();
      await own
        .updateTable("module_status")
        .set({ checked_at: new Date(Date.now() - 10 * 60_000).toISOString() })
        .where("attendee_id", "=", attendee.attendee.id)
        .execute();
      const before = evaluationsOf(attendee.attendee.id);

      const started = await refreshStaleModules(runtime, settings, scheduler);
      expect(started).toHaveLength(1);
      await Promise.all(started);
      expect(evaluationsOf(attendee.attendee.id) - before).toBe(3);
      const together = await Promise.all(
        Object.keys(opened).map(async (moduleId) => {
          const status = await loadStatus(own, attendee.attendee.id, moduleId);
          expect(status?.steps.length).toBeGreaterThan(0);
          return status?.awsCalls;
        }),
      );
      const [calls] = new Set(together);
      expect(new Set(together).size).toBe(1);
      // Every kind the three modules share (instances, security groups, …) is read once.
      expect(calls).toBeLessThan(alone.reduce((sum, one) => sum + one, 0));
      expect(calls).toBeGreaterThan(Math.max(...alone));
    } finally {
      await own.destroy();
    }
  });

  it("is done by one of two instances sharing the database", async () => {
    const shared = await twoConnections();
    try {
      const stale = await startedAndOld(shared.first);
      const before = evaluationsOf(stale.attendee.id);
      const [first, second] = await Promise.all([
        refreshStaleModules(labRuntime(shared.first), settings, scheduler),
        refreshStaleModules(labRuntime(shared.second), settings, scheduler),
      ]);
      await Promise.all([...first, ...second]);
      expect(first.length + second.length).toBe(1);
      expect(evaluationsOf(stale.attendee.id) - before).toBe(1);
    } finally {
      await shared.close();
    }
  });
});
