import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { closeChangeFeed, publishChange, subscribeChanges } from "@/lib/db/changes";
import type { PortalDb } from "@/lib/db/connection";
import { acquireLease, claimPeriodicRun, releaseLease, withLease } from "@/lib/db/leases";
import { DatabaseWindowStore, WindowLimiter, takeAll } from "@/lib/limits";
import { saveModuleStatuses } from "@/lib/db/module-status";
import { applyStep, type ModuleStatus } from "@/lib/lab/runner";
import { followOtherInstances, subscribeToStatus } from "@/lib/lab/status-store";
import { TEST_BACKEND, twoConnections } from "./database";
import { attendeeIn, labRuntime, sandboxAttendee } from "./lab-harness";

// Everything two portal instances must agree on goes through the database they share: run here
// with two connections to one database, on SQLite and (the `postgres` project) on PostgreSQL.
describe(`shared state on ${TEST_BACKEND}`, () => {
  let first: PortalDb;
  let second: PortalDb;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ first, second, close } = await twoConnections());
  });
  afterAll(async () => {
    await closeChangeFeed(first);
    await close();
  });

  it("gives a lease to exactly one of many concurrent claimants, and again once it lapses", async () => {
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        acquireLease(i % 2 ? first : second, "apply:123456789012", 60_000),
      ),
    );
    const holders = claims.filter((holder) => holder !== undefined);
    expect(holders).toHaveLength(1);
    expect(await acquireLease(first, "apply:123456789012", 60_000)).toBeUndefined();
    await releaseLease(second, "apply:123456789012", holders[0]!);
    expect(await acquireLease(first, "apply:123456789012", 60_000)).toBeDefined();

    expect(await acquireLease(first, "short", 1)).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await acquireLease(second, "short", 60_000)).toBeDefined();
  });

  it("runs work under a lease and refuses a second runner meanwhile", async () => {
    let inside: ((value?: unknown) => void) | undefined;
    const running = withLease(first, "cleanup:event-1", 60_000, async () => {
      await new Promise((resolve) => (inside = resolve));
      return "done";
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await withLease(second, "cleanup:event-1", 60_000, async () => "twice")).toBeUndefined();
    inside?.();
    expect(await running).toEqual({ value: "done" });
    expect(await withLease(second, "cleanup:event-1", 60_000, async () => "after")).toEqual({
      value: "after",
    });
  });

  it("lets one instance of all run a periodic sweep per interval", async () => {
    const runs = await Promise.all([
      claimPeriodicRun(first, "sweep:test", 60_000),
      claimPeriodicRun(second, "sweep:test", 60_000),
      claimPeriodicRun(first, "sweep:test", 60_000),
    ]);
    expect(runs.filter(Boolean)).toHaveLength(1);
  });

  it("counts a limiter's events from every instance together", async () => {
    const onFirst = new WindowLimiter(
      3,
      60_000,
      Date.now,
      new DatabaseWindowStore("join", async () => first),
    );
    const onSecond = new WindowLimiter(
      3,
      60_000,
      Date.now,
      new DatabaseWindowStore("join", async () => second),
    );
    expect(await takeAll([[onFirst, "venue"]])).toBeUndefined();
    expect(await takeAll([[onSecond, "venue"]])).toBeUndefined();
    expect(await takeAll([[onFirst, "venue"]])).toBeUndefined();
    expect(await takeAll([[onSecond, "venue"]])).toMatchObject({ index: 0 });
    expect(await onFirst.isBlocked("venue")).toBe(true);
    expect(await onSecond.isBlocked("another venue")).toBe(false);
  });

  it("tells every listener of a change, whichever instance made it", async () => {
    const heard: string[] = [];
    // On SQLite there is one instance (one connection); on PostgreSQL the other one hears it too.
    const listener = TEST_BACKEND === "postgres" ? second : first;
    const stop = await subscribeChanges(listener, "status", (key) => heard.push(key));
    await publishChange(first, "status", "attendee-1|compute");
    await publishChange(first, "event", "event-1");
    await expect.poll(() => heard, { timeout: 5_000 }).toEqual(["attendee-1|compute"]);
    stop();
    await publishChange(first, "status", "attendee-2|compute");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(["attendee-1|compute"]);
  });

  it("brings a status another instance wrote to the streams held here", async () => {
    const { attendee } = await attendeeIn(first);
    const key = `${attendee.id}|compute`;
    const writer = first;
    const reader = TEST_BACKEND === "postgres" ? second : first;
    await followOtherInstances(reader);
    const heard: ModuleStatus[] = [];
    const stop = subscribeToStatus(attendee.id, "compute", (status) => heard.push(status));
    const status: ModuleStatus = {
      moduleId: "compute",
      checkedAt: new Date().toISOString(),
      steps: [{ stepId: "ec2-launch", state: "pass", items: [] }],
      awsCalls: 3,
    };
    await saveModuleStatuses(writer, [
      {
        attendee_id: attendee.id,
        module_id: "compute",
        status_json: JSON.stringify(status),
        checked_at: status.checkedAt,
      },
    ]);
    await publishChange(writer, "status", key);
    await expect
      .poll(() => heard.map((one) => one.steps[0]?.state), { timeout: 5_000 })
      .toEqual(["pass"]);
    stop();
  });

  it("runs ten concurrent do-it-for-me clicks split over two instances as one: one instance", async () => {
    const { ref, byHand } = await sandboxAttendee(first);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        applyStep(labRuntime(i % 2 ? first : second), ref, "ec2-launch"),
      ),
    );
    const busy = outcomes.filter((outcome) => outcome?.problem?.code === "busy");
    expect(busy.length).toBeGreaterThanOrEqual(1);
    const instances = await byHand.ec2().send(
      new DescribeInstancesCommand({
        Filters: [{ Name: "instance-state-name", Values: ["pending", "running"] }],
      }),
    );
    const count = (instances.Reservations ?? []).flatMap(
      (reservation) => reservation.Instances ?? [],
    ).length;
    expect(count).toBe(1);
  });
});
