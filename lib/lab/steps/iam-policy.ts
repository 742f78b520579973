import { AwsCallError } from "@/lib/aws/errors";
import { putRolePolicy } from "@/lib/aws/iam";
import type { BucketAccessConfig, InstanceSummary } from "@/lib/aws/types";
import {
  blocked,
  create,
  exists,
  fail,
  manual,
  msg,
  pass,
  pending,
  update,
  warn,
} from "@/lib/lab/build";
import { findWebInstance } from "@/lib/lab/compute-facts";
import type { Facts } from "@/lib/lab/facts";
import { LAB } from "@/lib/lab/names";
import {
  explainGrant,
  findLabBucket,
  findLabRole,
  labRolePolicy,
  roleDecider,
  type GrantExplanation,
} from "@/lib/lab/storage-facts";
import { needsBucketEntry, needsBucketItem, s3ProblemItem } from "@/lib/lab/steps/app-s3";
import { webAppHealth, type AppHealth } from "@/lib/lab/web-app-reach";
import { POLICY_CACHE_MS } from "@/lib/sandbox/timing";
import {
  defineStep,
  type CheckItem,
  type OperationContext,
  type PlanEntry,
  type StepContext,
} from "@/lib/lab/types";

const role = LAB.role;
const policyName = LAB.inlinePolicy;

type PolicyFacts = Pick<Facts, "roles" | "buckets" | "labRolePolicies">;

/** What the app needs: PutObject (upload), GetObject (presigned links) on objects, ListBucket (HeadBucket). */
function grants(facts: PolicyFacts, ctx: StepContext, bucket: string) {
  const labRole = findLabRole(facts.roles);
  const policies = facts.labRolePolicies;
  const named = [...(policies?.inline ?? []), ...(policies?.attached ?? [])];
  const documents = named.map(({ document }) => document);
  const decide = roleDecider({
    accountId: ctx.accountId,
    roleArn: labRole?.arn ?? "",
    policies: documents,
  });
  const explain = (action: string, on: "object" | "bucket") =>
    explainGrant({ decide, documents, action, bucket, on });
  return {
    inline: policies?.inline.find((policy) => policy.name === policyName),
    names: named.map((policy) => policy.name),
    put: explain("s3:PutObject", "object"),
    get: explain("s3:GetObject", "object"),
    list: explain("s3:ListBucket", "bucket"),
  };
}

type Grants = ReturnType<typeof grants>;

const allAllowed = (found: Grants) =>
  [found.put, found.get, found.list].every((grant) => grant.verdict === "allowed");

function grantItem(
  id: string,
  explanation: GrantExplanation,
  action: string,
  bucket: string,
): CheckItem {
  const fix = msg("fix.iam.policy.edit", { role, policy: policyName, bucket });
  switch (explanation.verdict) {
    case "allowed":
      return pass(id, msg("check.iam.policy.allowed", { action, bucket }));
    case "explicit-deny":
      return fail(id, msg("check.iam.policy.deny", { action }), fix);
    case "bucket-arn-only":
      return fail(id, msg("check.iam.policy.bucketArnOnly", { action, bucket }), fix);
    case "object-arn-only":
      return fail(id, msg("check.iam.policy.objectArnOnly", { action, bucket }), fix);
    case "other-bucket":
      return fail(
        id,
        msg("check.iam.policy.otherBucket", {
          action,
          bucket,
          others: explanation.buckets.join(", "),
        }),
        fix,
      );
    case "action-missing":
      return fail(
        id,
        msg("check.iam.policy.actionMissing", { action, granted: explanation.granted.join(", ") }),
        fix,
      );
    case "nothing":
      return fail(id, msg("check.iam.policy.nothing", { action, bucket }), fix);
  }
}

function policyItem(found: Grants): CheckItem {
  if (found.inline) return pass("policy", msg("check.iam.policy.ok", { role, policy: policyName }));
  if (allAllowed(found)) {
    return warn(
      "policy",
      msg("check.iam.policy.otherPolicies", { policy: policyName, names: found.names.join(", ") }),
      msg("fix.iam.policy.missing", { role, policy: policyName }),
    );
  }
  return fail(
    "policy",
    msg("check.iam.policy.missing", { role, policy: policyName }),
    msg("fix.iam.policy.missing", { role, policy: policyName }),
  );
}

/** An upload the app (or the sandbox, with Web's role) made after the last one that failed. */
function uploadEvidence(health: AppHealth, access: BucketAccessConfig | undefined) {
  const last = health.s3.lastUpload;
  if (last?.status === "ok") return { kind: "app" as const, at: last.at };
  const newest = access?.newestUpload;
  const newer =
    newest && (!last || Date.parse(newest.lastModified ?? "") >= Date.parse(last.at) - 1000);
  if (newest && newer) return { kind: "object" as const, key: newest.key };
  return last
    ? { kind: "failed" as const, at: last.at, code: last.code ?? last.status }
    : undefined;
}

function uploadItem(evidence: ReturnType<typeof uploadEvidence>): CheckItem {
  if (!evidence) return pending("upload", msg("check.iam.policy.upload.none"));
  switch (evidence.kind) {
    case "app":
      return pass("upload", msg("check.iam.policy.upload.app", { at: evidence.at }));
    case "object":
      return pass("upload", msg("check.iam.policy.upload.object", { key: evidence.key }));
    case "failed":
      return pending(
        "upload",
        msg("check.iam.policy.upload.failed", { at: evidence.at, code: evidence.code }),
      );
  }
}

function appItem(health: AppHealth, ctx: StepContext): CheckItem {
  switch (health.s3.status) {
    case "ok":
      return pass("app", msg("check.iam.policy.appOk", { bucket: health.s3.bucket ?? "—" }));
    case "AccessDenied":
      return fail("app", msg("check.iam.policy.appDenied"), msg("fix.iam.policy.appDenied"));
    case "NoCredentials":
      return fail(
        "app",
        msg("check.app.s3.stillNoCredentials", { role }),
        msg("fix.app.s3.stillNoCredentials"),
      );
    default:
      return s3ProblemItem("app", health, ctx);
  }
}

async function inInstanceItems(
  web: InstanceSummary,
  access: BucketAccessConfig | undefined,
  ctx: StepContext,
): Promise<CheckItem[]> {
  const found = await webAppHealth(web, ctx, "app");
  if ("item" in found) return [found.item];
  const app = appItem(found.health, ctx);
  return app.status === "pass" ? [app, uploadItem(uploadEvidence(found.health, access))] : [app];
}

/** The apply changed the role's policy: the upload after it waits for the sandbox to see that. */
const POLICY_CHANGED = "policy-changed";

/**
 * In the sandbox: a file put with Web's role through the S3 gate. The gate re-reads policies every
 * 2 s (IAM reaches S3 within seconds on AWS), so an upload right after a policy change waits that out.
 */
async function uploadWithWebRole(op: OperationContext, web: InstanceSummary, bucket: string) {
  if (op.results.has(POLICY_CHANGED)) {
    await new Promise((done) => setTimeout(done, POLICY_CACHE_MS));
  }
  const upload = await op.ctx.sandboxUpload(web.id, bucket);
  if (upload?.status === "ok") return;
  throw new AwsCallError({
    code: upload?.status === "AccessDenied" ? "access_denied" : "unknown",
    awsCode: upload?.code ?? "NoApp",
    operation: "s3:PutObject",
  });
}

async function uploadEntries(
  web: InstanceSummary | undefined,
  access: BucketAccessConfig | undefined,
  bucket: string,
  ctx: StepContext,
): Promise<PlanEntry[]> {
  if (!web) return [blocked("upload", msg("plan.common.needsWeb"))];
  if (!web.instanceProfileArn)
    return [blocked("upload", msg("plan.iam.policy.needsAttachedRole", { role }))];
  const found = await webAppHealth(web, ctx, "upload");
  if ("item" in found) return [blocked("upload", msg("plan.app.unreachable"))];
  const evidence = uploadEvidence(found.health, access);
  if (evidence?.kind === "app" || evidence?.kind === "object") {
    return [exists("upload", msg("plan.iam.policy.upload.exists"))];
  }
  if (!ctx.sandbox) return [manual("upload", msg("plan.iam.policy.upload.manual"))];
  return [
    create(
      "upload",
      msg("plan.iam.policy.upload.sandbox", { bucket }),
      msg("done.iam.policy.upload.sandbox", { bucket }),
      async (op) => uploadWithWebRole(op, web, bucket),
    ),
  ];
}

export const iamPolicyStep = defineStep({
  id: "iam-policy",
  needs: ["instances", "roles", "buckets", "labRolePolicies", "labBucketAccess"],
  started: (facts) =>
    facts.labRolePolicies?.inline.some((policy) => policy.name === policyName) ?? false,
  async check(facts, ctx) {
    if (!findLabRole(facts.roles))
      return [pending("role", msg("check.iam.policy.needsRole", { role }))];
    const bucket = findLabBucket(facts.buckets, ctx.region)?.name;
    if (!bucket) return [needsBucketItem];
    const found = grants(facts, ctx, bucket);
    const items = [
      policyItem(found),
      grantItem("upload-access", found.put, "s3:PutObject", bucket),
      grantItem("download-access", found.get, "s3:GetObject", bucket),
      grantItem("bucket-access", found.list, "s3:ListBucket", bucket),
    ];
    const web = findWebInstance(facts.instances);
    if (!web || items.some((item) => item.status === "fail")) return items;
    return [...items, ...(await inInstanceItems(web, facts.labBucketAccess[bucket], ctx))];
  },
  async plan(facts, ctx) {
    if (!findLabRole(facts.roles))
      return [blocked("role", msg("plan.iam.policy.needsRole", { role }))];
    const bucket = findLabBucket(facts.buckets, ctx.region)?.name;
    if (!bucket) return [needsBucketEntry];
    const found = grants(facts, ctx, bucket);
    const document = labRolePolicy(bucket);
    const entries: PlanEntry[] = [];
    if (!found.inline) {
      entries.push(
        create(
          "policy",
          msg("plan.iam.policy.create", { policy: policyName, role, bucket }),
          msg("done.iam.policy.created", { policy: policyName, role }),
          async ({ aws, results }) => {
            await putRolePolicy(aws, { roleName: role, policyName, document });
            results.set(POLICY_CHANGED, policyName);
          },
        ),
      );
    } else if (!allAllowed(found)) {
      entries.push(
        update(
          "policy",
          msg("plan.iam.policy.replace", { policy: policyName, bucket }),
          msg("done.iam.policy.replaced", { policy: policyName }),
          async ({ aws, results }) => {
            await putRolePolicy(aws, { roleName: role, policyName, document });
            results.set(POLICY_CHANGED, policyName);
          },
        ),
      );
    } else {
      entries.push(exists("policy", msg("plan.iam.policy.exists", { policy: policyName })));
    }
    const web = findWebInstance(facts.instances);
    return [...entries, ...(await uploadEntries(web, facts.labBucketAccess[bucket], bucket, ctx))];
  },
});
