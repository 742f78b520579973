import type { AwsClients } from "@/lib/aws/client";
import { revokeIngress } from "@/lib/aws/compute";
import type { SecurityGroupSummary } from "@/lib/aws/types";
import { LAB, openToWorld } from "@/lib/lab/compute-facts";
import type { CheckItem, PlanEntry } from "@/lib/lab/types";

// Items and actions on web-server-sg that more than one Compute step shares.

export const needsGroupItem: CheckItem = {
  id: "security-group",
  status: "pending",
  message: { key: "check.common.needsGroup", params: { group: LAB.securityGroup } },
};

export const needsGroupEntry: PlanEntry = {
  id: "security-group",
  kind: "blocked",
  message: { key: "plan.common.needsGroup", params: { group: LAB.securityGroup } },
};

/** The wizard's default SSH rule from anywhere, which the lab deletes. */
export function noOpenSshItem(group: SecurityGroupSummary): CheckItem {
  return openToWorld(group, 22).length === 0
    ? {
        id: "no-open-ssh",
        status: "pass",
        message: { key: "check.sg.noOpenSsh", params: { group: LAB.securityGroup } },
      }
    : {
        id: "no-open-ssh",
        status: "fail",
        message: { key: "check.sg.openSsh", params: { group: LAB.securityGroup } },
        fix: { key: "fix.sg.openSsh" },
      };
}

export function removeOpenSshEntry(group: SecurityGroupSummary): PlanEntry | undefined {
  if (openToWorld(group, 22).length === 0) return undefined;
  return {
    id: "open-ssh",
    kind: "remove",
    message: { key: "plan.sg.removeOpenSsh", params: { group: LAB.securityGroup } },
  };
}

/** Revokes every SSH rule open to anywhere; returns whether there was one. */
export async function revokeOpenSsh(
  aws: AwsClients,
  group: SecurityGroupSummary,
): Promise<boolean> {
  const openSsh = openToWorld(group, 22);
  for (const rule of openSsh) await revokeIngress(aws, group.id, rule);
  return openSsh.length > 0;
}
