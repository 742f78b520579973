import { z } from "zod";
import type { InstanceSummary } from "@/lib/aws/types";
import { fail, msg, pending, unobservable } from "@/lib/lab/build";
import type { CheckItem, StepContext } from "@/lib/lab/types";

/** What the sample app's /healthz says (sample-app/src/healthz.ts); config values never, only set or not. */
export const appHealthSchema = z.object({
  app: z.literal("aws101-sample-app"),
  version: z.string(),
  config: z.record(z.string(), z.boolean()),
  database: z.object({
    status: z.string(),
    code: z.string().nullable(),
    users: z.number().nullable().optional(),
  }),
  databaseTarget: z
    .object({
      host: z.string().nullable(),
      name: z.string().nullable(),
      user: z.string().nullable(),
    })
    .optional(),
  s3: z.object({
    status: z.string(),
    code: z.string().nullable(),
    bucket: z.string().nullable(),
    region: z.string(),
    lastUpload: z
      .object({ status: z.string(), code: z.string().nullable(), at: z.string() })
      .nullable(),
  }),
  presignedUrls: z.boolean(),
  instanceId: z.string().nullable(),
});

export type AppHealth = z.infer<typeof appHealthSchema>;

/**
 * Where the attendee's app on Web answers: on AWS its public IP; in the sandbox the attendee's own
 * app from the sandbox runtime. Otherwise, the item that says why it can't be reached.
 */
export async function webAppUrl(
  web: InstanceSummary,
  ctx: StepContext,
  itemId: string,
): Promise<{ url: string } | { item: CheckItem }> {
  if (!ctx.sandbox) {
    return web.publicIp
      ? { url: `http://${web.publicIp}/` }
      : { item: pending(itemId, msg("check.web.app.noAddress")) };
  }
  const app = await ctx.sandboxApp(web.id);
  switch (app.state) {
    case "running":
      return { url: app.url };
    case "unavailable":
      return { item: unobservable(itemId, msg("check.web.app.sandboxNoRuntime")) };
    case "full":
      return { item: unobservable(itemId, msg("check.web.app.sandboxFull", { cap: app.cap })) };
    case "no-app":
      return { item: fail(itemId, msg("check.web.app.sandboxNoApp"), msg("fix.ec2.userData")) };
    case "not-running":
      return {
        item: fail(
          itemId,
          msg("check.web.app.sandboxNotResponding", { state: app.instanceState }),
          msg("fix.ec2.state"),
        ),
      };
    case "not-found":
      return { item: pending(itemId, msg("check.common.needsWeb")) };
  }
}

/** The app's own report, for steps that happen inside the instance (database, S3, IAM role). */
export async function webAppHealth(
  web: InstanceSummary,
  ctx: StepContext,
  itemId: string,
): Promise<{ url: string; health: AppHealth } | { item: CheckItem }> {
  const found = await webAppUrl(web, ctx, itemId);
  if ("item" in found) return found;
  const parsed = appHealthSchema.safeParse(await ctx.readHealth(found.url));
  return parsed.success
    ? { url: found.url, health: parsed.data }
    : {
        item: fail(
          itemId,
          msg("check.app.healthUnreadable", { url: found.url }),
          msg("fix.web.app.restart"),
        ),
      };
}
