import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Facts } from "@/lib/lab/facts";
import { stepDefinition } from "@/lib/lab/registry";
import type { CheckItem } from "@/lib/lab/types";
import { context } from "./snapshot-fixtures";

// Recorded from the emulator by test/fixtures/record-compute-snapshots.ts: an attendee's own
// console work with classic mistakes (the wizard's SSH rule kept, the 2019 user data pasted,
// an Elastic IP allocated but not associated).
const byHand = JSON.parse(
  readFileSync(path.join(__dirname, "..", "fixtures", "compute-by-hand.json"), "utf8"),
) as Facts;

const statuses = (items: CheckItem[]) =>
  Object.fromEntries(items.map((item) => [item.id, item.status]));

describe("checks on recorded facts of hand-made resources", () => {
  it("ec2-launch: finds Web by its Name tag and names the open SSH rule and the 2019 user data", async () => {
    const items = await stepDefinition("ec2-launch").check(byHand, context());
    expect(statuses(items)).toEqual({
      instance: "pass",
      state: "pass",
      ami: "pass",
      type: "pass",
      "user-data": "fail",
      "public-ip": "pass",
      metadata: "pass",
      "security-group": "pass",
      "no-open-ssh": "fail",
      "key-pair": "pass",
    });
    expect(items.find((item) => item.id === "user-data")?.message.key).toBe(
      "check.ec2.userData.lab2019",
    );
  });

  it("elastic-ip: an allocated address that isn't associated is not a pass", async () => {
    const [item] = await stepDefinition("elastic-ip").check(byHand, context());
    expect(item).toMatchObject({ status: "fail", message: { key: "check.eip.notAssociated" } });
  });

  it("ssh-access: the world-open rule fails and no rule for the attendee exists", async () => {
    expect(statuses(await stepDefinition("ssh-access").check(byHand, context()))).toEqual({
      "security-group": "pass",
      "my-ip": "fail",
      "no-open-ssh": "fail",
    });
  });

  it("web-app: in the sandbox the emulator's public IP is never probed", async () => {
    const probe = vi.fn();
    const items = await stepDefinition("web-app").check(byHand, context({ probe }));
    expect(statuses(items)).toEqual({
      "security-group": "pass",
      "http-rule": "fail",
      app: "unobservable",
    });
    expect(probe).not.toHaveBeenCalled();
  });

  it("plans the missing pieces without touching what the attendee made", async () => {
    const plan = await stepDefinition("ec2-launch").plan(byHand, context());
    expect(plan.map((entry) => [entry.id, entry.kind])).toEqual([
      ["key-pair", "exists"],
      ["security-group", "exists"],
      ["open-ssh", "remove"],
      ["instance", "exists"],
      ["user-data", "manual"],
    ]);
    // The idle address was allocated by hand, not by the portal: it is not reused.
    expect((await stepDefinition("elastic-ip").plan(byHand, context()))[0]?.message.key).toBe(
      "plan.eip.allocate",
    );
  });
});
