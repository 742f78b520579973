import { randomBytes } from "node:crypto";
import type { AwsClients } from "@/lib/aws/client";
import { AwsCallError } from "@/lib/aws/errors";
import { createLabBucket } from "@/lib/aws/s3";
import type { ResourceTags } from "@/lib/aws/types";
import { create, exists, fail, msg, pass, warn } from "@/lib/lab/build";
import { LAB } from "@/lib/lab/names";
import { findLabBucket, labBuckets } from "@/lib/lab/storage-facts";
import { defineStep, type CheckItem } from "@/lib/lab/types";

const SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const NAME_ATTEMPTS = 5;

/** Eight random lower-case letters and digits: bucket names are global across all of AWS. */
function randomBucketSuffix(): string {
  return [...randomBytes(8)].map((byte) => SUFFIX_ALPHABET[byte % 36]).join("");
}

/** Creates <prefix><suffix>, trying another suffix while the name belongs to someone else. */
export async function createBucketWithFreeName(
  aws: AwsClients,
  input: { prefix: string; region: string; tags: ResourceTags },
  nextSuffix: () => string = randomBucketSuffix,
): Promise<string> {
  const { prefix, ...bucket } = input;
  for (let attempt = 1; ; attempt += 1) {
    const name = `${prefix}${nextSuffix()}`;
    try {
      await createLabBucket(aws, { name, ...bucket });
      return name;
    } catch (error) {
      const taken =
        error instanceof AwsCallError && error.problem.awsCode === "BucketAlreadyExists";
      if (!taken || attempt >= NAME_ATTEMPTS) throw error;
    }
  }
}

export const s3BucketStep = defineStep({
  id: "s3-bucket",
  needs: ["buckets"],
  started: (facts) => labBuckets(facts.buckets).length > 0,
  check(facts, ctx) {
    const bucket = findLabBucket(facts.buckets, ctx.region);
    const all = labBuckets(facts.buckets);
    if (!bucket) {
      const elsewhere = all[0];
      return [
        elsewhere
          ? fail(
              "bucket",
              msg("check.s3.bucket.otherRegion", {
                name: elsewhere.name,
                region: elsewhere.details?.region ?? "?",
                eventRegion: ctx.region,
              }),
              msg("fix.s3.bucket.otherRegion", { eventRegion: ctx.region }),
            )
          : fail("bucket", msg("check.s3.bucket.missing"), msg("fix.s3.bucket.missing")),
      ];
    }
    const items: CheckItem[] = [
      pass("bucket", msg("check.s3.bucket.ok", { name: bucket.name, region: ctx.region })),
    ];
    if (all.length > 1) {
      items.push(
        warn(
          "several",
          msg("check.s3.bucket.several", {
            names: all.map((candidate) => candidate.name).join(", "),
            name: bucket.name,
          }),
          msg("fix.s3.bucket.several"),
        ),
      );
    }
    return items;
  },
  plan(facts, ctx) {
    const bucket = findLabBucket(facts.buckets, ctx.region);
    if (bucket) return [exists("bucket", msg("plan.s3.bucket.exists", { name: bucket.name }))];
    return [
      create(
        "bucket",
        msg("plan.s3.bucket.create", { prefix: LAB.bucketPrefix, region: ctx.region }),
        msg("done.s3.bucket.created", { region: ctx.region }),
        async ({ aws, tags }) => {
          await createBucketWithFreeName(aws, {
            prefix: LAB.bucketPrefix,
            region: ctx.region,
            tags,
          });
        },
      ),
    ];
  },
});
