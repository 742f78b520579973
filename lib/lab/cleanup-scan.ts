import "server-only";
import type { AwsClients } from "@/lib/aws/client";
import { readAddresses, readKeyPairs, readSecurityGroups } from "@/lib/aws/ec2";
import { AwsCallError } from "@/lib/aws/errors";
import { readInstanceProfiles, readRoles, readUsers } from "@/lib/aws/iam";
import { HEALTH_CHECK_METRICS_REGION, readNamedHealthChecks } from "@/lib/aws/monitoring";
import { readDbInstances } from "@/lib/aws/rds";
import { readBuckets } from "@/lib/aws/s3";
import {
  readBucketContents,
  readInstancesNotTerminated,
  readRegionAlarms,
  readRegionTopics,
} from "@/lib/aws/teardown";
import { appServicesNames, type SharedZone } from "@/lib/lab/app-services";
import {
  bucketKind,
  CLEANUP_REGIONS,
  type CleanupScan,
  type RegionScan,
  type ZoneScan,
} from "@/lib/lab/cleanup-inventory";
import type { InstructorAccess } from "@/lib/lab/cross-account";
import type { ZoneRecords, InstructorHealthChecks } from "@/lib/lab/facts";

async function scanRegion(aws: AwsClients, region: string): Promise<RegionScan> {
  const here = aws.inRegion(region);
  const [instances, securityGroups, keyPairs, addresses, dbInstances, topics, alarms] =
    await Promise.all([
      readInstancesNotTerminated(here),
      readSecurityGroups(here),
      readKeyPairs(here),
      readAddresses(here),
      readDbInstances(here),
      readRegionTopics(here),
      readRegionAlarms(here),
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

export type CleanupScanInput = {
  sharedZone?: SharedZone;
  initials?: string;
  access: () => Promise<InstructorAccess>;
  zoneRecords: () => Promise<ZoneRecords>;
  instructorHealthChecks: () => Promise<InstructorHealthChecks>;
};

async function scanZone(input: CleanupScanInput): Promise<ZoneScan> {
  if (!input.sharedZone || !input.initials) return { state: "none" };
  const [records, checks, access] = await Promise.all([
    input.zoneRecords(),
    input.instructorHealthChecks(),
    input.access(),
  ]);
  if (records.state !== "read") return { state: "unreadable", why: records.why };
  if (checks.state !== "read") return { state: "unreadable", why: checks.why };
  const monitoring = access.state === "granted" ? await instructorMonitoring(access.aws) : {};
  return {
    state: "read",
    zoneId: input.sharedZone.zoneId,
    records: records.records,
    healthChecks: checks.healthChecks,
    ...monitoring,
  };
}

/**
 * Both lab regions (and the event's, if another), IAM, the account's health checks, the lab's
 * buckets with their contents, and the attendee's part of the class zone.
 */
export async function scanForCleanup(
  aws: AwsClients,
  input: CleanupScanInput,
): Promise<CleanupScan> {
  const regions = [...new Set([aws.target.region, ...CLEANUP_REGIONS])];
  const maintenanceBucket =
    input.initials && input.sharedZone
      ? appServicesNames(input.initials, input.sharedZone.domain).bucket
      : undefined;
  const [regionScans, listed, roles, instanceProfiles, users, healthChecks, zone] =
    await Promise.all([
      Promise.all(regions.map((region) => scanRegion(aws, region))),
      readBuckets(aws, (name) => (bucketKind(name, maintenanceBucket) ? "region" : "none")),
      readRoles(aws),
      readInstanceProfiles(aws),
      readUsers(aws),
      readNamedHealthChecks(aws),
      scanZone(input),
    ]);
  const buckets = await Promise.all(
    listed.flatMap((bucket) => {
      const region = bucket.details?.region;
      if (!region) return [];
      return [
        readBucketContents(aws.inRegion(region), bucket.name).then((contents) => ({
          name: bucket.name,
          region,
          contents,
        })),
      ];
    }),
  );
  return { regions: regionScans, buckets, roles, instanceProfiles, users, healthChecks, zone };
}
