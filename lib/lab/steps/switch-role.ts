import { blocked, exists, fail, manual, msg, pass } from "@/lib/lab/build";
import type { Facts } from "@/lib/lab/facts";
import { defineStep, type CheckItem, type MessageRef, type StepContext } from "@/lib/lab/types";

type Access = Facts["instructorAccess"];
type Refused = Extract<Access, { state: "refused" }>;

function about(ctx: StepContext) {
  const zone = ctx.sharedZone;
  return {
    role: zone?.roleName ?? "—",
    account: zone?.instructorAccountId ?? "—",
    accountId: ctx.accountId,
  };
}

/** Why the switch is refused, and what the attendee (or the instructor) does about it. */
function refusal(access: Refused, ctx: StepContext): { message: MessageRef; fix: MessageRef } {
  const values = about(ctx);
  switch (access.reason) {
    case "trust":
      return {
        message: msg("check.identity.switch.trust", values),
        fix: msg("fix.identity.switch.trust", values),
      };
    case "missing-role":
      return {
        message: msg("check.identity.switch.missingRole", values),
        fix: msg("fix.identity.switch.missingRole", values),
      };
    case "denied":
      return {
        message: msg("check.identity.switch.denied", values),
        fix: msg("fix.identity.switch.denied", values),
      };
  }
}

export const switchRoleStep = defineStep({
  id: "switch-role",
  needs: ["instructorAccess"],
  started: (facts) => facts.instructorAccess.state === "granted",
  check(facts, ctx): CheckItem[] {
    const access = facts.instructorAccess;
    if (access.state === "unconfigured") {
      return [
        fail(
          "switch",
          msg("check.identity.switch.unconfigured"),
          msg("fix.identity.switch.unconfigured"),
        ),
      ];
    }
    if (access.state === "granted") {
      return [pass("switch", msg("check.identity.switch.granted", about(ctx)))];
    }
    const { message, fix } = refusal(access, ctx);
    return [fail("switch", message, fix)];
  },
  plan(facts, ctx) {
    const access = facts.instructorAccess;
    if (access.state === "unconfigured") {
      return [blocked("switch", msg("plan.identity.switch.unconfigured"))];
    }
    if (access.state === "granted") {
      return [exists("switch", msg("plan.identity.switch.granted", about(ctx)))];
    }
    // Nothing the portal may change: the trust policy is the instructor's, the permissions are
    // the attendee's own identity's.
    return [manual("switch", refusal(access, ctx).fix)];
  },
});
