import { blocked, exists, fail, manual, msg, pass, update } from "@/lib/lab/build";
import { findWebInstance } from "@/lib/lab/compute-facts";
import { configFix, setSandboxConfig } from "@/lib/lab/steps/app-s3";
import { needsWebEntry, needsWebItem } from "@/lib/lab/steps/web-server-group";
import { webAppHealth } from "@/lib/lab/web-app-reach";
import { defineStep } from "@/lib/lab/types";

const PRESIGNED_ON = "True";

export const presignedStep = defineStep({
  id: "presigned",
  needs: ["instances"],
  started: () => false,
  async check(facts, ctx) {
    const web = findWebInstance(facts.instances);
    if (!web) return [needsWebItem];
    const found = await webAppHealth(web, ctx, "setting");
    if ("item" in found) return [found.item];
    return [
      found.health.presignedUrls
        ? pass("setting", msg("check.presigned.on"))
        : fail(
            "setting",
            msg("check.presigned.off"),
            configFix(ctx, "PRESIGNED_URL", PRESIGNED_ON),
          ),
    ];
  },
  async plan(facts, ctx) {
    const web = findWebInstance(facts.instances);
    if (!web) return [needsWebEntry];
    const found = await webAppHealth(web, ctx, "setting");
    if ("item" in found) return [blocked("app", msg("plan.app.unreachable"))];
    if (found.health.presignedUrls) return [exists("setting", msg("plan.presigned.exists"))];
    if (!ctx.sandbox) return [manual("setting", msg("plan.presigned.manual"))];
    return [
      update(
        "setting",
        msg("plan.app.config.sandbox", { key: "PRESIGNED_URL", value: PRESIGNED_ON }),
        msg("done.app.config.sandbox", { key: "PRESIGNED_URL", value: PRESIGNED_ON }),
        async ({ ctx: context }) =>
          setSandboxConfig(context, web.id, "PRESIGNED_URL", PRESIGNED_ON),
      ),
    ];
  },
});
