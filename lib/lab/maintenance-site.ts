import "server-only";
import type { AwsClients } from "@/lib/aws/client";
import { getCallerIdentityWith } from "@/lib/aws/identity";
import { readBuckets, readWebsiteBucket } from "@/lib/aws/s3";
import { readAccountPublicAccessBlock } from "@/lib/aws/s3-control";
import { APP_SERVICES, appServicesNames } from "@/lib/lab/app-services";
import type { LabScope } from "@/lib/lab/facts";
import { similarBucketNames, type MaintenanceSite } from "@/lib/lab/maintenance-names";

/**
 * The maintenance page's bucket, read only once the attendee has initials: ListBuckets, then
 * for the bucket named like the record its region, and in ap-northeast-2 its website
 * configuration (6–7 calls) and the account's Block Public Access (1): at most 9 calls.
 */
export async function readMaintenanceSite(
  aws: AwsClients,
  scope: LabScope,
): Promise<MaintenanceSite> {
  if (!scope.sharedZone) return { state: "unreadable", why: "no-zone-configured" };
  if (!scope.initials) return { state: "unreadable", why: "no-initials" };
  const { bucket } = appServicesNames(scope.initials, scope.sharedZone.domain);
  const seoul = aws.inRegion(APP_SERVICES.websiteRegion);
  const buckets = await readBuckets(seoul, (name) => (name === bucket ? "region" : "none"));
  const similar = similarBucketNames(
    buckets.map((candidate) => candidate.name),
    scope.initials,
    scope.sharedZone.domain,
  );
  const region = buckets.find((candidate) => candidate.name === bucket)?.details?.region;
  if (region !== APP_SERVICES.websiteRegion) {
    return { state: "read", bucket, similar, ...(region ? { region } : {}) };
  }
  const accountId = scope.accountId ?? (await getCallerIdentityWith(aws)).accountId;
  const [config, account] = await Promise.all([
    readWebsiteBucket(seoul, bucket, APP_SERVICES.maintenanceDocument),
    readAccountPublicAccessBlock(seoul, accountId),
  ]);
  return { state: "read", bucket, similar, region, config, account };
}
