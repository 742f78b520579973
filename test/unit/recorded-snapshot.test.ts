import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { ComputeSnapshot } from "@/lib/aws/types";
import { computeModule } from "@/lib/lab/modules";
import type { CheckItem } from "@/lib/lab/types";
import { context } from "./snapshot-fixtures";

// Recorded from the emulator by test/fixtures/record-compute-snapshots.ts: an attendee's own
// console work with two classic mistakes (the wizard's SSH rule kept, an Elastic IP not associated).
const byHand = JSON.parse(
  readFileSync(path.join(__dirname, "..", "fixtures", "compute-by-hand.json"), "utf8"),
) as ComputeSnapshot;

const statuses = (items: CheckItem[]) =>
  Object.fromEntries(items.map((item) => [item.id, item.status]));

describe("checks on a recorded snapshot of hand-made resources", () => {
  const [ec2Launch, elasticIp, sshAccess, webApp] = computeModule.steps;

  it("ec2-launch: finds Web by its Name tag and names only the open SSH rule and the missing user data", async () => {
    expect(statuses(await ec2Launch!.check(byHand, context()))).toEqual({
      instance: "pass",
      state: "pass",
      ami: "pass",
      type: "pass",
      "user-data": "fail",
      "security-group": "pass",
      "no-open-ssh": "fail",
      "key-pair": "pass",
    });
  });

  it("elastic-ip: an allocated address that isn't associated is not a pass", async () => {
    const [item] = await elasticIp!.check(byHand, context());
    expect(item).toMatchObject({ status: "fail", message: { key: "check.eip.notAssociated" } });
  });

  it("ssh-access: the world-open rule fails and no rule for the attendee exists", async () => {
    expect(statuses(await sshAccess!.check(byHand, context()))).toEqual({
      "my-ip": "fail",
      "no-open-ssh": "fail",
    });
  });

  it("web-app: in the sandbox the emulator's public IP is never probed", async () => {
    const probe = vi.fn();
    const items = await webApp!.check(byHand, context({ probe }));
    expect(statuses(items)).toEqual({ "http-rule": "fail", app: "unobservable" });
    expect(probe).not.toHaveBeenCalled();
  });

  it("plans the missing pieces without touching what the attendee made", () => {
    expect(ec2Launch!.plan(byHand, context()).map((entry) => [entry.id, entry.kind])).toEqual([
      ["key-pair", "exists"],
      ["security-group", "exists"],
      ["open-ssh", "remove"],
      ["instance", "exists"],
    ]);
    expect(elasticIp!.plan(byHand, context())[0]?.message.key).toBe("plan.eip.reuse");
  });
});
