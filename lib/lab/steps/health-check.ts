import { z } from "zod";
import {
  createHttpHealthCheck,
  ensureHealthTopic,
  putHealthCheckAlarm,
  subscribeEmail,
  tagHealthCheck,
  updateHealthCheckTarget,
} from "@/lib/aws/monitoring";
import type { AlarmSummary, HealthCheckSummary, SubscriptionSummary } from "@/lib/aws/types";
import { appServicesNames, type AppServicesNames } from "@/lib/lab/app-services";
import {
  blocked,
  create,
  exists,
  fail,
  manual,
  msg,
  pass,
  pending,
  unobservable,
  update,
  warn,
} from "@/lib/lab/build";
import { addressOf, findWebInstance } from "@/lib/lab/compute-facts";
import { clockTime } from "@/lib/lab/database-facts";
import type { Facts } from "@/lib/lab/facts";
import {
  consoleAlarmName,
  HEALTH_CHECK,
  healthTopicArn,
  namedHealthCheck,
} from "@/lib/lab/health-check";
import {
  defineStep,
  type CheckItem,
  type MessageRef,
  type Operation,
  type PlanEntry,
  type StepContext,
} from "@/lib/lab/types";

const STEP_ID = "health-check";

type StepFacts = Pick<
  Facts,
  | "instances"
  | "addresses"
  | "instructorAccess"
  | "instructorHealthChecks"
  | "healthChecks"
  | "alarms"
  | "topics"
  | "instructorHealthAlarms"
  | "instructorHealthTopic"
  | "healthCheckStatus"
>;

/** Where a health check, alarm or topic was found: a failover record can use only the first. */
type Where = "instructor" | "own";

type Found = { check: HealthCheckSummary; where: Where };

const webElasticIp = (facts: Pick<Facts, "instances" | "addresses">) => {
  const web = findWebInstance(facts.instances);
  return web ? addressOf(facts.addresses, web.id)?.publicIp : undefined;
};

const instructorChecks = (facts: Pick<Facts, "instructorHealthChecks">) =>
  facts.instructorHealthChecks.state === "read" ? facts.instructorHealthChecks.healthChecks : [];

/** The attendee's health check: the instructor account's first, as the failover record needs it. */
function findCheck(facts: StepFacts, names: AppServicesNames): Found | undefined {
  const there = namedHealthCheck(instructorChecks(facts), names.healthCheck);
  if (there) return { check: there, where: "instructor" };
  const own = namedHealthCheck(facts.healthChecks, names.healthCheck);
  return own && { check: own, where: "own" };
}

/** A check on the attendee's Elastic IP that the console's Name field was left empty for. */
const unnamedOn = (checks: HealthCheckSummary[], ip: string | undefined) =>
  ip ? checks.find((check) => !check.name && check.ipAddress === ip) : undefined;

const isRootPath = (path: string | undefined) => !path || path === HEALTH_CHECK.path;

async function targetItem(
  check: HealthCheckSummary,
  eip: string | undefined,
  ctx: StepContext,
): Promise<CheckItem> {
  const id = "target";
  if (!check.ipAddress) {
    return fail(
      id,
      msg("check.healthCheck.byDomain", { domain: check.domainName ?? "?" }),
      msg("fix.healthCheck.ip", { ip: eip ?? "EIP" }),
    );
  }
  if (!eip) {
    return fail(
      id,
      msg("check.healthCheck.noEip", { ip: check.ipAddress }),
      msg("fix.healthCheck.eipFirst"),
    );
  }
  if (check.ipAddress === eip) return pass(id, msg("check.healthCheck.ip", { ip: eip }));
  const owner = await ctx.addressOwner(check.ipAddress);
  if (owner && owner.attendeeId !== ctx.attendeeId) {
    return fail(
      id,
      msg("check.healthCheck.classmateIp", {
        ip: check.ipAddress,
        owner: owner.initials ? `${owner.displayName} (${owner.initials})` : owner.displayName,
        eip,
      }),
      msg("fix.healthCheck.ip", { ip: eip }),
    );
  }
  return fail(
    id,
    msg("check.healthCheck.otherIp", { ip: check.ipAddress, eip }),
    msg("fix.healthCheck.ip", { ip: eip }),
  );
}

function configItems(check: HealthCheckSummary): CheckItem[] {
  const type = check.type ?? "?";
  const items: CheckItem[] = [];
  if (type === HEALTH_CHECK.type) {
    items.push(pass("protocol", msg("check.healthCheck.http")));
  } else if (type === "TCP") {
    // A stopped app closes port 80, so TCP still sees the experiment, but not an app that errs.
    items.push(warn("protocol", msg("check.healthCheck.tcp"), msg("fix.healthCheck.protocol")));
  } else if (type === "HTTPS") {
    items.push(fail("protocol", msg("check.healthCheck.https"), msg("fix.healthCheck.protocol")));
  } else {
    items.push(
      fail(
        "protocol",
        msg("check.healthCheck.otherType", { type }),
        msg("fix.healthCheck.protocol"),
      ),
    );
  }
  items.push(
    check.port === HEALTH_CHECK.port
      ? pass("port", msg("check.healthCheck.port"))
      : fail(
          "port",
          msg("check.healthCheck.otherPort", { port: check.port ?? "?" }),
          msg("fix.healthCheck.port"),
        ),
  );
  if (type !== "TCP") {
    items.push(
      isRootPath(check.resourcePath)
        ? pass("path", msg("check.healthCheck.path"))
        : // The sample app answers a few paths (/healthz), so another one isn't always wrong.
          warn(
            "path",
            msg("check.healthCheck.otherPath", { path: check.resourcePath ?? "" }),
            msg("fix.healthCheck.path"),
          ),
    );
  }
  return items;
}

function healthCheckItem(
  facts: StepFacts,
  found: Found | undefined,
  names: AppServicesNames,
  eip: string | undefined,
): CheckItem {
  const id = "health-check";
  const access = facts.instructorAccess.state === "granted";
  if (found?.where === "instructor") {
    return pass(
      id,
      msg("check.healthCheck.found", { name: names.healthCheck, id: found.check.id }),
    );
  }
  const unnamed = unnamedOn(instructorChecks(facts), eip);
  if (unnamed) {
    return fail(
      id,
      msg("check.healthCheck.noName", { id: unnamed.id, ip: eip ?? "" }),
      msg("fix.healthCheck.name", { name: names.healthCheck }),
    );
  }
  const own = found?.check ?? unnamedOn(facts.healthChecks, eip);
  if (own) {
    return fail(
      id,
      msg("check.healthCheck.ownAccount", { id: own.id, name: own.name ?? "—" }),
      msg(access ? "fix.healthCheck.inInstructorAccount" : "fix.healthCheck.switchRole", {
        name: names.healthCheck,
      }),
    );
  }
  return fail(
    id,
    msg("check.healthCheck.missing", { name: names.healthCheck }),
    msg(access ? "fix.healthCheck.create" : "fix.healthCheck.switchRole", {
      name: names.healthCheck,
    }),
  );
}

type AlarmVerdict = {
  items: CheckItem[];
  /** The alarm in us-east-1 of the check's own account, when there is one. */
  alarm?: AlarmSummary;
};

const byExpectedAction = (alarms: AlarmSummary[], topicArn: string) =>
  alarms.find((alarm) => alarm.actions.includes(topicArn)) ?? alarms[0];

const regionOfArn = (arn: string) => arn.split(":")[3] ?? "?";
const nameOfArn = (arn: string) => arn.split(":").at(-1) ?? arn;

function actionItem(alarm: AlarmSummary, topicArn: string, topic: string): CheckItem {
  const id = "alarm-action";
  if (alarm.actions.includes(topicArn)) {
    return pass(id, msg("check.healthCheck.action", { topic }));
  }
  const topics = alarm.actions.filter((action) => action.startsWith("arn:aws:sns:"));
  if (topics.length === 0) {
    return fail(
      id,
      msg("check.healthCheck.noAction", { alarm: alarm.name }),
      msg("fix.healthCheck.action", { topic }),
    );
  }
  const elsewhere = topics.find((arn) => nameOfArn(arn) === topic);
  if (elsewhere) {
    return fail(
      id,
      msg("check.healthCheck.actionElsewhere", { arn: elsewhere, region: regionOfArn(elsewhere) }),
      msg("fix.healthCheck.action", { topic }),
    );
  }
  return fail(
    id,
    msg("check.healthCheck.otherTopic", { topics: topics.map(nameOfArn).join(", "), topic }),
    msg("fix.healthCheck.action", { topic }),
  );
}

function alarmItems(
  facts: StepFacts,
  found: Found,
  names: AppServicesNames,
  ctx: StepContext,
): AlarmVerdict {
  const id = "alarm";
  const onCheck = (alarms: AlarmSummary[]) =>
    alarms.filter((alarm) => alarm.dimensions.HealthCheckId === found.check.id);
  const ownAlarm = byExpectedAction(
    onCheck(facts.alarms),
    healthTopicArn(ctx.accountId, names.topic),
  );
  if (found.where === "own") {
    if (!ownAlarm) {
      return {
        items: [fail(id, msg("check.healthCheck.alarmMissing"), msg("fix.healthCheck.alarm"))],
      };
    }
    return {
      items: [
        warn(
          id,
          msg("check.healthCheck.alarmOwnAccount", { alarm: ownAlarm.name }),
          msg("fix.healthCheck.inInstructorAccount", { name: names.healthCheck }),
        ),
      ],
    };
  }
  const zone = facts.instructorHealthAlarms;
  const instructorId = ctx.sharedZone?.instructorAccountId ?? "";
  const topicArn = healthTopicArn(instructorId, names.topic);
  const alarm =
    zone.state === "read" && zone.healthCheckId === found.check.id
      ? byExpectedAction(zone.alarms, topicArn)
      : undefined;
  if (alarm) {
    return {
      alarm,
      items: [
        pass(id, msg("check.healthCheck.alarm", { alarm: alarm.name, state: alarm.state ?? "?" })),
        actionItem(alarm, topicArn, names.topic),
      ],
    };
  }
  const misplaced = zone.state === "read" ? zone.elsewhere : undefined;
  const wrongRegion = misplaced?.alarms[0];
  if (misplaced && wrongRegion) {
    return {
      items: [
        fail(
          id,
          msg("check.healthCheck.alarmWrongRegion", {
            alarm: wrongRegion.name,
            region: misplaced.region,
          }),
          msg("fix.healthCheck.alarmRegion"),
        ),
      ],
    };
  }
  if (ownAlarm) {
    return {
      items: [
        fail(
          id,
          msg("check.healthCheck.alarmInOwnAccount", { alarm: ownAlarm.name }),
          msg("fix.healthCheck.alarm"),
        ),
      ],
    };
  }
  return { items: [fail(id, msg("check.healthCheck.alarmMissing"), msg("fix.healthCheck.alarm"))] };
}

const EMAIL_PROTOCOLS = new Set(["email", "email-json"]);

function subscriptionItem(
  subscriptions: SubscriptionSummary[],
  ctx: StepContext,
  names: AppServicesNames,
): CheckItem {
  const id = "subscription";
  const emails = subscriptions.filter((subscription) => EMAIL_PROTOCOLS.has(subscription.protocol));
  const wanted = ctx.email?.toLowerCase();
  const mine = wanted ? emails.find((sub) => sub.endpoint.toLowerCase() === wanted) : emails[0];
  if (!mine) {
    const fix = ctx.email
      ? msg("fix.healthCheck.subscribe", { email: ctx.email, topic: names.topic })
      : msg("fix.healthCheck.subscribeNoEmail", { topic: names.topic });
    const other = emails[0];
    return other
      ? warn(
          id,
          msg("check.healthCheck.otherEmail", { email: other.endpoint, wanted: ctx.email ?? "" }),
          fix,
        )
      : fail(id, msg("check.healthCheck.noSubscription", { topic: names.topic }), fix);
  }
  if (ctx.sandbox) {
    // The emulator sends no mail and marks every subscription confirmed at once.
    return unobservable(id, msg("check.healthCheck.subscriptionSandbox", { email: mine.endpoint }));
  }
  // Waiting for the attendee to click the mail's link: not wrong, but nothing arrives until then.
  return mine.pending
    ? pending(
        id,
        msg("check.healthCheck.subscriptionPending", { email: mine.endpoint }),
        msg("fix.healthCheck.confirm", { email: mine.endpoint }),
      )
    : pass(id, msg("check.healthCheck.subscribed", { email: mine.endpoint }));
}

function topicItems(facts: StepFacts, ctx: StepContext, names: AppServicesNames): CheckItem[] {
  const id = "topic";
  const topic = facts.instructorHealthTopic;
  if (topic.state === "read" && topic.exists) {
    return [
      pass(id, msg("check.healthCheck.topic", { topic: names.topic })),
      subscriptionItem(topic.subscriptions, ctx, names),
    ];
  }
  const ownArn = healthTopicArn(ctx.accountId, names.topic);
  if (facts.topics.some((candidate) => candidate.arn === ownArn)) {
    return [
      fail(
        id,
        msg("check.healthCheck.topicOwnAccount", { topic: names.topic }),
        msg("fix.healthCheck.topic", { topic: names.topic }),
      ),
    ];
  }
  return [
    fail(
      id,
      msg("check.healthCheck.topicMissing", { topic: names.topic }),
      msg("fix.healthCheck.topic", { topic: names.topic }),
    ),
  ];
}

/** When the attendee's stopped app was seen: the check unhealthy, then its alarm in ALARM. */
const experimentSchema = z.object({
  healthCheckId: z.string(),
  unhealthyAt: z.string().optional(),
  alarmAt: z.string().optional(),
});

type Experiment = z.infer<typeof experimentSchema>;

/** Route 53 calls a check healthy while more than 18 % of its checkers see it healthy. */
const HEALTHY_SHARE = 0.18;

async function experimentItem(
  facts: StepFacts,
  check: HealthCheckSummary,
  alarm: AlarmSummary,
  ctx: StepContext,
): Promise<CheckItem> {
  const id = "experiment";
  const status = facts.healthCheckStatus;
  if (ctx.sandbox || status.state === "sandbox") {
    return unobservable(id, msg("check.healthCheck.experimentSandbox"));
  }
  const remembered = experimentSchema.safeParse(await ctx.memory.read(STEP_ID));
  const before: Experiment =
    remembered.success && remembered.data.healthCheckId === check.id
      ? remembered.data
      : { healthCheckId: check.id };
  const observations =
    status.state === "read" && status.healthCheckId === check.id ? status.observations : [];
  const unhealthyNow =
    observations.length > 0 &&
    observations.filter((observation) => observation.healthy).length / observations.length <=
      HEALTHY_SHARE;
  const now = new Date().toISOString();
  const seen: Experiment = {
    ...before,
    ...(unhealthyNow && !before.unhealthyAt ? { unhealthyAt: now } : {}),
    ...(alarm.state === "ALARM" && !before.alarmAt ? { alarmAt: now } : {}),
  };
  if (seen.unhealthyAt !== before.unhealthyAt || seen.alarmAt !== before.alarmAt) {
    await ctx.memory.write(STEP_ID, seen);
  }
  if (seen.unhealthyAt && seen.alarmAt) {
    const params = { unhealthy: clockTime(seen.unhealthyAt), alarm: clockTime(seen.alarmAt) };
    return unhealthyNow
      ? warn(id, msg("check.healthCheck.experimentStillDown", params), msg("fix.healthCheck.start"))
      : pass(id, msg("check.healthCheck.experimentDone", params));
  }
  if (seen.unhealthyAt) {
    return pending(
      id,
      msg("check.healthCheck.experimentUnhealthy", { at: clockTime(seen.unhealthyAt) }),
    );
  }
  if (seen.alarmAt) {
    return pending(
      id,
      msg("check.healthCheck.experimentAlarmOnly", { at: clockTime(seen.alarmAt) }),
    );
  }
  return fail(id, msg("check.healthCheck.experimentNotYet"), msg("fix.healthCheck.stop"));
}

function prerequisite(ctx: StepContext): MessageRef | undefined {
  if (!ctx.sharedZone) return msg("check.healthCheck.noZone");
  if (!ctx.initials) return msg("check.healthCheck.noInitials");
  return undefined;
}

export const healthCheckStep = defineStep({
  id: STEP_ID,
  needs: [
    "instances",
    "addresses",
    "instructorAccess",
    "instructorHealthChecks",
    "healthChecks",
    "alarms",
    "topics",
    "instructorHealthAlarms",
    "instructorHealthTopic",
    "healthCheckStatus",
  ],
  started: (facts, ctx) => {
    if (!ctx.sharedZone || !ctx.initials) return false;
    const names = appServicesNames(ctx.initials, ctx.sharedZone.domain);
    return (
      findCheck(facts, names) !== undefined ||
      (facts.instructorHealthTopic.state === "read" && facts.instructorHealthTopic.exists)
    );
  },
  async check(facts, ctx) {
    const missing = prerequisite(ctx);
    if (missing || !ctx.sharedZone || !ctx.initials) {
      return [fail("health-check", missing ?? msg("check.healthCheck.noInitials"))];
    }
    const names = appServicesNames(ctx.initials, ctx.sharedZone.domain);
    const eip = webElasticIp(facts);
    const found = findCheck(facts, names);
    const items: CheckItem[] = [healthCheckItem(facts, found, names, eip)];
    if (found) {
      items.push(await targetItem(found.check, eip, ctx), ...configItems(found.check));
    }
    const alarm = found ? alarmItems(facts, found, names, ctx) : undefined;
    items.push(...(alarm?.items ?? []), ...topicItems(facts, ctx, names));
    if (found?.where === "instructor" && alarm?.alarm) {
      items.push(await experimentItem(facts, found.check, alarm.alarm, ctx));
    }
    return items;
  },
  plan(facts, ctx) {
    if (!ctx.sharedZone) return [blocked("health-check", msg("check.healthCheck.noZone"))];
    if (!ctx.initials) return [blocked("health-check", msg("check.healthCheck.noInitials"))];
    const access = facts.instructorAccess;
    if (access.state !== "granted") {
      return [blocked("health-check", msg("plan.healthCheck.needsSwitchRole"))];
    }
    const eip = webElasticIp(facts);
    if (!eip) return [blocked("health-check", msg("plan.healthCheck.needsEip"))];
    const instructor = access.aws;
    const names = appServicesNames(ctx.initials, ctx.sharedZone.domain);
    const target = { ipAddress: eip, port: HEALTH_CHECK.port, resourcePath: HEALTH_CHECK.path };
    const entries: PlanEntry[] = [];
    const mine = namedHealthCheck(instructorChecks(facts), names.healthCheck);
    const unnamed = mine ? undefined : unnamedOn(instructorChecks(facts), eip);
    const existing = mine ?? unnamed;
    if (!existing) {
      entries.push(
        create(
          "health-check",
          msg("plan.healthCheck.create", { name: names.healthCheck, ip: eip }),
          msg("done.healthCheck.created", { name: names.healthCheck }),
          async ({ tags, results }) => {
            const id = await createHttpHealthCheck(instructor, {
              ...target,
              reference: `aws101-${names.record}-${Date.now()}`.slice(0, 64),
              tags: { ...tags, Name: names.healthCheck },
            });
            results.set("health-check", id);
          },
        ),
      );
    } else if (existing.type !== HEALTH_CHECK.type) {
      entries.push(
        manual(
          "health-check",
          msg("plan.healthCheck.recreate", { id: existing.id, type: existing.type ?? "?" }),
        ),
      );
    } else {
      if (unnamed) {
        entries.push(
          update(
            "health-check-name",
            msg("plan.healthCheck.name", { id: unnamed.id, name: names.healthCheck }),
            msg("done.healthCheck.named", { name: names.healthCheck }),
            async () => tagHealthCheck(instructor, unnamed.id, { Name: names.healthCheck }),
          ),
        );
      }
      const right =
        existing.ipAddress === eip &&
        existing.port === HEALTH_CHECK.port &&
        isRootPath(existing.resourcePath);
      entries.push(
        right
          ? exists("health-check", msg("plan.healthCheck.exists", { name: names.healthCheck }))
          : update(
              "health-check",
              msg("plan.healthCheck.update", { name: names.healthCheck, ip: eip }),
              msg("done.healthCheck.updated", { name: names.healthCheck }),
              async () => updateHealthCheckTarget(instructor, existing.id, target),
            ),
      );
    }
    const topic = facts.instructorHealthTopic;
    const topicArn = healthTopicArn(ctx.sharedZone.instructorAccountId, names.topic);
    const topicExists = topic.state === "read" && topic.exists;
    entries.push(
      topicExists
        ? exists("topic", msg("plan.healthCheck.topicExists", { topic: names.topic }))
        : create(
            "topic",
            msg("plan.healthCheck.topic", { topic: names.topic }),
            msg("done.healthCheck.topic", { topic: names.topic }),
            async ({ tags }) => {
              await ensureHealthTopic(instructor, names.topic, tags);
            },
          ),
    );
    const email = ctx.email;
    const subscribed =
      topic.state === "read" &&
      email !== undefined &&
      topic.subscriptions.some(
        (sub) =>
          EMAIL_PROTOCOLS.has(sub.protocol) && sub.endpoint.toLowerCase() === email.toLowerCase(),
      );
    if (!email) {
      entries.push(manual("subscription", msg("plan.healthCheck.noEmail", { topic: names.topic })));
    } else {
      entries.push(
        subscribed
          ? exists("subscription", msg("plan.healthCheck.subscribed", { email }))
          : create(
              "subscription",
              msg("plan.healthCheck.subscribe", { email, topic: names.topic }),
              msg("done.healthCheck.subscribed", { email }),
              async () => subscribeEmail(instructor, topicArn, email),
            ),
      );
    }
    const alarms = facts.instructorHealthAlarms;
    const onMine = alarms.state === "read" && alarms.healthCheckId === existing?.id;
    const alarm = onMine ? byExpectedAction(alarms.alarms, topicArn) : undefined;
    const putAlarm =
      (name?: string): Operation =>
      async ({ tags, results }) => {
        const healthCheckId = existing?.id ?? results.get("health-check");
        if (!healthCheckId) throw new Error("the health check was not created");
        await putHealthCheckAlarm(instructor, {
          name: name ?? consoleAlarmName(healthCheckId),
          healthCheckId,
          topicArn,
          tags,
        });
      };
    if (existing && existing.type !== HEALTH_CHECK.type) {
      entries.push(blocked("alarm", msg("plan.healthCheck.alarmWaits")));
    } else if (alarm?.actions.includes(topicArn)) {
      entries.push(exists("alarm", msg("plan.healthCheck.alarmExists", { alarm: alarm.name })));
    } else if (alarm) {
      entries.push(
        update(
          "alarm",
          msg("plan.healthCheck.alarmAction", { alarm: alarm.name, topic: names.topic }),
          msg("done.healthCheck.alarm", { topic: names.topic }),
          putAlarm(alarm.name),
        ),
      );
    } else {
      entries.push(
        create(
          "alarm",
          msg("plan.healthCheck.alarm", { topic: names.topic }),
          msg("done.healthCheck.alarm", { topic: names.topic }),
          putAlarm(),
        ),
      );
      const misplaced = onMine ? alarms.elsewhere?.alarms[0] : undefined;
      if (misplaced && alarms.state === "read" && alarms.elsewhere) {
        entries.push(
          manual(
            "alarm-elsewhere",
            msg("plan.healthCheck.alarmElsewhere", {
              alarm: misplaced.name,
              region: alarms.elsewhere.region,
            }),
          ),
        );
      }
    }
    return entries;
  },
});
