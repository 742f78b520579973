import type {
  ComputeSnapshot,
  IngressRule,
  InstanceSummary,
  SecurityGroupSummary,
} from "@/lib/aws/types";

export const LAB = {
  instanceName: "Web",
  securityGroup: "web-server-sg",
  securityGroupDescription: "Web server for aws 101 lab",
  keyPair: "awslab",
  instanceType: "t3.micro",
  acceptedInstanceTypes: ["t3.micro", "t2.micro"],
  sshDescription: "Saltware",
} as const;

const anywhere = new Set(["0.0.0.0/0", "::/0"]);
const liveStates = ["running", "pending", "stopping", "stopped"];

export function webInstances(snapshot: ComputeSnapshot): InstanceSummary[] {
  return snapshot.instances.filter(
    (instance) => instance.name === LAB.instanceName && liveStates.includes(instance.state),
  );
}

/** The Web instance the later steps build on: a running one first, then the newest. */
export function findWebInstance(snapshot: ComputeSnapshot): InstanceSummary | undefined {
  const rank = (instance: InstanceSummary) =>
    instance.state === "running" ? 0 : instance.state === "pending" ? 1 : 2;
  return [...webInstances(snapshot)].sort(
    (a, b) => rank(a) - rank(b) || (b.launchedAt ?? "").localeCompare(a.launchedAt ?? ""),
  )[0];
}

export function findWebServerGroup(snapshot: ComputeSnapshot): SecurityGroupSummary | undefined {
  const named = snapshot.securityGroups.filter((group) => group.name === LAB.securityGroup);
  const attachedIds = new Set(findWebInstance(snapshot)?.securityGroups.map((group) => group.id));
  return named.find((group) => attachedIds.has(group.id)) ?? named[0];
}

export function coversPort(rule: IngressRule, port: number): boolean {
  if (rule.protocol === "-1") return true;
  if (rule.protocol !== "tcp" && rule.protocol !== "6") return false;
  return (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535);
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

export function webAddress(snapshot: ComputeSnapshot, instanceId: string) {
  return snapshot.addresses.find((address) => address.instanceId === instanceId);
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
