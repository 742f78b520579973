import type { AwsClients } from "@/lib/aws/client";
import type { RecordSetInput } from "@/lib/aws/route53";
import type { RecordSetSummary } from "@/lib/aws/types";
import type { SharedZone } from "@/lib/lab/app-services";
import { blocked, fail, msg } from "@/lib/lab/build";
import { addressOf, findWebInstance } from "@/lib/lab/compute-facts";
import type { Facts } from "@/lib/lab/facts";
import type { AddressOwner, CheckItem, PlanEntry, StepContext } from "@/lib/lab/types";

/** The attendee's name in the class zone and the session that may change it, or why not yet. */
export type ZoneReadiness =
  | { ready: true; name: string; records: RecordSetSummary[]; zone: SharedZone; aws: AwsClients }
  | { ready: false; item: CheckItem; entry: PlanEntry };

type NotReadyKey = "noZoneConfigured" | "noInitials" | "noAccess" | "noZone";

function notReady(id: string, key: NotReadyKey, zoneId?: string): ZoneReadiness {
  const params = zoneId ? { zoneId } : undefined;
  return {
    ready: false,
    item: fail(id, msg(`check.record.${key}`, params), msg(`fix.record.${key}`)),
    entry: blocked(id, msg(`plan.record.${key}`, params)),
  };
}

export function zoneReadiness(
  facts: Pick<Facts, "zoneRecords" | "instructorAccess">,
  ctx: StepContext,
): ZoneReadiness {
  const records = facts.zoneRecords;
  if (records.state === "unreadable") {
    switch (records.why) {
      case "no-zone-configured":
        return notReady("zone", "noZoneConfigured");
      case "no-initials":
        return notReady("initials", "noInitials");
      case "no-access":
        return notReady("access", "noAccess");
      case "no-zone":
        return notReady("zone", "noZone", ctx.sharedZone?.zoneId);
    }
  }
  const access = facts.instructorAccess;
  if (access.state !== "granted" || !ctx.sharedZone) return notReady("access", "noAccess");
  return {
    ready: true,
    name: records.name,
    records: records.records,
    zone: ctx.sharedZone,
    aws: access.aws,
  };
}

/** The public IP the record must hold: the Elastic IP on the attendee's Web. */
export function webElasticIp(facts: Pick<Facts, "instances" | "addresses">): string | undefined {
  const web = findWebInstance(facts.instances);
  return web ? addressOf(facts.addresses, web.id)?.publicIp : undefined;
}

export const noElasticIpItem = fail(
  "address",
  msg("check.record.noElasticIp"),
  msg("fix.record.noElasticIp"),
);
export const noElasticIpEntry = blocked("address", msg("plan.record.noElasticIp"));

/** The attendee's A records and what else sits under their name, by the part each plays. */
export function recordsByRole(records: RecordSetSummary[]) {
  const a = records.filter((record) => record.type === "A");
  return {
    simple: a.find((record) => record.routing === "simple"),
    primary: a.find((record) => record.failover === "PRIMARY"),
    secondary: a.find((record) => record.failover === "SECONDARY"),
    otherRouting: a.find((record) => record.routing !== "simple" && record.routing !== "failover"),
    cname: records.find((record) => record.type === "CNAME"),
    aaaa: records.find((record) => record.type === "AAAA"),
  };
}

/** How a record's values compare with the attendee's Elastic IP. */
export type ValueVerdict =
  | { kind: "right" }
  | { kind: "classmate"; ip: string; owner: AddressOwner }
  | { kind: "extra"; values: string }
  | { kind: "own"; ip: string }
  | { kind: "unknown"; ip: string };

/** A classmate's address is named first: it is the one do-it-for-me must never overwrite. */
export async function judgeValues(
  values: string[],
  elasticIp: string,
  ctx: StepContext,
): Promise<ValueVerdict> {
  const others = values.filter((value) => value !== elasticIp);
  if (others.length === 0 && values.length > 0) return { kind: "right" };
  const owners = await Promise.all(
    others.map(async (ip) => ({ ip, owner: await ctx.addressOwner(ip) })),
  );
  const classmate = owners.find(({ owner }) => owner && owner.attendeeId !== ctx.attendeeId);
  if (classmate?.owner) return { kind: "classmate", ip: classmate.ip, owner: classmate.owner };
  if (values.includes(elasticIp)) return { kind: "extra", values: values.join(", ") };
  const first = owners[0];
  if (!first) return { kind: "unknown", ip: "" };
  return first.owner ? { kind: "own", ip: first.ip } : { kind: "unknown", ip: first.ip };
}

export const ownerName = (owner: AddressOwner) =>
  owner.initials ? `${owner.displayName} (${owner.initials})` : owner.displayName;

export const classmateEntry = (ip: string, owner: AddressOwner) =>
  blocked("record", msg("plan.record.classmate", { ip, owner: ownerName(owner) }));

/** A change batch deletes a record set only when it names it exactly as it is. */
export function exactly(record: RecordSetSummary): RecordSetInput {
  return {
    name: record.name,
    type: record.type as RecordSetInput["type"],
    ...(record.alias ? { alias: record.alias } : { ttl: record.ttl, values: record.values }),
    ...(record.setIdentifier ? { setIdentifier: record.setIdentifier } : {}),
    ...(record.failover === "PRIMARY" || record.failover === "SECONDARY"
      ? { failover: record.failover }
      : {}),
    ...(record.healthCheckId ? { healthCheckId: record.healthCheckId } : {}),
  };
}
