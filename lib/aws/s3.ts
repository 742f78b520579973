import "server-only";
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketReplicationCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectAclCommand,
  GetPublicAccessBlockCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketLoggingCommand,
  PutBucketNotificationConfigurationCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  type BucketLocationConstraint,
  type LifecycleRule,
} from "@aws-sdk/client-s3";
import { CreateTopicCommand, SetTopicAttributesCommand } from "@aws-sdk/client-sns";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import { readBucketPolicy } from "@/lib/aws/iam-policies";
import type {
  BucketAccessConfig,
  BucketFeatures,
  BucketSummary,
  ObjectOwnership,
  PublicAccessBlockFlags,
  ResourceTags,
  WebsiteBucketConfig,
} from "@/lib/aws/types";

/** S3 answers an empty location for us-east-1, the one region that predates LocationConstraint. */
const regionOf = (constraint: string | undefined) => constraint || "us-east-1";

/** A catch handler: S3's error for "this bucket has no such configuration" means none. */
const noneIf =
  (...names: string[]) =>
  (error: { name?: string }): undefined => {
    if (names.includes(error.name ?? "")) return undefined;
    throw error;
  };

export const ALL_BLOCKED: PublicAccessBlockFlags = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

async function readPublicAccessBlock(
  aws: AwsClients,
  bucket: string,
): Promise<PublicAccessBlockFlags> {
  const result = await awsCall("s3:GetPublicAccessBlock", () =>
    aws
      .s3()
      .send(new GetPublicAccessBlockCommand({ Bucket: bucket }))
      .catch(noneIf("NoSuchPublicAccessBlockConfiguration")),
  );
  const config = result?.PublicAccessBlockConfiguration;
  return {
    blockPublicAcls: config?.BlockPublicAcls === true,
    ignorePublicAcls: config?.IgnorePublicAcls === true,
    blockPublicPolicy: config?.BlockPublicPolicy === true,
    restrictPublicBuckets: config?.RestrictPublicBuckets === true,
  };
}

/** How much of a bucket a refresh reads: its name only, its region too, or its configuration. */
export type BucketDetail = "none" | "region" | "configuration";

/** Every bucket by name; the region or configuration only of the buckets `detailOf` picks. */
export async function readBuckets(
  aws: AwsClients,
  detailOf: (name: string) => BucketDetail,
): Promise<BucketSummary[]> {
  const listed = await awsCall("s3:ListBuckets", () => aws.s3().send(new ListBucketsCommand({})));
  return Promise.all(
    (listed.Buckets ?? [])
      .flatMap((bucket) => (bucket.Name ? [bucket] : []))
      .map(async (bucket) => {
        const name = bucket.Name ?? "";
        const summary: BucketSummary = { name, createdAt: bucket.CreationDate?.toISOString() };
        const detail = detailOf(name);
        if (detail === "none") return summary;
        const location = await awsCall("s3:GetBucketLocation", () =>
          aws.s3().send(new GetBucketLocationCommand({ Bucket: name })),
        );
        const region = regionOf(location.LocationConstraint);
        if (detail === "region" || region !== aws.target.region) {
          return { ...summary, details: { region } };
        }
        const [versioning, publicAccessBlock] = await Promise.all([
          awsCall("s3:GetBucketVersioning", () =>
            aws.s3().send(new GetBucketVersioningCommand({ Bucket: name })),
          ),
          readPublicAccessBlock(aws, name),
        ]);
        return {
          ...summary,
          details: { region, versioning: versioning.Status, publicAccessBlock },
        };
      }),
  );
}

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

const OWNERSHIPS: readonly string[] = [
  "BucketOwnerEnforced",
  "BucketOwnerPreferred",
  "ObjectWriter",
] satisfies ObjectOwnership[];

const isOwnership = (value: string | undefined): value is ObjectOwnership =>
  OWNERSHIPS.includes(value ?? "");

const publicReadGrant = (grants: { Grantee?: { URI?: string }; Permission?: string }[] = []) =>
  grants.some(
    (grant) =>
      grant.Grantee?.URI === ALL_USERS &&
      (grant.Permission === "READ" || grant.Permission === "FULL_CONTROL"),
  );

/** The prefix the sample app stores attachments under (sample-app/src/storage.ts). */
const UPLOADS_PREFIX = "uploads/";

/** Bucket policy, Object Ownership and the newest upload's ACL: what decides public reads. */
export async function readBucketAccessConfig(
  aws: AwsClients,
  bucket: string,
): Promise<BucketAccessConfig> {
  const s3 = aws.s3();
  const [policy, ownership, uploads] = await Promise.all([
    readBucketPolicy(aws, bucket),
    awsCall("s3:GetBucketOwnershipControls", () =>
      s3
        .send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }))
        .catch(noneIf("OwnershipControlsNotFoundError")),
    ),
    awsCall("s3:ListObjectsV2", () =>
      s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: UPLOADS_PREFIX, MaxKeys: 1000 })),
    ),
  ]);
  const newest = (uploads.Contents ?? [])
    .flatMap((object) => (object.Key ? [{ key: object.Key, at: object.LastModified }] : []))
    .sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0))[0];
  const rule = ownership?.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
  const config: BucketAccessConfig = {
    ...(policy.exists && policy.policy ? { policy: policy.policy } : {}),
    ...(isOwnership(rule) ? { ownership: rule } : {}),
  };
  if (!newest) return config;
  const acl = await awsCall("s3:GetObjectAcl", () =>
    s3.send(new GetObjectAclCommand({ Bucket: bucket, Key: newest.key })),
  );
  return {
    ...config,
    newestUpload: {
      key: newest.key,
      lastModified: newest.at?.toISOString(),
      publicReadAcl: publicReadGrant(acl.Grants),
    },
  };
}

/** The first page (up to 1000) of a bucket's object versions and delete markers, by key. */
export type BucketVersionsPage = {
  versions: { key: string }[];
  deleteMarkers: { key: string; isLatest: boolean }[];
};

export async function readBucketVersions(
  aws: AwsClients,
  bucket: string,
): Promise<BucketVersionsPage> {
  const page = await awsCall("s3:ListObjectVersions", () =>
    aws.s3().send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 })),
  );
  return {
    versions: (page.Versions ?? []).flatMap((entry) => (entry.Key ? [{ key: entry.Key }] : [])),
    deleteMarkers: (page.DeleteMarkers ?? []).flatMap((entry) =>
      entry.Key ? [{ key: entry.Key, isLatest: entry.IsLatest === true }] : [],
    ),
  };
}

/**
 * The S3 101 configurations of one bucket; `versions` is its first page of versions, read once per
 * refresh for every reader.
 */
export async function readBucketFeatures(
  aws: AwsClients,
  bucket: string,
  versions: Promise<BucketVersionsPage>,
): Promise<BucketFeatures> {
  const s3 = aws.s3();
  const input = { Bucket: bucket };
  const [encryption, logging, website, notifications, lifecycle, replication, listed] =
    await Promise.all([
      awsCall("s3:GetBucketEncryption", () =>
        s3
          .send(new GetBucketEncryptionCommand(input))
          .catch(noneIf("ServerSideEncryptionConfigurationNotFoundError")),
      ),
      awsCall("s3:GetBucketLogging", () => s3.send(new GetBucketLoggingCommand(input))),
      awsCall("s3:GetBucketWebsite", () =>
        s3.send(new GetBucketWebsiteCommand(input)).catch(noneIf("NoSuchWebsiteConfiguration")),
      ),
      awsCall("s3:GetBucketNotificationConfiguration", () =>
        s3.send(new GetBucketNotificationConfigurationCommand(input)),
      ),
      awsCall("s3:GetBucketLifecycleConfiguration", () =>
        s3
          .send(new GetBucketLifecycleConfigurationCommand(input))
          .catch(noneIf("NoSuchLifecycleConfiguration")),
      ),
      awsCall("s3:GetBucketReplication", () =>
        s3
          .send(new GetBucketReplicationCommand(input))
          .catch(noneIf("ReplicationConfigurationNotFoundError")),
      ),
      versions,
    ]);
  const defaultEncryption =
    encryption?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
  const enabled = logging.LoggingEnabled;
  const counts = new Map<string, number>();
  for (const version of listed.versions) {
    counts.set(version.key, (counts.get(version.key) ?? 0) + 1);
  }
  return {
    ...(defaultEncryption?.SSEAlgorithm
      ? {
          encryption: {
            algorithm: defaultEncryption.SSEAlgorithm,
            ...(defaultEncryption.KMSMasterKeyID
              ? { kmsKeyId: defaultEncryption.KMSMasterKeyID }
              : {}),
          },
        }
      : {}),
    ...(enabled?.TargetBucket
      ? {
          logging: { targetBucket: enabled.TargetBucket, targetPrefix: enabled.TargetPrefix ?? "" },
        }
      : {}),
    ...(website
      ? {
          website: {
            indexDocument: website.IndexDocument?.Suffix,
            redirectAllTo: website.RedirectAllRequestsTo?.HostName,
          },
        }
      : {}),
    notifications: {
      eventBridge: notifications.EventBridgeConfiguration !== undefined,
      destinations:
        (notifications.TopicConfigurations?.length ?? 0) +
        (notifications.QueueConfigurations?.length ?? 0) +
        (notifications.LambdaFunctionConfigurations?.length ?? 0),
    },
    lifecycleRules: (lifecycle?.Rules ?? []).map((rule) => ({
      id: rule.ID,
      enabled: rule.Status === "Enabled",
    })),
    replicationRules: (replication?.ReplicationConfiguration?.Rules ?? []).map((rule) => ({
      id: rule.ID,
      enabled: rule.Status === "Enabled",
      destinationBucket: rule.Destination?.Bucket,
    })),
    versions: [...counts]
      .filter(([, count]) => count > 1)
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    deleteMarkers: listed.deleteMarkers.flatMap((marker) => (marker.isLatest ? [marker.key] : [])),
  };
}

/**
 * A bucket as the console makes one today: Block Public Access on, ACLs disabled (bucket owner
 * enforced), SSE-S3. AWS applies these defaults itself since 2023; saying them makes the emulator,
 * which applies none, behave the same.
 */
export async function createLabBucket(
  aws: AwsClients,
  input: { name: string; region: string; tags: ResourceTags },
) {
  const s3 = aws.s3();
  const Bucket = input.name;
  await awsCall("s3:CreateBucket", () =>
    s3.send(
      new CreateBucketCommand({
        Bucket,
        ...(input.region === "us-east-1"
          ? {}
          : {
              CreateBucketConfiguration: {
                LocationConstraint: input.region as BucketLocationConstraint,
              },
            }),
      }),
    ),
  );
  await putPublicAccessBlock(aws, Bucket, ALL_BLOCKED);
  await awsCall("s3:PutBucketOwnershipControls", () =>
    s3.send(
      new PutBucketOwnershipControlsCommand({
        Bucket,
        OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
      }),
    ),
  );
  await awsCall("s3:PutBucketEncryption", () =>
    s3.send(
      new PutBucketEncryptionCommand({
        Bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      }),
    ),
  );
  await awsCall("s3:PutBucketTagging", () =>
    s3.send(
      new PutBucketTaggingCommand({
        Bucket,
        Tagging: { TagSet: Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value })) },
      }),
    ),
  );
}

export async function putPublicAccessBlock(
  aws: AwsClients,
  bucket: string,
  flags: PublicAccessBlockFlags,
) {
  await awsCall("s3:PutPublicAccessBlock", () =>
    aws.s3().send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: flags.blockPublicAcls,
          IgnorePublicAcls: flags.ignorePublicAcls,
          BlockPublicPolicy: flags.blockPublicPolicy,
          RestrictPublicBuckets: flags.restrictPublicBuckets,
        },
      }),
    ),
  );
}

export async function putBucketPolicy(
  aws: AwsClients,
  bucket: string,
  policy: Record<string, unknown>,
) {
  await awsCall("s3:PutBucketPolicy", () =>
    aws.s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) })),
  );
}

export async function deleteBucketPolicy(aws: AwsClients, bucket: string) {
  await awsCall("s3:DeleteBucketPolicy", () =>
    aws.s3().send(new DeleteBucketPolicyCommand({ Bucket: bucket })),
  );
}

export async function enableVersioning(aws: AwsClients, bucket: string) {
  await awsCall("s3:PutBucketVersioning", () =>
    aws.s3().send(
      new PutBucketVersioningCommand({
        Bucket: bucket,
        VersioningConfiguration: { Status: "Enabled" },
      }),
    ),
  );
}

export async function putTextObject(aws: AwsClients, bucket: string, key: string, text: string) {
  await awsCall("s3:PutObject", () =>
    aws.s3().send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: text,
        ContentType: key.endsWith(".html")
          ? "text/html; charset=utf-8"
          : "text/plain; charset=utf-8",
      }),
    ),
  );
}

export async function deleteObject(aws: AwsClients, bucket: string, key: string) {
  await awsCall("s3:DeleteObject", () =>
    aws.s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
  );
}

export async function enableAccessLogging(
  aws: AwsClients,
  input: { bucket: string; target: string; prefix: string },
) {
  await awsCall("s3:PutBucketLogging", () =>
    aws.s3().send(
      new PutBucketLoggingCommand({
        Bucket: input.bucket,
        BucketLoggingStatus: {
          LoggingEnabled: { TargetBucket: input.target, TargetPrefix: input.prefix },
        },
      }),
    ),
  );
}

export async function enableWebsite(aws: AwsClients, bucket: string, indexDocument: string) {
  await awsCall("s3:PutBucketWebsite", () =>
    aws.s3().send(
      new PutBucketWebsiteCommand({
        Bucket: bucket,
        WebsiteConfiguration: { IndexDocument: { Suffix: indexDocument } },
      }),
    ),
  );
}

/**
 * An SNS topic S3 may publish this bucket's events to (CreateTopic returns the existing topic of
 * that name), and the bucket's object-created events sent there.
 */
export async function notifyTopicOnUpload(
  aws: AwsClients,
  input: { bucket: string; topic: string; accountId: string; tags: ResourceTags },
) {
  const sns = aws.sns();
  const created = await awsCall("sns:CreateTopic", () =>
    sns.send(
      new CreateTopicCommand({
        Name: input.topic,
        Tags: Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    ),
  );
  const topicArn = created.TopicArn;
  if (!topicArn) throw new Error("CreateTopic returned no ARN");
  const policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "S3PublishesBucketEvents",
        Effect: "Allow",
        Principal: { Service: "s3.amazonaws.com" },
        Action: "SNS:Publish",
        Resource: topicArn,
        Condition: {
          ArnLike: { "aws:SourceArn": `arn:aws:s3:::${input.bucket}` },
          StringEquals: { "aws:SourceAccount": input.accountId },
        },
      },
    ],
  };
  await awsCall("sns:SetTopicAttributes", () =>
    sns.send(
      new SetTopicAttributesCommand({
        TopicArn: topicArn,
        AttributeName: "Policy",
        AttributeValue: JSON.stringify(policy),
      }),
    ),
  );
  await awsCall("s3:PutBucketNotificationConfiguration", () =>
    aws.s3().send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: input.bucket,
        NotificationConfiguration: {
          TopicConfigurations: [{ TopicArn: topicArn, Events: ["s3:ObjectCreated:*"] }],
        },
      }),
    ),
  );
}

/** Replaces the bucket's lifecycle configuration: only for a bucket that has none. */
export async function putLifecycleRules(aws: AwsClients, bucket: string, rules: LifecycleRule[]) {
  await awsCall("s3:PutBucketLifecycleConfiguration", () =>
    aws.s3().send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: bucket,
        LifecycleConfiguration: { Rules: rules },
      }),
    ),
  );
}

/**
 * What a website bucket would serve and to whom: Block Public Access, website configuration,
 * policy, Object Ownership and the page's metadata (6 calls), its ACL only while ACLs work (7).
 */
export async function readWebsiteBucket(
  aws: AwsClients,
  bucket: string,
  key: string,
): Promise<WebsiteBucketConfig> {
  const s3 = aws.s3();
  const input = { Bucket: bucket };
  const [publicAccessBlock, website, policy, ownership, page] = await Promise.all([
    readPublicAccessBlock(aws, bucket),
    awsCall("s3:GetBucketWebsite", () =>
      s3.send(new GetBucketWebsiteCommand(input)).catch(noneIf("NoSuchWebsiteConfiguration")),
    ),
    readBucketPolicy(aws, bucket),
    awsCall("s3:GetBucketOwnershipControls", () =>
      s3
        .send(new GetBucketOwnershipControlsCommand(input))
        .catch(noneIf("OwnershipControlsNotFoundError")),
    ),
    awsCall("s3:HeadObject", () =>
      s3.send(new HeadObjectCommand({ ...input, Key: key })).catch(noneIf("NotFound", "NoSuchKey")),
    ),
  ]);
  const rule = ownership?.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
  const ownershipRule = isOwnership(rule) ? rule : undefined;
  const acl =
    page && ownershipRule !== "BucketOwnerEnforced"
      ? await awsCall("s3:GetObjectAcl", () =>
          s3.send(new GetObjectAclCommand({ ...input, Key: key })),
        )
      : undefined;
  return {
    publicAccessBlock,
    ...(website
      ? {
          website: {
            indexDocument: website.IndexDocument?.Suffix,
            redirectAllTo: website.RedirectAllRequestsTo?.HostName,
          },
        }
      : {}),
    access: {
      ...(policy.exists && policy.policy ? { policy: policy.policy } : {}),
      ...(ownershipRule ? { ownership: ownershipRule } : {}),
      ...(page ? { newestUpload: { key, publicReadAcl: publicReadGrant(acl?.Grants) } } : {}),
    },
    ...(page ? { page: { contentType: page.ContentType, size: page.ContentLength } } : {}),
  };
}

/** Sets an object's Content-Type in place (a copy onto itself), keeping its content. */
export async function setContentType(
  aws: AwsClients,
  input: { bucket: string; key: string; contentType: string },
) {
  await awsCall("s3:CopyObject", () =>
    aws.s3().send(
      new CopyObjectCommand({
        Bucket: input.bucket,
        Key: input.key,
        CopySource: `${input.bucket}/${input.key.split("/").map(encodeURIComponent).join("/")}`,
        MetadataDirective: "REPLACE",
        ContentType: input.contentType,
      }),
    ),
  );
}
