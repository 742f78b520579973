import {
  deleteObject,
  enableAccessLogging,
  enableVersioning,
  enableWebsite,
  notifyTopicOnUpload,
  putBucketPolicy,
  putLifecycleRules,
  putTextObject,
} from "@/lib/aws/s3";
import type { BucketFeatures, BucketSummary } from "@/lib/aws/types";
import { blocked, create, exists, manual, msg, pass, pending } from "@/lib/lab/build";
import type { Facts } from "@/lib/lab/facts";
import { LAB } from "@/lib/lab/names";
import { createBucketWithFreeName } from "@/lib/lab/steps/s3-bucket";
import { findLabBucket, logDeliveryStatement, withStatement } from "@/lib/lab/storage-facts";
import { defineStep, type CheckItem, type MessageRef, type PlanEntry } from "@/lib/lab/types";

/** The versioning hands-on: one key uploaded twice, then deleted. */
const VERSIONING_KEY = "s3-101/hello.txt";
const LOG_PREFIX = "logs/";
const WEBSITE_INDEX = "index.html";
const EVENTS_TOPIC = "awslab-s3-events";
const NONCURRENT_VERSION_DAYS = 30;
const INCOMPLETE_UPLOAD_DAYS = 7;

// Every S3 101 item is a hands-on the attendee may skip: done, or waiting, never failed.
const done = (id: string, message: MessageRef): CheckItem => ({
  ...pass(id, message),
  optional: true,
});
const notYet = (id: string, message: MessageRef): CheckItem => ({
  ...pending(id, message),
  optional: true,
});

/** A key with two versions whose latest version is a delete marker: the whole hands-on. */
function versioningHandsOn(features: BucketFeatures) {
  const versioned = features.versions.find((entry) => features.deleteMarkers.includes(entry.key));
  return { versioned, twice: features.versions[0] };
}

function versioningItem(bucket: BucketSummary, features: BucketFeatures): CheckItem {
  if (bucket.details?.versioning !== "Enabled") {
    return notYet(
      "versioning",
      msg(
        bucket.details?.versioning === "Suspended"
          ? "check.s3.101.versioning.suspended"
          : "check.s3.101.versioning.off",
      ),
    );
  }
  const { versioned, twice } = versioningHandsOn(features);
  if (versioned) {
    return done(
      "versioning",
      msg("check.s3.101.versioning.done", { key: versioned.key, count: versioned.count }),
    );
  }
  return notYet(
    "versioning",
    twice
      ? msg("check.s3.101.versioning.twice", { key: twice.key, count: twice.count })
      : msg("check.s3.101.versioning.on"),
  );
}

function featureItems(bucket: BucketSummary, features: BucketFeatures, region: string) {
  const items: CheckItem[] = [versioningItem(bucket, features)];
  items.push(
    features.logging
      ? done(
          "logging",
          msg("check.s3.101.logging.on", {
            target: `${features.logging.targetBucket}/${features.logging.targetPrefix}`,
          }),
        )
      : notYet("logging", msg("check.s3.101.logging.off")),
  );
  items.push(
    features.website
      ? done(
          "website",
          msg("check.s3.101.website.on", {
            endpoint: `http://${bucket.name}.s3-website.${region}.amazonaws.com`,
            index: features.website.indexDocument ?? "—",
          }),
        )
      : notYet("website", msg("check.s3.101.website.off")),
  );
  const encryption = features.encryption;
  items.push(
    done(
      "encryption",
      !encryption
        ? msg("check.s3.101.encryption.implicit")
        : encryption.algorithm === "AES256"
          ? msg("check.s3.101.encryption.sseS3")
          : msg("check.s3.101.encryption.kms", { algorithm: encryption.algorithm }),
    ),
  );
  const { eventBridge, destinations } = features.notifications;
  items.push(
    eventBridge || destinations > 0
      ? done(
          "events",
          eventBridge
            ? msg("check.s3.101.events.eventBridge")
            : msg("check.s3.101.events.destinations", { count: destinations }),
        )
      : notYet("events", msg("check.s3.101.events.off")),
  );
  const rules = features.lifecycleRules.filter((rule) => rule.enabled);
  items.push(
    rules.length > 0
      ? done(
          "lifecycle",
          msg("check.s3.101.lifecycle.on", {
            count: rules.length,
            ids: rules.map((rule) => rule.id ?? "—").join(", "),
          }),
        )
      : notYet("lifecycle", msg("check.s3.101.lifecycle.off")),
  );
  // Replication is explained, never created for the attendee: an item only when they made one.
  for (const rule of features.replicationRules) {
    items.push(
      done(
        `replication:${rule.id ?? "rule"}`,
        msg("check.s3.101.replication.on", {
          id: rule.id ?? "—",
          destination: rule.destinationBucket ?? "—",
        }),
      ),
    );
  }
  return items;
}

function lifecycleRules() {
  return [
    {
      ID: "expire-old-versions",
      Status: "Enabled" as const,
      Filter: {},
      NoncurrentVersionExpiration: { NoncurrentDays: NONCURRENT_VERSION_DAYS },
    },
    {
      ID: "abort-incomplete-uploads",
      Status: "Enabled" as const,
      Filter: {},
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: INCOMPLETE_UPLOAD_DAYS },
    },
  ];
}

const WEBSITE_PAGE = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>AWS 101</title></head>
<body><h1>S3 정적 웹 사이트 · S3 static website</h1></body></html>
`;

/** A log bucket made before (a click that failed half-way), reused rather than made twice. */
const logBucketOf = (facts: Pick<Facts, "buckets">, region: string) =>
  facts.buckets.find(
    (candidate) =>
      candidate.name.startsWith(LAB.logsBucketPrefix) && candidate.details?.region === region,
  )?.name;

function loggingEntry(bucket: BucketSummary, logBucket: string | undefined, accountId: string) {
  const name = bucket.name;
  return create(
    "logging",
    logBucket
      ? msg("plan.s3.101.logging.reuse", { target: `${logBucket}/${LOG_PREFIX}` })
      : msg("plan.s3.101.logging", { prefix: LAB.logsBucketPrefix, logPrefix: LOG_PREFIX }),
    msg("done.s3.101.logging"),
    async ({ aws, tags }) => {
      const target =
        logBucket ??
        (await createBucketWithFreeName(aws, {
          prefix: LAB.logsBucketPrefix,
          region: bucket.details?.region ?? "",
          tags,
        }));
      const delivery = logDeliveryStatement({
        source: name,
        target,
        prefix: LOG_PREFIX,
        accountId,
      });
      await putBucketPolicy(aws, target, withStatement(undefined, delivery));
      await enableAccessLogging(aws, { bucket: name, target, prefix: LOG_PREFIX });
    },
  );
}

function featureEntries(
  bucket: BucketSummary,
  features: BucketFeatures,
  logBucket: string | undefined,
  accountId: string,
): PlanEntry[] {
  const name = bucket.name;
  const entries: PlanEntry[] = [];
  entries.push(
    versioningHandsOn(features).versioned && bucket.details?.versioning === "Enabled"
      ? exists("versioning", msg("plan.s3.101.versioning.exists"))
      : create(
          "versioning",
          msg("plan.s3.101.versioning", { key: VERSIONING_KEY }),
          msg("done.s3.101.versioning", { key: VERSIONING_KEY }),
          async ({ aws }) => {
            await enableVersioning(aws, name);
            await putTextObject(aws, name, VERSIONING_KEY, "version 1\n");
            await putTextObject(aws, name, VERSIONING_KEY, "version 2\n");
            await deleteObject(aws, name, VERSIONING_KEY);
          },
        ),
  );
  entries.push(
    features.logging
      ? exists("logging", msg("plan.s3.101.logging.exists"))
      : loggingEntry(bucket, logBucket, accountId),
  );
  entries.push(
    features.website
      ? exists("website", msg("plan.s3.101.website.exists"))
      : create(
          "website",
          msg("plan.s3.101.website", { index: WEBSITE_INDEX }),
          msg("done.s3.101.website", { index: WEBSITE_INDEX }),
          async ({ aws }) => {
            await putTextObject(aws, name, WEBSITE_INDEX, WEBSITE_PAGE);
            await enableWebsite(aws, name, WEBSITE_INDEX);
          },
        ),
  );
  entries.push(exists("encryption", msg("plan.s3.101.encryption")));
  const { eventBridge, destinations } = features.notifications;
  entries.push(
    eventBridge || destinations > 0
      ? exists("events", msg("plan.s3.101.events.exists"))
      : create(
          "events",
          msg("plan.s3.101.events", { topic: EVENTS_TOPIC }),
          msg("done.s3.101.events", { topic: EVENTS_TOPIC }),
          async ({ aws, tags }) =>
            notifyTopicOnUpload(aws, { bucket: name, topic: EVENTS_TOPIC, accountId, tags }),
        ),
  );
  entries.push(
    features.lifecycleRules.length > 0
      ? exists("lifecycle", msg("plan.s3.101.lifecycle.exists"))
      : create(
          "lifecycle",
          msg("plan.s3.101.lifecycle", {
            versionDays: NONCURRENT_VERSION_DAYS,
            uploadDays: INCOMPLETE_UPLOAD_DAYS,
          }),
          msg("done.s3.101.lifecycle"),
          async ({ aws }) => putLifecycleRules(aws, name, lifecycleRules()),
        ),
  );
  entries.push(manual("replication", msg("plan.s3.101.replication")));
  return entries;
}

const labBucketOf = (facts: Pick<Facts, "buckets">, region: string) =>
  findLabBucket(facts.buckets, region);

export const s3101Step = defineStep({
  id: "s3-101",
  needs: ["buckets", "labBucketFeatures"],
  started: (facts, ctx) => {
    const bucket = labBucketOf(facts, ctx.region);
    const features = bucket && facts.labBucketFeatures[bucket.name];
    return Boolean(
      bucket?.details?.versioning ||
      features?.logging ||
      features?.website ||
      features?.lifecycleRules.length,
    );
  },
  check(facts, ctx) {
    const bucket = labBucketOf(facts, ctx.region);
    const features = bucket && facts.labBucketFeatures[bucket.name];
    if (!bucket || !features) return [pending("bucket", msg("check.s3.needsBucket"))];
    return featureItems(bucket, features, ctx.region);
  },
  plan(facts, ctx) {
    const bucket = labBucketOf(facts, ctx.region);
    const features = bucket && facts.labBucketFeatures[bucket.name];
    if (!bucket || !features) return [blocked("bucket", msg("plan.s3.needsBucket"))];
    return featureEntries(bucket, features, logBucketOf(facts, ctx.region), ctx.accountId);
  },
});
