import {
  ALL_BLOCKED,
  deleteBucketPolicy,
  putBucketPolicy,
  putPublicAccessBlock,
} from "@/lib/aws/s3";
import { NO_BLOCK } from "@/lib/aws/s3-control";
import type { BucketAccessConfig, BucketSummary, PublicAccessBlockFlags } from "@/lib/aws/types";
import { blocked, exists, fail, manual, msg, pass, remove, update, warn } from "@/lib/lab/build";
import { findWebInstance } from "@/lib/lab/compute-facts";
import type { Facts } from "@/lib/lab/facts";
import {
  addPermStatement,
  findLabBucket,
  isPublicReadStatement,
  publicReadOf,
  withStatement,
  withoutPublicRead,
  type PublicRead,
} from "@/lib/lab/storage-facts";
import { needsBucketEntry, needsBucketItem } from "@/lib/lab/steps/app-s3";
import { webAppHealth } from "@/lib/lab/web-app-reach";
import { defineStep, type CheckItem, type PlanEntry, type StepContext } from "@/lib/lab/types";

type PublicFacts = Pick<Facts, "buckets" | "labBucketAccess" | "accountPublicAccess">;

function labBucketState(facts: PublicFacts, region: string) {
  const bucket = findLabBucket(facts.buckets, region);
  if (!bucket) return undefined;
  const access: BucketAccessConfig = facts.labBucketAccess[bucket.name] ?? {};
  const bucketBlock = bucket.details?.publicAccessBlock ?? NO_BLOCK;
  const read = publicReadOf({
    bucket: bucket.name,
    access,
    bucketBlock,
    account: facts.accountPublicAccess,
  });
  return { bucket, access, bucketBlock, read };
}

/** Which switch keeps the bucket's objects private, in the order AWS applies them. */
function blockedItem(read: PublicRead, bucket: string): CheckItem {
  const atAccount = (levels: string[]) => levels.includes("account");
  if (read.policy?.verdict === "allowed") {
    return atAccount(read.policyIgnoredAt)
      ? fail("public-read", msg("check.public.policyIgnored.account"), msg("fix.public.account"))
      : fail(
          "public-read",
          msg("check.public.policyIgnored.bucket"),
          msg("fix.public.bucketBpa", { bucket }),
        );
  }
  if (read.acl) {
    if (read.aclsDisabled) {
      return fail(
        "public-read",
        msg("check.public.aclDisabled"),
        msg("fix.public.usePolicy", { bucket }),
      );
    }
    return atAccount(read.aclIgnoredAt)
      ? fail("public-read", msg("check.public.aclIgnored.account"), msg("fix.public.account"))
      : fail(
          "public-read",
          msg("check.public.aclIgnored.bucket"),
          msg("fix.public.usePolicy", { bucket }),
        );
  }
  const fix = msg("fix.public.usePolicy", { bucket });
  switch (read.policy?.verdict) {
    case "explicit-deny":
      return fail("public-read", msg("check.public.policyDeny"), fix);
    case "bucket-arn-only":
      return fail("public-read", msg("check.public.policyBucketArnOnly", { bucket }), fix);
    case "other-bucket":
      return fail(
        "public-read",
        msg("check.public.policyOtherBucket", { bucket, others: read.policy.buckets.join(", ") }),
        fix,
      );
    case "action-missing":
      return fail(
        "public-read",
        msg("check.public.policyActionMissing", { granted: read.policy.granted.join(", ") }),
        fix,
      );
    default:
      return fail(
        "public-read",
        msg(
          atAccount(read.policyBlockedAt)
            ? "check.public.none.accountBlocks"
            : read.policyBlockedAt.length > 0
              ? "check.public.none.bucketBlocks"
              : "check.public.none",
        ),
        fix,
      );
  }
}

const publicUrl = (bucket: string, region: string, key: string) =>
  `https://${bucket}.s3.${region}.amazonaws.com/${key.split("/").map(encodeURIComponent).join("/")}`;

/** On AWS only: S3 itself answers an unsigned GET. The sandbox's emulator enforces no BPA. */
async function anonymousGetItem(
  bucket: string,
  access: BucketAccessConfig,
  ctx: StepContext,
): Promise<CheckItem[]> {
  const key = access.newestUpload?.key;
  if (ctx.sandbox || !key) return [];
  const url = publicUrl(bucket, ctx.region, key);
  const result = await ctx.probe(url);
  if (result.ok) return [pass("anonymous-get", msg("check.public.get.ok", { url }))];
  return [
    fail(
      "anonymous-get",
      msg("check.public.get.refused", { url, status: result.status ?? result.reason }),
      msg("fix.public.get"),
    ),
  ];
}

/** After the presigned step undid the public policy: private again, links signed instead. */
async function presignedInstead(facts: Pick<Facts, "instances">, ctx: StepContext) {
  const web = findWebInstance(facts.instances);
  if (!web) return false;
  const found = await webAppHealth(web, ctx, "app");
  return !("item" in found) && found.health.presignedUrls;
}

function publicPathItem(read: PublicRead): CheckItem {
  return pass(
    "public-read",
    read.viaPolicy ? msg("check.public.viaPolicy") : msg("check.public.viaAcl"),
  );
}

function doEntries(state: NonNullable<ReturnType<typeof labBucketState>>, facts: PublicFacts) {
  const { bucket, access, bucketBlock, read } = state;
  const name = bucket.name;
  if (read.viaPolicy) return [exists("public-read", msg("plan.public.exists", { bucket: name }))];
  const account = facts.accountPublicAccess;
  if (
    account?.readable &&
    (account.flags.blockPublicPolicy || account.flags.restrictPublicBuckets)
  ) {
    return [blocked("account-bpa", msg("plan.public.accountBlocks"))];
  }
  if (read.policy?.verdict === "explicit-deny") {
    return [manual("policy", msg("plan.public.policyDeny", { bucket: name }))];
  }
  const entries: PlanEntry[] = [];
  if (bucketBlock.blockPublicPolicy || bucketBlock.restrictPublicBuckets) {
    const opened: PublicAccessBlockFlags = {
      ...bucketBlock,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    };
    entries.push(
      update(
        "bucket-bpa",
        msg("plan.public.bpaOff", { bucket: name }),
        msg("done.public.bpaOff", { bucket: name }),
        ({ aws }) => putPublicAccessBlock(aws, name, opened),
      ),
    );
  }
  if (read.policy?.verdict !== "allowed") {
    entries.push(
      update(
        "policy",
        msg("plan.public.addPerm", { bucket: name }),
        msg("done.public.addPerm", { bucket: name }),
        ({ aws }) =>
          putBucketPolicy(aws, name, withStatement(access.policy, addPermStatement(name))),
      ),
    );
  }
  return entries;
}

function undoEntries(
  bucket: BucketSummary,
  access: BucketAccessConfig,
  bucketBlock: PublicAccessBlockFlags,
) {
  const name = bucket.name;
  const policy = access.policy;
  const entries: PlanEntry[] = [];
  const statements = policy ? [policy.Statement].flat() : [];
  if (policy && statements.some((statement) => isPublicReadStatement(statement, name))) {
    const rest = withoutPublicRead(policy, name);
    entries.push(
      remove(
        "policy",
        msg(rest ? "plan.public.undo.statement" : "plan.public.undo.policy", { bucket: name }),
        msg(rest ? "done.public.undo.statement" : "done.public.undo.policy", { bucket: name }),
        ({ aws }) => (rest ? putBucketPolicy(aws, name, rest) : deleteBucketPolicy(aws, name)),
      ),
    );
  }
  if (Object.values(bucketBlock).some((on) => !on)) {
    entries.push(
      update(
        "bucket-bpa",
        msg("plan.public.undo.bpa", { bucket: name }),
        msg("done.public.undo.bpa", { bucket: name }),
        ({ aws }) => putPublicAccessBlock(aws, name, ALL_BLOCKED),
      ),
    );
  }
  return entries.length > 0
    ? entries
    : [exists("private", msg("plan.public.undo.nothing", { bucket: name }))];
}

export const publicAccessStep = defineStep({
  id: "public-access",
  needs: ["instances", "buckets", "labBucketAccess", "accountPublicAccess"],
  started: (facts, ctx) => {
    const state = labBucketState(facts, ctx.region);
    return Boolean(state && (state.read.policy || state.read.acl));
  },
  async check(facts, ctx) {
    const state = labBucketState(facts, ctx.region);
    if (!state) return [needsBucketItem];
    const { bucket, access, read } = state;
    const items: CheckItem[] = [];
    const account = facts.accountPublicAccess;
    if (account && !account.readable) {
      items.push(
        warn("account-bpa", msg("check.public.accountUnreadable", { code: account.code })),
      );
    }
    if (read.viaPolicy || read.viaAcl) {
      return [
        ...items,
        publicPathItem(read),
        ...(await anonymousGetItem(bucket.name, access, ctx)),
      ];
    }
    const nothingPublic = read.policy?.verdict !== "allowed" && !read.acl;
    if (nothingPublic && (await presignedInstead(facts, ctx))) {
      return [
        ...items,
        pass("public-read", msg("check.public.privatePresigned", { bucket: bucket.name })),
      ];
    }
    return [...items, blockedItem(read, bucket.name)];
  },
  plan(facts, ctx) {
    const state = labBucketState(facts, ctx.region);
    return state ? doEntries(state, facts) : [needsBucketEntry];
  },
  undo(facts, ctx) {
    const state = labBucketState(facts, ctx.region);
    return state ? undoEntries(state.bucket, state.access, state.bucketBlock) : [needsBucketEntry];
  },
});
