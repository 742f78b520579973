import "server-only";
import {
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
} from "@aws-sdk/client-s3";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import type { BucketSummary } from "@/lib/aws/types";

/** S3 answers an empty location for us-east-1, the one region that predates LocationConstraint. */
const regionOf = (constraint: string | undefined) => constraint || "us-east-1";

async function blocksPublicAccess(aws: AwsClients, bucket: string): Promise<boolean> {
  const result = await awsCall("s3:GetPublicAccessBlock", () =>
    aws
      .s3()
      .send(new GetPublicAccessBlockCommand({ Bucket: bucket }))
      .catch((error: { name?: string }) => {
        if (error.name === "NoSuchPublicAccessBlockConfiguration") return undefined;
        throw error;
      }),
  );
  const config = result?.PublicAccessBlockConfiguration;
  return Boolean(
    config?.BlockPublicAcls &&
    config.IgnorePublicAcls &&
    config.BlockPublicPolicy &&
    config.RestrictPublicBuckets,
  );
}

/** Every bucket by name; the configuration only of buckets `wantsDetails` picks. */
export async function readBuckets(
  aws: AwsClients,
  wantsDetails: (name: string) => boolean,
): Promise<BucketSummary[]> {
  const listed = await awsCall("s3:ListBuckets", () => aws.s3().send(new ListBucketsCommand({})));
  return Promise.all(
    (listed.Buckets ?? [])
      .flatMap((bucket) => (bucket.Name ? [bucket] : []))
      .map(async (bucket) => {
        const name = bucket.Name ?? "";
        const summary: BucketSummary = { name, createdAt: bucket.CreationDate?.toISOString() };
        if (!wantsDetails(name)) return summary;
        const [location, versioning, blockPublicAccess] = await Promise.all([
          awsCall("s3:GetBucketLocation", () =>
            aws.s3().send(new GetBucketLocationCommand({ Bucket: name })),
          ),
          awsCall("s3:GetBucketVersioning", () =>
            aws.s3().send(new GetBucketVersioningCommand({ Bucket: name })),
          ),
          blocksPublicAccess(aws, name),
        ]);
        return {
          ...summary,
          details: {
            region: regionOf(location.LocationConstraint),
            versioning: versioning.Status,
            blockPublicAccess,
          },
        };
      }),
  );
}
