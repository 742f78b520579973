import type {
  DbInstanceSummary,
  IngressRule,
  InstanceSummary,
  SecurityGroupSummary,
} from "@/lib/aws/types";
import { env } from "@/lib/env";
import { blocked, msg, pending } from "@/lib/lab/build";
import { cidrOf, coversPort, groupsOnWeb } from "@/lib/lab/compute-facts";
import { LAB } from "@/lib/lab/names";

// What more than one Database step needs to know about awslab, rds-mysql-sg and the way to them.

export const MYSQL_PORT = 3306;

export function findLabDb(dbs: DbInstanceSummary[]): DbInstanceSummary | undefined {
  return dbs.find((db) => db.id === LAB.dbInstance);
}

/** rds-mysql-sg: the one on awslab when there are several of that name (one per VPC). */
export function findDbGroup(
  groups: SecurityGroupSummary[],
  db: DbInstanceSummary | undefined,
): SecurityGroupSummary | undefined {
  const named = groups.filter((group) => group.name === LAB.dbSecurityGroup);
  return named.find((group) => db?.securityGroupIds.includes(group.id)) ?? named[0];
}

export function groupsOnDb(
  groups: SecurityGroupSummary[],
  db: DbInstanceSummary,
): SecurityGroupSummary[] {
  return groups.filter((group) => db.securityGroupIds.includes(group.id));
}

/** The VPC awslab is in: its subnet group's, or (when none is named) its security groups'. */
export function vpcOfDb(groups: SecurityGroupSummary[], db: DbInstanceSummary): string | undefined {
  return db.vpcId ?? groupsOnDb(groups, db).find((group) => group.vpcId)?.vpcId;
}

export const mysqlRules = (group: SecurityGroupSummary): IngressRule[] =>
  group.ingress.filter((rule) => coversPort(rule, MYSQL_PORT));

export const fromGroup = (rule: IngressRule, groupId: string) =>
  rule.source.kind === "group" && rule.source.groupId === groupId;

function ipv4ToNumber(ip: string): number | undefined {
  const octets = ip.split(".").map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet > 255)) {
    return undefined;
  }
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

export function ipv4InCidr(ip: string, cidr: string): boolean {
  const [base = "", bitsText = "32"] = cidr.split("/");
  const address = ipv4ToNumber(ip);
  const network = ipv4ToNumber(base);
  const bits = Number(bitsText);
  if (address === undefined || network === undefined || !(bits >= 0 && bits <= 32)) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(network / size);
}

/**
 * Whether a connection from Web to awslab on 3306 gets through AWS's security groups: a rule on
 * any group of awslab from any group of Web, or from an address range holding Web's private IP.
 */
export function webReachesDb(
  groups: SecurityGroupSummary[],
  db: DbInstanceSummary,
  web: InstanceSummary,
): boolean {
  const webGroupIds = groupsOnWeb(groups, web).map((group) => group.id);
  return groupsOnDb(groups, db).some((group) =>
    mysqlRules(group).some((rule) => {
      if (webGroupIds.some((id) => fromGroup(rule, id))) return true;
      const cidr = cidrOf(rule);
      return Boolean(cidr && web.privateIp && ipv4InCidr(web.privateIp, cidr));
    }),
  );
}

/** Normalised the way the sample app compares DB_HOST: case and a trailing dot ignored. */
export const sameHost = (a: string, b: string) =>
  a.trim().toLowerCase().replace(/\.$/, "") === b.trim().toLowerCase().replace(/\.$/, "");

/** A time in an item's message: hours and minutes on the workshop's clock. */
export function clockTime(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: env().TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

export const needsDbItem = pending("db", msg("check.db.needsDb", { id: LAB.dbInstance }));
export const needsDbEntry = blocked("db", msg("plan.db.needsDb", { id: LAB.dbInstance }));

export const dbNotReadyItem = (db: DbInstanceSummary) =>
  pending("db", msg("check.db.notReady", { id: db.id, status: db.status ?? "?" }));
export const dbNotReadyEntry = (db: DbInstanceSummary) =>
  blocked("db", msg("plan.db.notReady", { id: db.id, status: db.status ?? "?" }));
