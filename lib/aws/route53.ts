import "server-only";
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  TestDNSAnswerCommand,
  type ResourceRecordSet,
  type RRType,
} from "@aws-sdk/client-route-53";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import type { RecordSetSummary } from "@/lib/aws/types";

/** Route 53 answers names with a trailing dot and escapes; our names have neither. */
export const plainDnsName = (name: string) =>
  name
    .replace(/\.$/, "")
    .replace(/\\(\d{3})/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 8)))
    .toLowerCase();

const bareZoneId = (zoneId: string) => zoneId.replace(/^\/hostedzone\//, "");

function recordSummary(record: ResourceRecordSet): RecordSetSummary | undefined {
  if (!record.Name || !record.Type) return undefined;
  const routing = record.Failover
    ? "failover"
    : record.Weight !== undefined
      ? "weighted"
      : record.Region
        ? "latency"
        : record.GeoLocation
          ? "geolocation"
          : record.MultiValueAnswer !== undefined
            ? "multivalue"
            : "simple";
  return {
    name: plainDnsName(record.Name),
    type: record.Type,
    routing,
    ttl: record.TTL,
    values: (record.ResourceRecords ?? []).flatMap((value) => (value.Value ? [value.Value] : [])),
    setIdentifier: record.SetIdentifier,
    failover: record.Failover,
    healthCheckId: record.HealthCheckId,
    alias: record.AliasTarget
      ? {
          dnsName: plainDnsName(record.AliasTarget.DNSName ?? ""),
          hostedZoneId: record.AliasTarget.HostedZoneId ?? "",
          evaluateTargetHealth: record.AliasTarget.EvaluateTargetHealth ?? false,
        }
      : undefined,
  };
}

/** Every record set of the zone, page by page: a class's zone holds two or three per attendee. */
export async function readZoneRecords(
  aws: AwsClients,
  zoneId: string,
): Promise<RecordSetSummary[]> {
  const records: RecordSetSummary[] = [];
  let next: { name?: string; type?: RRType; identifier?: string } | undefined = {};
  while (next) {
    const start: { name?: string; type?: RRType; identifier?: string } = next;
    const page = await awsCall("route53:ListResourceRecordSets", () =>
      aws.route53().send(
        new ListResourceRecordSetsCommand({
          HostedZoneId: bareZoneId(zoneId),
          StartRecordName: start.name,
          StartRecordType: start.type,
          StartRecordIdentifier: start.identifier,
          MaxItems: 300,
        }),
      ),
    );
    for (const record of page.ResourceRecordSets ?? []) {
      const summary = recordSummary(record);
      if (summary) records.push(summary);
    }
    next = page.IsTruncated
      ? {
          name: page.NextRecordName,
          type: page.NextRecordType,
          identifier: page.NextRecordIdentifier,
        }
      : undefined;
  }
  return records;
}

/** The public hosted zone of `domain`, created when it doesn't exist (the sandbox's class zone). */
export async function ensureHostedZone(aws: AwsClients, domain: string): Promise<string> {
  const found = await awsCall("route53:ListHostedZonesByName", () =>
    aws.route53().send(new ListHostedZonesByNameCommand({ DNSName: domain, MaxItems: 1 })),
  );
  const zone = found.HostedZones?.find(
    (candidate) => plainDnsName(candidate.Name ?? "") === domain,
  );
  if (zone?.Id) return bareZoneId(zone.Id);
  const created = await awsCall("route53:CreateHostedZone", () =>
    aws
      .route53()
      .send(new CreateHostedZoneCommand({ Name: domain, CallerReference: `aws101-${domain}` })),
  );
  const id = created.HostedZone?.Id;
  if (!id) throw new Error("CreateHostedZone returned no id");
  return bareZoneId(id);
}

/** One record set as a change batch names it: enough to create it, or to delete it exactly. */
export type RecordSetInput = {
  name: string;
  type: RRType;
  ttl?: number;
  values?: string[];
  setIdentifier?: string;
  failover?: "PRIMARY" | "SECONDARY";
  healthCheckId?: string;
  alias?: { dnsName: string; hostedZoneId: string; evaluateTargetHealth: boolean };
};

export type RecordChange = { action: "CREATE" | "UPSERT" | "DELETE"; record: RecordSetInput };

function resourceRecordSet(record: RecordSetInput): ResourceRecordSet {
  return {
    Name: record.name,
    Type: record.type,
    ...(record.setIdentifier ? { SetIdentifier: record.setIdentifier } : {}),
    ...(record.failover ? { Failover: record.failover } : {}),
    ...(record.healthCheckId ? { HealthCheckId: record.healthCheckId } : {}),
    ...(record.alias
      ? {
          AliasTarget: {
            DNSName: record.alias.dnsName,
            HostedZoneId: record.alias.hostedZoneId,
            EvaluateTargetHealth: record.alias.evaluateTargetHealth,
          },
        }
      : {
          TTL: record.ttl,
          ResourceRecords: (record.values ?? []).map((value) => ({ Value: value })),
        }),
  };
}

/** One change batch: Route 53 applies all of it or none of it. */
export async function changeRecordSets(
  aws: AwsClients,
  zoneId: string,
  changes: RecordChange[],
  comment: string,
): Promise<void> {
  await awsCall("route53:ChangeResourceRecordSets", () =>
    aws.route53().send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: bareZoneId(zoneId),
        ChangeBatch: {
          Comment: comment,
          Changes: changes.map((change) => ({
            Action: change.action,
            ResourceRecordSet: resourceRecordSet(change.record),
          })),
        },
      }),
    ),
  );
}

export type DnsAnswer = { responseCode: string; values: string[] };

/** What Route 53's own name servers answer for the name right now (no DNS traffic from us). */
export async function testDnsAnswer(
  aws: AwsClients,
  zoneId: string,
  name: string,
  type: RRType,
): Promise<DnsAnswer> {
  const answer = await awsCall("route53:TestDNSAnswer", () =>
    aws.route53().send(
      new TestDNSAnswerCommand({
        HostedZoneId: bareZoneId(zoneId),
        RecordName: name,
        RecordType: type,
      }),
    ),
  );
  return { responseCode: answer.ResponseCode ?? "", values: answer.RecordData ?? [] };
}
