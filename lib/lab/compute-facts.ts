import type {
  AddressSummary,
  IngressRule,
  InstanceSummary,
  SecurityGroupSummary,
} from "@/lib/aws/types";
import { LAB } from "@/lib/lab/names";

const anywhere = new Set(["0.0.0.0/0", "::/0"]);

export function webInstances(instances: InstanceSummary[]): InstanceSummary[] {
  return instances.filter((instance) => instance.name === LAB.instanceName);
}

/** The Web instance the later steps build on: a running one first, then the newest. */
export function findWebInstance(instances: InstanceSummary[]): InstanceSummary | undefined {
  const rank = (instance: InstanceSummary) =>
    instance.state === "running" ? 0 : instance.state === "pending" ? 1 : 2;
  return [...webInstances(instances)].sort(
    (a, b) => rank(a) - rank(b) || (b.launchedAt ?? "").localeCompare(a.launchedAt ?? ""),
  )[0];
}

export function isAttached(web: InstanceSummary | undefined, group: SecurityGroupSummary) {
  return web?.securityGroups.some((attached) => attached.id === group.id) ?? false;
}

/** web-server-sg: the one attached to Web when there are several of that name (one per VPC). */
export function findWebServerGroup(
  groups: SecurityGroupSummary[],
  web: InstanceSummary | undefined,
): SecurityGroupSummary | undefined {
  const named = groups.filter((group) => group.name === LAB.securityGroup);
  return named.find((group) => isAttached(web, group)) ?? named[0];
}

/** Every group on Web: AWS allows what any one of them allows. */
export function groupsOnWeb(
  groups: SecurityGroupSummary[],
  web: InstanceSummary,
): SecurityGroupSummary[] {
  return groups.filter((group) => isAttached(web, group));
}

export const isAllTraffic = (rule: IngressRule) => rule.protocol === "-1";

const isTcp = (rule: IngressRule) => rule.protocol === "tcp" || rule.protocol === "6";

export function coversPort(rule: IngressRule, port: number): boolean {
  if (isAllTraffic(rule)) return true;
  if (!isTcp(rule)) return false;
  return (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535);
}

/** A rule of the console's type "SSH" (or "HTTP"): TCP and exactly that one port. */
export function isExactlyPort(rule: IngressRule, port: number): boolean {
  return isTcp(rule) && rule.fromPort === port && rule.toPort === port;
}

export function cidrOf(rule: IngressRule): string | undefined {
  return rule.source.kind === "ipv4" || rule.source.kind === "ipv6" ? rule.source.cidr : undefined;
}

export function isFromAnywhere(rule: IngressRule): boolean {
  const cidr = cidrOf(rule);
  return cidr !== undefined && anywhere.has(cidr);
}

export function rulesForPort(group: SecurityGroupSummary, port: number): IngressRule[] {
  return group.ingress.filter((rule) => coversPort(rule, port));
}

export function openToWorld(group: SecurityGroupSummary, port: number): IngressRule[] {
  return rulesForPort(group, port).filter(isFromAnywhere);
}

export function addressOf(
  addresses: AddressSummary[],
  instanceId: string,
): AddressSummary | undefined {
  return addresses.find((address) => address.instanceId === instanceId);
}

export function describeSource(rule: IngressRule): string {
  switch (rule.source.kind) {
    case "ipv4":
    case "ipv6":
      return rule.source.cidr;
    case "group":
      return rule.source.groupId;
    case "prefix-list":
      return rule.source.prefixListId;
  }
}
