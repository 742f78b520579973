import { allocateAddress, associateAddress } from "@/lib/aws/compute";
import type { ComputeSnapshot } from "@/lib/aws/types";
import { findWebInstance, webAddress } from "@/lib/lab/compute-facts";
import { portalTags, type CheckItem, type PlanEntry, type StepDefinition } from "@/lib/lab/types";

const idleAddresses = (snapshot: ComputeSnapshot) =>
  snapshot.addresses.filter((address) => !address.associationId && !address.instanceId);

function check(snapshot: ComputeSnapshot): CheckItem[] {
  const web = findWebInstance(snapshot);
  if (!web) {
    return [{ id: "instance", status: "pending", message: { key: "check.common.needsWeb" } }];
  }
  const items: CheckItem[] = [];
  const attached = webAddress(snapshot, web.id);
  const idle = idleAddresses(snapshot);
  if (attached) {
    items.push({
      id: "address",
      status: "pass",
      message: { key: "check.eip.associated", params: { ip: attached.publicIp, id: web.id } },
    });
  } else {
    items.push({
      id: "address",
      status: "fail",
      message: { key: idle.length > 0 ? "check.eip.notAssociated" : "check.eip.missing" },
      fix: { key: idle.length > 0 ? "fix.eip.associate" : "fix.eip.allocate" },
    });
  }
  if (attached && idle.length > 0) {
    items.push({
      id: "idle-addresses",
      status: "fail",
      message: {
        key: "check.eip.idle",
        params: { count: idle.length, ips: idle.map((address) => address.publicIp).join(", ") },
      },
      fix: { key: "fix.eip.release" },
    });
  }
  return items;
}

function plan(snapshot: ComputeSnapshot): PlanEntry[] {
  const web = findWebInstance(snapshot);
  if (!web) return [{ id: "instance", kind: "blocked", message: { key: "plan.common.needsWeb" } }];
  const attached = webAddress(snapshot, web.id);
  if (!attached && web.state !== "running") {
    // AWS refuses to associate an address with an instance that isn't running yet.
    return [
      {
        id: "instance",
        kind: "blocked",
        message: { key: "plan.eip.waitForRunning", params: { state: web.state } },
      },
    ];
  }
  if (attached) {
    return [
      {
        id: "address",
        kind: "exists",
        message: { key: "plan.eip.exists", params: { ip: attached.publicIp } },
      },
    ];
  }
  const reusable = idleAddresses(snapshot)[0];
  return reusable
    ? [
        {
          id: "address",
          kind: "create",
          message: { key: "plan.eip.reuse", params: { ip: reusable.publicIp } },
        },
      ]
    : [{ id: "address", kind: "create", message: { key: "plan.eip.allocate" } }];
}

export const elasticIpStep: StepDefinition<ComputeSnapshot> = {
  id: "elastic-ip",
  moduleId: "compute",
  check,
  plan,
  async apply(aws, snapshot, ctx, effects) {
    const web = findWebInstance(snapshot);
    if (!web || web.state !== "running" || webAddress(snapshot, web.id)) return;
    // An idle address the attendee already pays for is reused instead of allocating a second one.
    const allocationId =
      idleAddresses(snapshot)[0]?.allocationId ??
      (await allocateAddress(aws, portalTags(ctx))).allocationId;
    await associateAddress(aws, allocationId, web.id);
    effects.done.push(...plan(snapshot));
  },
};
