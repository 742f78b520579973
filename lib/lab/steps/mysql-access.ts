import {
  authorizeIngressFromGroup,
  redescribeGroupIngressRule,
  revokeIngress,
} from "@/lib/aws/ec2";
import type { DbInstanceSummary, IngressRule, SecurityGroupSummary } from "@/lib/aws/types";
import {
  blocked,
  create,
  exists,
  fail,
  manual,
  msg,
  pass,
  pending,
  remove,
  update,
} from "@/lib/lab/build";
import {
  cidrOf,
  describeSource,
  findWebInstance,
  findWebServerGroup,
} from "@/lib/lab/compute-facts";
import {
  MYSQL_PORT,
  findDbGroup,
  findLabDb,
  fromGroup,
  mysqlRules,
  needsDbItem,
} from "@/lib/lab/database-facts";
import { LAB } from "@/lib/lab/names";
import {
  attachEntry,
  attachedItem,
  needsGroupEntry,
  needsGroupItem,
  needsWebItem,
} from "@/lib/lab/steps/web-server-group";
import { defineStep, type CheckItem, type PlanEntry } from "@/lib/lab/types";

const dbGroupName = LAB.dbSecurityGroup;
const webGroupName = LAB.securityGroup;
const description = LAB.mysqlRuleDescription;

const needsDbGroupItem = pending(
  "rds-group",
  msg("check.mysql.needsDbGroup", { group: dbGroupName }),
);

type Rules = { fromWeb: IngressRule[]; cidr: IngressRule[]; otherGroups: IngressRule[] };

function classify(dbGroup: SecurityGroupSummary, webGroup: SecurityGroupSummary): Rules {
  const rules = mysqlRules(dbGroup);
  return {
    fromWeb: rules.filter((rule) => fromGroup(rule, webGroup.id)),
    cidr: rules.filter((rule) => cidrOf(rule) !== undefined),
    otherGroups: rules.filter(
      (rule) => rule.source.kind === "group" && !fromGroup(rule, webGroup.id),
    ),
  };
}

const sources = (rules: IngressRule[]) => rules.map(describeSource).join(", ");

function ruleItems(rules: Rules): CheckItem[] {
  const [fromWeb] = rules.fromWeb;
  const params = { group: dbGroupName, web: webGroupName };
  if (!fromWeb) {
    if (rules.cidr.length > 0) {
      return [
        fail(
          "rule",
          msg("check.mysql.cidrInstead", { ...params, cidrs: sources(rules.cidr) }),
          msg("fix.mysql.groupReference", params),
        ),
      ];
    }
    return [
      fail(
        "rule",
        rules.otherGroups.length > 0
          ? msg("check.mysql.otherGroup", { ...params, sources: sources(rules.otherGroups) })
          : msg("check.mysql.missing", params),
        msg("fix.mysql.groupReference", params),
      ),
    ];
  }
  const items = [pass("rule", msg("check.mysql.rule.ok", params))];
  const described = fromWeb.source.description ?? "";
  items.push(
    described === description
      ? pass("description", msg("check.mysql.description.ok", { description }))
      : fail(
          "description",
          msg("check.mysql.description.wrong", { description: described || "—" }),
          msg("fix.mysql.description", { group: dbGroupName, description }),
        ),
  );
  if (rules.cidr.length > 0) {
    items.push(
      fail(
        "cidr",
        msg("check.mysql.cidrExtra", { group: dbGroupName, cidrs: sources(rules.cidr) }),
        msg("fix.mysql.removeCidr", { group: dbGroupName }),
      ),
    );
  }
  return items;
}

function attachedToDbItem(db: DbInstanceSummary | undefined, dbGroup: SecurityGroupSummary) {
  if (!db) return needsDbItem;
  return db.securityGroupIds.includes(dbGroup.id)
    ? pass("db-attached", msg("check.rds.sg.attached", { group: dbGroupName, id: dbGroup.id }))
    : fail(
        "db-attached",
        msg("check.mysql.notOnDb", { group: dbGroupName }),
        msg("fix.rds.sg.notAttached", { group: dbGroupName }),
      );
}

function ruleEntries(
  dbGroup: SecurityGroupSummary,
  webGroup: SecurityGroupSummary,
  rules: Rules,
): PlanEntry[] {
  const entries: PlanEntry[] = [];
  const params = { group: dbGroupName, web: webGroupName, description };
  const [fromWeb] = rules.fromWeb;
  if (!fromWeb) {
    entries.push(
      create(
        "rule",
        msg("plan.mysql.addRule", params),
        msg("done.mysql.addedRule", params),
        ({ aws }) =>
          authorizeIngressFromGroup(aws, dbGroup.id, {
            port: MYSQL_PORT,
            sourceGroupId: webGroup.id,
            description,
          }),
      ),
    );
  } else if ((fromWeb.source.description ?? "") !== description) {
    entries.push(
      update(
        "description",
        msg("plan.mysql.describe", params),
        msg("done.mysql.described", params),
        ({ aws }) => redescribeGroupIngressRule(aws, dbGroup.id, fromWeb, description),
      ),
    );
  } else {
    entries.push(exists("rule", msg("plan.mysql.ruleExists", params)));
  }
  // An address range in place of the group reference is the mistake this step is about.
  if (rules.cidr.length > 0) {
    const cidrs = sources(rules.cidr);
    entries.push(
      remove(
        "cidr",
        msg("plan.mysql.removeCidr", { group: dbGroupName, cidrs }),
        msg("done.mysql.removedCidr", { group: dbGroupName, cidrs }),
        async ({ aws }) => {
          for (const rule of rules.cidr) await revokeIngress(aws, dbGroup.id, rule);
        },
      ),
    );
  }
  return entries;
}

export const mysqlAccessStep = defineStep({
  id: "mysql-access",
  needs: ["dbInstances", "securityGroups", "instances"],
  started: (facts) => {
    const dbGroup = findDbGroup(facts.securityGroups, findLabDb(facts.dbInstances));
    return dbGroup !== undefined && mysqlRules(dbGroup).length > 0;
  },
  check(facts) {
    const db = findLabDb(facts.dbInstances);
    const dbGroup = findDbGroup(facts.securityGroups, db);
    const web = findWebInstance(facts.instances);
    const webGroup = findWebServerGroup(facts.securityGroups, web);
    if (!dbGroup) return [needsDbGroupItem];
    if (!webGroup) return [needsGroupItem];
    return [
      ...ruleItems(classify(dbGroup, webGroup)),
      attachedToDbItem(db, dbGroup),
      web ? attachedItem(web, webGroup) : needsWebItem,
    ];
  },
  plan(facts) {
    const db = findLabDb(facts.dbInstances);
    const dbGroup = findDbGroup(facts.securityGroups, db);
    const web = findWebInstance(facts.instances);
    const webGroup = findWebServerGroup(facts.securityGroups, web);
    if (!dbGroup) {
      return [blocked("rds-group", msg("plan.mysql.needsDbGroup", { group: dbGroupName }))];
    }
    if (!webGroup) return [needsGroupEntry];
    const entries = ruleEntries(dbGroup, webGroup, classify(dbGroup, webGroup));
    if (db && !db.securityGroupIds.includes(dbGroup.id)) {
      entries.push(
        manual("db-attached", msg("plan.mysql.attachInRdsCreate", { group: dbGroupName })),
      );
    }
    if (web) entries.push(...attachEntry(web, webGroup));
    return entries;
  },
});
