import { authorizeIngress, describeIngressRule } from "@/lib/aws/ec2";
import type { IngressRule, SecurityGroupSummary } from "@/lib/aws/types";
import { create, exists, fail, manual, msg, pass, unobservable, update } from "@/lib/lab/build";
import {
  cidrOf,
  findWebInstance,
  findWebServerGroup,
  isAllTraffic,
  isExactlyPort,
} from "@/lib/lab/compute-facts";
import { LAB } from "@/lib/lab/names";
import {
  attachEntry,
  attachedItem,
  needsGroupEntry,
  needsGroupItem,
  needsWebItem,
  noOpenSshItem,
  openSshEntries,
} from "@/lib/lab/steps/web-server-group";
import { defineStep, type CheckItem, type PlanEntry, type StepContext } from "@/lib/lab/types";
import { addressScope } from "@/lib/net";

const group = LAB.securityGroup;
const anywhere = new Set(["0.0.0.0/0", "::/0"]);

/**
 * The rule the console's "My IP" would make. An IPv6 or private address (a venue proxy) is not
 * what the console sees, so then any single IPv4 address is accepted; in the sandbox the
 * attendee's loopback address is their address.
 */
function myAddress(ctx: StepContext): { cidr: string } | { anySingleAddress: string } | undefined {
  if (!ctx.clientIp) return undefined;
  const scope = addressScope(ctx.clientIp);
  if (
    scope === "public-v4" ||
    (scope === "loopback" && ctx.sandbox && !ctx.clientIp.includes(":"))
  ) {
    return { cidr: `${ctx.clientIp}/32` };
  }
  return { anySingleAddress: ctx.clientIp };
}

const isSingleIpv4 = (rule: IngressRule) => {
  const cidr = cidrOf(rule);
  return rule.source.kind === "ipv4" && !!cidr?.endsWith("/32") && !anywhere.has(cidr);
};

function matchingRules(webServerGroup: SecurityGroupSummary, ctx: StepContext) {
  const address = myAddress(ctx);
  const fromMe = (rule: IngressRule) =>
    address && "cidr" in address ? cidrOf(rule) === address.cidr : isSingleIpv4(rule);
  return {
    address,
    ssh: webServerGroup.ingress.filter((rule) => isExactlyPort(rule, 22) && fromMe(rule)),
    allTraffic: webServerGroup.ingress.filter((rule) => isAllTraffic(rule) && fromMe(rule)),
  };
}

function myIpItems(webServerGroup: SecurityGroupSummary, ctx: StepContext): CheckItem[] {
  const { address, ssh, allTraffic } = matchingRules(webServerGroup, ctx);
  if (!address) return [unobservable("my-ip", msg("check.ssh.ipUnknown"))];
  const mine = ssh[0];
  if (mine) {
    const cidr = cidrOf(mine) ?? "";
    const description = mine.source.description ?? "";
    return [
      "cidr" in address
        ? pass("my-ip", msg("check.ssh.myIp", { group, cidr }))
        : pass(
            "my-ip",
            msg("check.ssh.singleAddress", { group, cidr, seen: address.anySingleAddress }),
          ),
      description === LAB.sshDescription
        ? pass("description", msg("check.ssh.description.ok"))
        : fail(
            "description",
            msg("check.ssh.description.wrong", { description: description || "—" }),
            msg("fix.ssh.description"),
          ),
    ];
  }
  if (allTraffic.length > 0) {
    return [fail("my-ip", msg("check.ssh.allTraffic", { group }), msg("fix.ssh.allTraffic"))];
  }
  if (!("cidr" in address)) {
    return [
      fail(
        "my-ip",
        msg("check.ssh.noSingleAddress", { group, seen: address.anySingleAddress }),
        msg("fix.ssh.addMyIpInConsole"),
      ),
    ];
  }
  const others = webServerGroup.ingress
    .filter((rule) => isExactlyPort(rule, 22))
    .flatMap((rule) => cidrOf(rule) ?? [])
    .filter((cidr) => !anywhere.has(cidr));
  return [
    fail(
      "my-ip",
      others.length > 0
        ? msg("check.ssh.otherIp", { group, cidrs: others.join(", "), cidr: address.cidr })
        : msg("check.ssh.noRule", { group, cidr: address.cidr }),
      msg("fix.ssh.addMyIp", { cidr: address.cidr }),
    ),
  ];
}

function myIpEntries(webServerGroup: SecurityGroupSummary, ctx: StepContext): PlanEntry[] {
  const { address, ssh } = matchingRules(webServerGroup, ctx);
  if (!address) return [manual("my-ip", msg("plan.ssh.ipUnknown"))];
  const mine = ssh[0];
  if (!mine) {
    if (!("cidr" in address)) return [manual("my-ip", msg("plan.ssh.addInConsole"))];
    const cidr = address.cidr;
    return [
      create(
        "my-ip",
        msg("plan.ssh.add", { cidr, group }),
        msg("done.ssh.added", { cidr, group }),
        ({ aws }) =>
          authorizeIngress(aws, webServerGroup.id, {
            protocol: "tcp",
            port: 22,
            cidr,
            description: LAB.sshDescription,
          }),
      ),
    ];
  }
  const cidr = cidrOf(mine) ?? "";
  const entries = [exists("my-ip", msg("plan.ssh.exists", { cidr }))];
  if (mine.source.description !== LAB.sshDescription) {
    entries.push(
      update(
        "description",
        msg("plan.ssh.setDescription", { cidr, description: LAB.sshDescription }),
        msg("done.ssh.describedRule", { cidr, description: LAB.sshDescription }),
        ({ aws }) => describeIngressRule(aws, webServerGroup.id, mine, LAB.sshDescription),
      ),
    );
  }
  return entries;
}

export const sshAccessStep = defineStep({
  id: "ssh-access",
  needs: ["instances", "securityGroups"],
  started: (facts) => {
    const webServerGroup = findWebServerGroup(
      facts.securityGroups,
      findWebInstance(facts.instances),
    );
    return (
      webServerGroup?.ingress.some(
        (rule) =>
          (isExactlyPort(rule, 22) || isAllTraffic(rule)) && !anywhere.has(cidrOf(rule) ?? ""),
      ) ?? false
    );
  },
  check(facts, ctx) {
    const web = findWebInstance(facts.instances);
    const webServerGroup = findWebServerGroup(facts.securityGroups, web);
    if (!webServerGroup) return [needsGroupItem];
    return [
      web ? attachedItem(web, webServerGroup) : needsWebItem,
      ...myIpItems(webServerGroup, ctx),
      noOpenSshItem(facts.securityGroups, web, webServerGroup),
    ];
  },
  plan(facts, ctx) {
    const web = findWebInstance(facts.instances);
    const webServerGroup = findWebServerGroup(facts.securityGroups, web);
    if (!webServerGroup) return [needsGroupEntry];
    return [
      ...(web ? attachEntry(web, webServerGroup) : []),
      ...myIpEntries(webServerGroup, ctx),
      ...openSshEntries(facts.securityGroups, web, webServerGroup),
    ];
  },
});
