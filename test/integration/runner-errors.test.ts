import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PortalDb } from "@/lib/db/connection";
import { msg, pass } from "@/lib/lab/build";
import { moduleStatus } from "@/lib/lab/runner";
import { defineStep } from "@/lib/lab/types";
import { labDatabase, labRuntime, sandboxAttendee } from "./lab-harness";

const brokenStep = defineStep({
  id: "broken",
  needs: ["instances"],
  started: () => true,
  check(facts) {
    // A bug of ours, not AWS's: reading past the end of an empty list.
    const first = facts.instances[0] as unknown as { id: string };
    return [pass("instance", msg("check.ec2.instance.found", { id: first.id }))];
  },
  plan: () => [],
});

vi.mock("@/lib/lab/catalogue", () => ({
  moduleSteps: async (moduleId: string) => (moduleId === "broken" ? [brokenStep] : undefined),
  moduleOfStep: async () => "broken",
}));

describe("a bug in a check", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await labDatabase();
  });
  afterAll(() => db.destroy());

  it("is an internal error with a reference, not an AWS problem, and keeps the credentials", async () => {
    const { ref } = await sandboxAttendee(db);
    const status = await moduleStatus(labRuntime(db), ref, "broken", { fresh: true });
    expect(status?.problem).toEqual({
      code: "internal",
      reference: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    const credentials = await db.selectFrom("aws_credentials").select("attendee_id").execute();
    expect(credentials.map((row) => row.attendee_id)).toContain(ref.attendeeId);
  });
});
