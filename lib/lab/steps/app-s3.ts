import { blocked, exists, fail, manual, msg, pass, pending, update } from "@/lib/lab/build";
import { withConfigValue } from "@/lib/lab/app-config";
import { findWebInstance } from "@/lib/lab/compute-facts";
import { findLabBucket } from "@/lib/lab/storage-facts";
import { needsWebEntry, needsWebItem } from "@/lib/lab/steps/web-server-group";
import { webAppHealth, type AppHealth } from "@/lib/lab/web-app-reach";
import { defineStep, type CheckItem, type StepContext } from "@/lib/lab/types";

export const needsBucketItem = pending("bucket", msg("check.s3.needsBucket"));
export const needsBucketEntry = blocked("bucket", msg("plan.s3.needsBucket"));

/** Where the attendee edits config.env: over SSH on AWS, on the sandbox instance page otherwise. */
export const configFix = (ctx: StepContext, key: string, value: string) =>
  msg(ctx.sandbox ? "fix.app.config.sandbox" : "fix.app.config.ssh", { key, value });

/** The app's S3 status (HeadBucket) on anything that is neither the lab's next error nor success. */
export function s3ProblemItem(id: string, health: AppHealth, ctx: StepContext): CheckItem {
  const { status, code, bucket } = health.s3;
  if (status === "not_configured") {
    return pending(id, msg("check.app.s3.notConfigured"));
  }
  if (status === "NoSuchBucket") {
    return fail(
      id,
      msg("check.app.s3.noSuchBucket", { bucket: bucket ?? "—" }),
      configFix(ctx, "S3_BUCKET", "awslab-s3-…"),
    );
  }
  return fail(
    id,
    msg("check.app.s3.error", { status, code: code ?? "—" }),
    msg("fix.web.app.restart"),
  );
}

function configItem(health: AppHealth, bucket: string, ctx: StepContext): CheckItem {
  const configured = health.s3.bucket;
  if (!configured) {
    return fail("config", msg("check.app.s3.notSet"), configFix(ctx, "S3_BUCKET", bucket));
  }
  return configured === bucket
    ? pass("config", msg("check.app.s3.set", { bucket }))
    : fail(
        "config",
        msg("check.app.s3.otherBucket", { configured, bucket }),
        configFix(ctx, "S3_BUCKET", bucket),
      );
}

function credentialsItem(health: AppHealth, ctx: StepContext): CheckItem {
  switch (health.s3.status) {
    case "NoCredentials":
      return pass("no-credentials", msg("check.app.s3.noCredentials"));
    case "AccessDenied":
      return pass("no-credentials", msg("check.app.s3.pastNoCredentials"));
    case "ok":
      return pass("no-credentials", msg("check.app.s3.pastAccessDenied"));
    default:
      return s3ProblemItem("no-credentials", health, ctx);
  }
}

export const appS3Step = defineStep({
  id: "app-s3",
  needs: ["instances", "buckets"],
  started: () => false,
  async check(facts, ctx) {
    const web = findWebInstance(facts.instances);
    if (!web) return [needsWebItem];
    const bucket = findLabBucket(facts.buckets, ctx.region);
    if (!bucket) return [needsBucketItem];
    const found = await webAppHealth(web, ctx, "app");
    if ("item" in found) return [found.item];
    const config = configItem(found.health, bucket.name, ctx);
    return config.status === "pass" ? [config, credentialsItem(found.health, ctx)] : [config];
  },
  async plan(facts, ctx) {
    const web = findWebInstance(facts.instances);
    if (!web) return [needsWebEntry];
    const bucket = findLabBucket(facts.buckets, ctx.region)?.name;
    if (!bucket) return [needsBucketEntry];
    const found = await webAppHealth(web, ctx, "app");
    if ("item" in found) return [blocked("app", msg("plan.app.unreachable"))];
    if (found.health.s3.bucket === bucket) {
      return [exists("config", msg("plan.app.s3.exists", { bucket }))];
    }
    if (!ctx.sandbox) return [manual("config", msg("plan.app.s3.manual", { bucket }))];
    return [
      update(
        "config",
        msg("plan.app.config.sandbox", { key: "S3_BUCKET", value: bucket }),
        msg("done.app.config.sandbox", { key: "S3_BUCKET", value: bucket }),
        async ({ ctx: context }) => setSandboxConfig(context, web.id, "S3_BUCKET", bucket),
      ),
    ];
  },
});

/** config.env on the attendee's sandbox Web, edited and the app restarted, as the page would. */
export async function setSandboxConfig(
  ctx: StepContext,
  instanceId: string,
  key: string,
  value: string,
) {
  const text = await ctx.sandboxConfig.read(instanceId);
  if (text === undefined) throw new Error("the sandbox instance has no config.env yet");
  const saved = await ctx.sandboxConfig.save(instanceId, withConfigValue(text, key, value));
  if (!saved) throw new Error("the sandbox runtime did not save config.env");
}
