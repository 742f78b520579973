import { authorizeIngress } from "@/lib/aws/compute";
import type { ComputeSnapshot } from "@/lib/aws/types";
import {
  LAB,
  describeSource,
  findWebInstance,
  findWebServerGroup,
  openToWorld,
  rulesForPort,
  webAddress,
} from "@/lib/lab/compute-facts";
import { needsGroupEntry, needsGroupItem } from "@/lib/lab/steps/web-server-group";
import type { CheckItem, PlanEntry, StepContext, StepDefinition } from "@/lib/lab/types";

async function appItem(snapshot: ComputeSnapshot, ctx: StepContext): Promise<CheckItem> {
  let url: string;
  if (ctx.sandbox) {
    if (!ctx.sandboxAppUrl) {
      return {
        id: "app",
        status: "unobservable",
        message: { key: "check.web.app.sandboxUnmapped" },
      };
    }
    url = ctx.sandboxAppUrl;
  } else {
    const web = findWebInstance(snapshot);
    const ip = web ? (webAddress(snapshot, web.id)?.publicIp ?? web.publicIp) : undefined;
    if (!web || !ip) {
      return { id: "app", status: "pending", message: { key: "check.web.app.noAddress" } };
    }
    url = `http://${ip}/`;
  }
  const result = await ctx.probe(url);
  if (result.ok && result.looksLikeSampleApp) {
    return {
      id: "app",
      status: "pass",
      message: {
        key: ctx.sandbox ? "check.web.app.sandboxOk" : "check.web.app.ok",
        params: { url },
      },
    };
  }
  if (result.ok) {
    return {
      id: "app",
      status: "fail",
      message: { key: "check.web.app.notSampleApp", params: { url } },
      fix: { key: "fix.web.app.restart" },
    };
  }
  const messageKey = {
    timeout: "check.web.app.timeout",
    refused: "check.web.app.refused",
    http_status: "check.web.app.httpStatus",
    network: "check.web.app.network",
  } as const;
  return {
    id: "app",
    status: "fail",
    message: { key: messageKey[result.reason], params: { url, status: result.status ?? 0 } },
    fix: { key: result.reason === "timeout" ? "fix.web.app.timeout" : "fix.web.app.restart" },
  };
}

async function check(snapshot: ComputeSnapshot, ctx: StepContext): Promise<CheckItem[]> {
  const group = findWebServerGroup(snapshot);
  if (!group) return [needsGroupItem];
  const httpRules = rulesForPort(group, 80);
  const items: CheckItem[] = [];
  if (openToWorld(group, 80).length > 0) {
    items.push({
      id: "http-rule",
      status: "pass",
      message: { key: "check.web.http.open", params: { group: LAB.securityGroup } },
    });
  } else if (httpRules.length > 0) {
    items.push({
      id: "http-rule",
      status: "pass",
      message: {
        key: "check.web.http.restricted",
        params: { group: LAB.securityGroup, sources: httpRules.map(describeSource).join(", ") },
      },
    });
  } else {
    items.push({
      id: "http-rule",
      status: "fail",
      message: { key: "check.web.http.missing", params: { group: LAB.securityGroup } },
      fix: { key: "fix.web.http" },
    });
  }
  items.push(await appItem(snapshot, ctx));
  return items;
}

function plan(snapshot: ComputeSnapshot): PlanEntry[] {
  const group = findWebServerGroup(snapshot);
  if (!group) return [needsGroupEntry];
  const entries: PlanEntry[] = [
    rulesForPort(group, 80).length > 0
      ? { id: "http-rule", kind: "exists", message: { key: "plan.web.httpExists" } }
      : {
          id: "http-rule",
          kind: "create",
          message: { key: "plan.web.httpAdd", params: { group: LAB.securityGroup } },
        },
  ];
  entries.push({ id: "app", kind: "manual", message: { key: "plan.web.appManual" } });
  return entries;
}

export const webAppStep: StepDefinition<ComputeSnapshot> = {
  id: "web-app",
  moduleId: "compute",
  check,
  plan,
  async apply(aws, snapshot, _ctx, effects) {
    const group = findWebServerGroup(snapshot);
    const entry = plan(snapshot).find(
      (candidate) => candidate.id === "http-rule" && candidate.kind === "create",
    );
    if (!group || !entry) return;
    await authorizeIngress(aws, group.id, {
      protocol: "tcp",
      port: 80,
      cidr: "0.0.0.0/0",
      description: "HTTP",
    });
    effects.done.push(entry);
  },
};
