import "server-only";
import type { AwsClients } from "@/lib/aws/client";
import { AwsCallError } from "@/lib/aws/errors";
import { HEALTH_CHECK_METRICS_REGION } from "@/lib/aws/monitoring";
import { bucketContentsOf, readRegionAlarms, readRegionTopics } from "@/lib/aws/teardown";
import {
  bucketKind,
  CLEANUP_REGIONS,
  type CleanupScan,
  type RegionScan,
  type ZoneScan,
} from "@/lib/lab/cleanup-inventory";
import type { ReadFact } from "@/lib/lab/facts";

async function scanRegion(read: ReadFact, region: string): Promise<RegionScan> {
  const [instances, securityGroups, keyPairs, addresses, dbInstances, topics, alarms] =
    await Promise.all([
      read("instancesNotTerminated", region),
      read("securityGroups", region),
      read("keyPairs", region),
      read("addresses", region),
      read("dbInstances", region),
      read("regionTopics", region),
      read("regionAlarms", region),
    ]);
  return { region, instances, securityGroups, keyPairs, addresses, dbInstances, topics, alarms };
}

/** The instructor's alarms and topics, when the event's role lets the attendee read them. */
async function instructorMonitoring(aws: AwsClients) {
  const there = aws.inRegion(HEALTH_CHECK_METRICS_REGION);
  try {
    const [alarms, topics] = await Promise.all([readRegionAlarms(there), readRegionTopics(there)]);
    return { alarms, topics };
  } catch (error) {
    if (error instanceof AwsCallError && error.problem.code === "access_denied") return {};
    throw error;
  }
}

async function scanZone(read: ReadFact, zoneId: string): Promise<ZoneScan> {
  const [records, checks, access] = await Promise.all([
    read("zoneRecords"),
    read("instructorHealthChecks"),
    read("instructorAccess"),
  ]);
  if (records.state !== "read") return { state: "unreadable", why: records.why };
  if (checks.state !== "read") return { state: "unreadable", why: checks.why };
  const monitoring = access.state === "granted" ? await instructorMonitoring(access.aws) : {};
  return {
    state: "read",
    zoneId,
    records: records.records,
    healthChecks: checks.healthChecks,
    ...monitoring,
  };
}

/**
 * Both lab regions (and the event's, if another), IAM, the account's health checks, the lab's
 * buckets with their contents, and the attendee's part of the class zone: the same reads as the
 * other steps' (one per kind and region), plus one listing of each lab bucket's contents.
 */
export async function scanForCleanup(
  aws: AwsClients,
  read: ReadFact,
  input: { zoneId?: string; maintenanceBucket?: string },
): Promise<CleanupScan> {
  const regions = [...new Set([aws.target.region, ...CLEANUP_REGIONS])];
  const [regionScans, listed, roles, instanceProfiles, users, healthChecks, zone] =
    await Promise.all([
      Promise.all(regions.map((region) => scanRegion(read, region))),
      read("buckets"),
      read("roles"),
      read("instanceProfiles"),
      read("users"),
      read("healthChecks"),
      input.zoneId ? scanZone(read, input.zoneId) : Promise.resolve<ZoneScan>({ state: "none" }),
    ]);
  const buckets = await Promise.all(
    listed.flatMap((bucket) => {
      const region = bucket.details?.region;
      if (!region || !bucketKind(bucket.name, input.maintenanceBucket)) return [];
      return [
        read("bucketVersions", bucket.name).then((page) => ({
          name: bucket.name,
          region,
          contents: bucketContentsOf(page),
        })),
      ];
    }),
  );
  return { regions: regionScans, buckets, roles, instanceProfiles, users, healthChecks, zone };
}
