import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalDb } from "@/lib/db/connection";
import { listStepStatus, recordStepStatus } from "@/lib/db/queries";
import { attendeeIn, labDatabase } from "./lab-harness";

describe("recorded step states", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await labDatabase();
  });
  afterAll(() => db.destroy());

  it("two refreshes recording one step at once don't collide, and the history adds up", async () => {
    const { attendee } = await attendeeIn(db);
    const record = (state: "fail" | "pass" | "not-started") =>
      recordStepStatus(db, {
        attendeeId: attendee.id,
        moduleId: "compute",
        stepId: "ec2-launch",
        state,
        itemsJson: "[]",
      });
    await Promise.all([record("not-started"), record("not-started"), record("not-started")]);
    await record("fail");
    await record("fail");
    await record("pass");
    const [passed] = await listStepStatus(db, attendee.id);
    await record("fail");
    await record("pass");
    const [row] = await listStepStatus(db, attendee.id);
    expect(row).toMatchObject({ state: "pass", fail_count: 2, passed_at: passed?.passed_at });
    expect(passed?.passed_at).toBeTruthy();
  });
});
