import { authorizeIngress } from "@/lib/aws/ec2";
import type { InstanceSummary } from "@/lib/aws/types";
import { create, exists, fail, manual, msg, pass } from "@/lib/lab/build";
import {
  describeSource,
  findWebInstance,
  findWebServerGroup,
  groupsOnWeb,
  openToWorld,
  rulesForPort,
} from "@/lib/lab/compute-facts";
import type { Facts } from "@/lib/lab/facts";
import { webAppUrl } from "@/lib/lab/web-app-reach";
import { LAB } from "@/lib/lab/names";
import {
  attachEntry,
  attachedItem,
  needsGroupEntry,
  needsGroupItem,
  needsWebEntry,
  needsWebItem,
} from "@/lib/lab/steps/web-server-group";
import { defineStep, type CheckItem, type PlanEntry, type StepContext } from "@/lib/lab/types";

const group = LAB.securityGroup;

/** Route 53's health checkers (module 4) come from many addresses: HTTP must be open to all. */
function httpItem(facts: Pick<Facts, "securityGroups">, web: InstanceSummary): CheckItem {
  const groups = groupsOnWeb(facts.securityGroups, web);
  if (groups.some((candidate) => openToWorld(candidate, 80).length > 0)) {
    return pass("http-rule", msg("check.web.http.open", { group }));
  }
  const restricted = groups.flatMap((candidate) => rulesForPort(candidate, 80));
  return restricted.length > 0
    ? fail(
        "http-rule",
        msg("check.web.http.restricted", {
          group,
          sources: restricted.map(describeSource).join(", "),
        }),
        msg("fix.web.httpWorld"),
      )
    : fail("http-rule", msg("check.web.http.missing", { group }), msg("fix.web.http"));
}

async function appItem(web: InstanceSummary, ctx: StepContext): Promise<CheckItem> {
  const found = await webAppUrl(web, ctx, "app");
  if ("item" in found) return found.item;
  const url = found.url;
  const result = await ctx.probe(url);
  if (result.ok && result.looksLikeSampleApp) {
    return pass(
      "app",
      ctx.sandbox
        ? msg("check.web.app.sandboxOk", { url, ip: web.publicIp ?? web.id })
        : msg("check.web.app.ok", { url }),
    );
  }
  if (result.ok) {
    return fail("app", msg("check.web.app.notSampleApp", { url }), msg("fix.web.app.restart"));
  }
  const messageKey = {
    timeout: "check.web.app.timeout",
    refused: "check.web.app.refused",
    http_status: "check.web.app.httpStatus",
    network: "check.web.app.network",
  } as const;
  return fail(
    "app",
    msg(messageKey[result.reason], { url, status: result.status ?? 0 }),
    msg(result.reason === "timeout" ? "fix.web.app.timeout" : "fix.web.app.restart"),
  );
}

export const webAppStep = defineStep({
  id: "web-app",
  needs: ["instances", "securityGroups"],
  started: (facts) =>
    facts.securityGroups.some(
      (candidate) => candidate.name === group && rulesForPort(candidate, 80).length > 0,
    ),
  async check(facts, ctx) {
    const web = findWebInstance(facts.instances);
    const webServerGroup = findWebServerGroup(facts.securityGroups, web);
    if (!webServerGroup) return [needsGroupItem];
    if (!web) return [needsWebItem];
    return [attachedItem(web, webServerGroup), httpItem(facts, web), await appItem(web, ctx)];
  },
  plan(facts) {
    const web = findWebInstance(facts.instances);
    const webServerGroup = findWebServerGroup(facts.securityGroups, web);
    if (!webServerGroup) return [needsGroupEntry];
    if (!web) return [needsWebEntry];
    const entries: PlanEntry[] = attachEntry(web, webServerGroup);
    entries.push(
      openToWorld(webServerGroup, 80).length > 0
        ? exists("http-rule", msg("plan.web.httpExists"))
        : create(
            "http-rule",
            msg("plan.web.httpAdd", { group }),
            msg("done.web.httpAdded", { group }),
            ({ aws }) =>
              authorizeIngress(aws, webServerGroup.id, {
                protocol: "tcp",
                port: 80,
                cidr: "0.0.0.0/0",
                description: "HTTP",
              }),
          ),
    );
    entries.push(manual("app", msg("plan.web.appManual")));
    return entries;
  },
});
