import { authorizeIngress } from "@/lib/aws/compute";
import type { ComputeSnapshot, IngressRule } from "@/lib/aws/types";
import { LAB, cidrOf, findWebServerGroup, rulesForPort } from "@/lib/lab/compute-facts";
import {
  needsGroupEntry,
  needsGroupItem,
  noOpenSshItem,
  removeOpenSshEntry,
  revokeOpenSsh,
} from "@/lib/lab/steps/web-server-group";
import type { CheckItem, PlanEntry, StepContext, StepDefinition } from "@/lib/lab/types";

const myCidr = (ctx: StepContext) =>
  ctx.clientIp ? `${ctx.clientIp}/${ctx.clientIp.includes(":") ? 128 : 32}` : undefined;

function myRule(rules: IngressRule[], cidr: string | undefined) {
  return cidr ? rules.find((rule) => cidrOf(rule) === cidr) : undefined;
}

function check(snapshot: ComputeSnapshot, ctx: StepContext): CheckItem[] {
  const group = findWebServerGroup(snapshot);
  if (!group) return [needsGroupItem];
  const sshRules = rulesForPort(group, 22);
  const cidr = myCidr(ctx);
  const mine = myRule(sshRules, cidr);
  const items: CheckItem[] = [];
  if (!cidr) {
    items.push({ id: "my-ip", status: "unobservable", message: { key: "check.ssh.ipUnknown" } });
  } else if (mine) {
    items.push({
      id: "my-ip",
      status: "pass",
      message: { key: "check.ssh.myIp", params: { group: LAB.securityGroup, cidr } },
    });
    const description = mine.source.description ?? "";
    items.push(
      description === LAB.sshDescription
        ? { id: "description", status: "pass", message: { key: "check.ssh.description.ok" } }
        : {
            id: "description",
            status: "fail",
            message: {
              key: "check.ssh.description.wrong",
              params: { description: description || "—" },
            },
            fix: { key: "fix.ssh.description" },
          },
    );
  } else {
    const others = sshRules
      .map(cidrOf)
      .filter((value): value is string => !!value && value !== "0.0.0.0/0" && value !== "::/0");
    items.push({
      id: "my-ip",
      status: "fail",
      message:
        others.length > 0
          ? {
              key: "check.ssh.otherIp",
              params: { group: LAB.securityGroup, cidrs: others.join(", "), cidr },
            }
          : { key: "check.ssh.noRule", params: { group: LAB.securityGroup, cidr } },
      fix: { key: "fix.ssh.addMyIp", params: { cidr } },
    });
  }
  items.push(noOpenSshItem(group));
  return items;
}

function plan(snapshot: ComputeSnapshot, ctx: StepContext): PlanEntry[] {
  const group = findWebServerGroup(snapshot);
  if (!group) return [needsGroupEntry];
  const cidr = myCidr(ctx);
  if (!cidr) return [{ id: "my-ip", kind: "blocked", message: { key: "plan.ssh.ipUnknown" } }];
  const entries: PlanEntry[] = [];
  const mine = myRule(rulesForPort(group, 22), cidr);
  if (!mine) {
    entries.push({
      id: "my-ip",
      kind: "create",
      message: { key: "plan.ssh.add", params: { cidr, group: LAB.securityGroup } },
    });
  } else {
    entries.push({
      id: "my-ip",
      kind: "exists",
      message: { key: "plan.ssh.exists", params: { cidr } },
    });
    if (mine.source.description !== LAB.sshDescription) {
      entries.push({
        id: "description",
        kind: "manual",
        message: { key: "plan.ssh.descriptionManual" },
      });
    }
  }
  const removeOpenSsh = removeOpenSshEntry(group);
  if (removeOpenSsh) entries.push(removeOpenSsh);
  return entries;
}

export const sshAccessStep: StepDefinition<ComputeSnapshot> = {
  id: "ssh-access",
  moduleId: "compute",
  check,
  plan,
  async apply(aws, snapshot, ctx, effects) {
    const group = findWebServerGroup(snapshot);
    const cidr = myCidr(ctx);
    if (!group || !cidr) return;
    for (const entry of plan(snapshot, ctx)) {
      if (entry.id === "my-ip" && entry.kind === "create") {
        await authorizeIngress(aws, group.id, {
          protocol: "tcp",
          port: 22,
          cidr,
          description: LAB.sshDescription,
        });
        effects.done.push(entry);
      }
      if (entry.id === "open-ssh") {
        await revokeOpenSsh(aws, group);
        effects.done.push(entry);
      }
    }
  },
};
