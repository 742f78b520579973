import "server-only";
import type { AwsClients } from "@/lib/aws/client";
import { readWebsiteBucket } from "@/lib/aws/s3";
import { APP_SERVICES, appServicesNames } from "@/lib/lab/app-services";
import type { LabScope, ReadFact } from "@/lib/lab/facts";
import { similarBucketNames, type MaintenanceSite } from "@/lib/lab/maintenance-names";

/**
 * The maintenance page's bucket, read only once the attendee has initials: from the refresh's
 * bucket list (which has the region of the bucket named like the record), and in ap-northeast-2
 * its website configuration (6–7 calls) and the account's Block Public Access (shared).
 */
export async function readMaintenanceSite(
  aws: AwsClients,
  read: ReadFact,
  scope: LabScope,
): Promise<MaintenanceSite> {
  if (!scope.sharedZone) return { state: "unreadable", why: "no-zone-configured" };
  if (!scope.initials) return { state: "unreadable", why: "no-initials" };
  const { bucket } = appServicesNames(scope.initials, scope.sharedZone.domain);
  const seoul = aws.inRegion(APP_SERVICES.websiteRegion);
  const buckets = await read("buckets");
  const similar = similarBucketNames(
    buckets.map((candidate) => candidate.name),
    scope.initials,
    scope.sharedZone.domain,
  );
  const region = buckets.find((candidate) => candidate.name === bucket)?.details?.region;
  if (region !== APP_SERVICES.websiteRegion) {
    return { state: "read", bucket, similar, ...(region ? { region } : {}) };
  }
  const [config, account] = await Promise.all([
    readWebsiteBucket(seoul, bucket, APP_SERVICES.maintenanceDocument),
    read("publicAccessBlock"),
  ]);
  return { state: "read", bucket, similar, region, config, account };
}
