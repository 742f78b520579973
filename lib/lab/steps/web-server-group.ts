import { revokeIngress } from "@/lib/aws/ec2";
import type { InstanceSummary, SecurityGroupSummary } from "@/lib/aws/types";
import { blocked, fail, manual, msg, pass, pending, remove } from "@/lib/lab/build";
import {
  groupsOnWeb,
  isAttached,
  isExactlyPort,
  isFromAnywhere,
  openToWorld,
} from "@/lib/lab/compute-facts";
import { LAB } from "@/lib/lab/names";
import type { CheckItem, PlanEntry } from "@/lib/lab/types";

// Items and plan entries about web-server-sg that more than one Compute step shares.

const group = LAB.securityGroup;

export const needsGroupItem = pending("security-group", msg("check.common.needsGroup", { group }));
export const needsGroupEntry = blocked("security-group", msg("plan.common.needsGroup", { group }));
export const needsWebItem = pending("instance", msg("check.common.needsWeb"));
export const needsWebEntry = blocked("instance", msg("plan.common.needsWeb"));

/** The ssh and web steps change web-server-sg; that only matters if Web actually uses it. */
export function attachedItem(
  web: InstanceSummary,
  webServerGroup: SecurityGroupSummary,
): CheckItem {
  return isAttached(web, webServerGroup)
    ? pass("security-group", msg("check.sg.attached", { group, id: webServerGroup.id }))
    : fail(
        "security-group",
        msg("check.sg.notAttached", { group }),
        msg("fix.sg.notAttached", { group }),
      );
}

export function attachEntry(web: InstanceSummary, webServerGroup: SecurityGroupSummary) {
  return isAttached(web, webServerGroup)
    ? []
    : [manual("attach-sg", msg("plan.instance.attachSgManually", { group }))];
}

/** The groups SSH would be open to the world through: every group on Web, or web-server-sg alone. */
function groupsToInspect(
  groups: SecurityGroupSummary[],
  web: InstanceSummary | undefined,
  webServerGroup: SecurityGroupSummary | undefined,
) {
  if (web) return groupsOnWeb(groups, web);
  return webServerGroup ? [webServerGroup] : [];
}

/** The wizard's default SSH rule from anywhere, on any group of Web (launch-wizard-N included). */
export function noOpenSshItem(
  groups: SecurityGroupSummary[],
  web: InstanceSummary | undefined,
  webServerGroup: SecurityGroupSummary | undefined,
): CheckItem {
  const open = groupsToInspect(groups, web, webServerGroup).filter(
    (candidate) => openToWorld(candidate, 22).length > 0,
  );
  if (open.length === 0) return pass("no-open-ssh", msg("check.sg.noOpenSsh"));
  const names = open.map((candidate) => candidate.name).join(", ");
  return fail(
    "no-open-ssh",
    msg("check.sg.openSsh", { groups: names }),
    msg(
      open.every((candidate) => candidate.name === group)
        ? "fix.sg.openSsh"
        : "fix.sg.openSshOther",
      {
        groups: names,
      },
    ),
  );
}

/**
 * Do it for me deletes only the exact rule the wizard adds (SSH, port 22, from anywhere) and only
 * in web-server-sg; an all-traffic or port-range rule, or another group, is the attendee's call.
 */
export function openSshEntries(
  groups: SecurityGroupSummary[],
  web: InstanceSummary | undefined,
  webServerGroup: SecurityGroupSummary | undefined,
): PlanEntry[] {
  const entries: PlanEntry[] = [];
  for (const candidate of groupsToInspect(groups, web, webServerGroup)) {
    const open = openToWorld(candidate, 22);
    const wizardRules = open.filter((rule) => isExactlyPort(rule, 22) && isFromAnywhere(rule));
    const removable = candidate.id === webServerGroup?.id ? wizardRules : [];
    if (removable.length > 0) {
      entries.push(
        remove(
          "open-ssh",
          msg("plan.sg.removeOpenSsh", { group }),
          msg("done.sg.removedOpenSsh", { group }),
          async ({ aws }) => {
            for (const rule of removable) await revokeIngress(aws, candidate.id, rule);
          },
        ),
      );
    }
    if (open.length > removable.length) {
      entries.push(
        manual(
          `open-ssh:${candidate.name}`,
          msg("plan.sg.openSshManual", { group: candidate.name }),
        ),
      );
    }
  }
  return entries;
}
