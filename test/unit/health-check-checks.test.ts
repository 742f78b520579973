import { afterEach, describe, expect, it, vi } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import type {
  AlarmSummary,
  HealthCheckObservation,
  HealthCheckSummary,
  SubscriptionSummary,
} from "@/lib/aws/types";
import type { Facts } from "@/lib/lab/facts";
import { healthCheckStep } from "@/lib/lab/steps/health-check";
import type { CheckItem, PlanEntry, StepContext } from "@/lib/lab/types";
import { translator } from "@/messages";
import { context, facts, memoryStore } from "./snapshot-fixtures";

const INSTRUCTOR = "999900001111";
const EIP = "203.0.113.5";
const NAME = "kim.aws101.example";
const TOPIC_ARN = `arn:aws:sns:us-east-1:${INSTRUCTOR}:kim_route53_health`;

const zone = {
  domain: "aws101.example",
  zoneId: "ZCLASS",
  instructorAccountId: INSTRUCTOR,
  roleName: "awslab_crossaccount_role",
};

const healthCheck = (overrides: Partial<HealthCheckSummary> = {}): HealthCheckSummary => ({
  id: "hc-kim",
  type: "HTTP",
  ipAddress: EIP,
  port: 80,
  resourcePath: "/",
  name: NAME,
  ...overrides,
});

const alarm = (overrides: Partial<AlarmSummary> = {}): AlarmSummary => ({
  name: "awsroute53-hc-kim-Low-HealthCheckStatus",
  state: "OK",
  metric: "HealthCheckStatus",
  namespace: "AWS/Route53",
  dimensions: { HealthCheckId: "hc-kim" },
  actions: [TOPIC_ARN],
  ...overrides,
});

const confirmed: SubscriptionSummary = {
  protocol: "email",
  endpoint: "kim@example.com",
  pending: false,
};

type Setup = {
  instructorChecks?: HealthCheckSummary[];
  ownChecks?: HealthCheckSummary[];
  alarms?: AlarmSummary[];
  elsewhere?: AlarmSummary[];
  topic?: boolean;
  subscriptions?: SubscriptionSummary[];
  observations?: HealthCheckObservation[];
  sandbox?: boolean;
  extra?: Partial<Facts>;
};

/** The facts of an attendee who did the lab's step as written, changed by `setup`. */
function labFacts(setup: Setup = {}): Facts {
  const instructorChecks = setup.instructorChecks ?? [healthCheck()];
  const mine = instructorChecks.find((check) => check.name === NAME);
  return facts({
    addresses: [{ allocationId: "eipalloc-1", publicIp: EIP, instanceId: "i-web", tags: {} }],
    instructorAccess: {
      state: "granted",
      roleArn: `arn:aws:iam::${INSTRUCTOR}:role/awslab_crossaccount_role`,
      aws: {} as AwsClients,
    },
    instructorHealthChecks: { state: "read", healthChecks: instructorChecks },
    healthChecks: setup.ownChecks ?? [],
    instructorHealthAlarms: mine
      ? {
          state: "read",
          healthCheckId: mine.id,
          alarms: setup.alarms ?? [alarm()],
          ...(setup.elsewhere
            ? { elsewhere: { region: "ap-northeast-2", alarms: setup.elsewhere } }
            : {}),
        }
      : { state: "not-asked" },
    instructorHealthTopic: {
      state: "read",
      arn: TOPIC_ARN,
      exists: setup.topic ?? true,
      subscriptions: setup.topic === false ? [] : (setup.subscriptions ?? [confirmed]),
    },
    healthCheckStatus: setup.sandbox
      ? { state: "sandbox" }
      : mine
        ? {
            state: "read",
            healthCheckId: mine.id,
            observations: setup.observations ?? [
              { region: "us-east-1", healthy: true, status: "Success: HTTP Status Code 200" },
            ],
          }
        : { state: "not-asked" },
    ...setup.extra,
  });
}

const ctxOn = (overrides: Partial<StepContext> = {}) =>
  context({
    sandbox: false,
    sharedZone: zone,
    initials: "kim",
    email: "kim@example.com",
    ...overrides,
  });

async function itemsOf(setup: Setup = {}, overrides: Partial<StepContext> = {}) {
  const items = await healthCheckStep.check(
    labFacts(setup),
    ctxOn({ sandbox: !!setup.sandbox, ...overrides }),
  );
  return Object.fromEntries(items.map((item) => [item.id, item])) as Record<string, CheckItem>;
}

const statusOf = (items: Record<string, CheckItem>) =>
  Object.fromEntries(Object.entries(items).map(([id, item]) => [id, item.status]));

const unhealthy: HealthCheckObservation[] = [
  { region: "us-east-1", healthy: false, status: "Failure: Connection refused" },
  { region: "eu-west-1", healthy: false, status: "Failure: Connection refused" },
  { region: "ap-northeast-1", healthy: false, status: "Failure: Connection refused" },
];

const kinds = (entries: PlanEntry[]) => entries.map((entry) => [entry.id, entry.kind]);

afterEach(() => {
  vi.useRealTimers();
});

describe("health check on AWS, set up as the lab says", () => {
  it("passes every setting and asks for the experiment", async () => {
    const items = await itemsOf();
    expect(statusOf(items)).toEqual({
      "health-check": "pass",
      target: "pass",
      protocol: "pass",
      port: "pass",
      path: "pass",
      alarm: "pass",
      "alarm-action": "pass",
      topic: "pass",
      subscription: "pass",
      experiment: "fail",
    });
    expect(items["health-check"]?.message).toEqual({
      key: "check.healthCheck.found",
      params: { name: NAME, id: "hc-kim" },
    });
    expect(items.experiment).toEqual({
      id: "experiment",
      status: "fail",
      message: { key: "check.healthCheck.experimentNotYet" },
      fix: { key: "fix.healthCheck.stop" },
    });
  });

  it("shows a subscription waiting for its confirmation as pending, with how to confirm", async () => {
    const items = await itemsOf({ subscriptions: [{ ...confirmed, pending: true }] });
    expect(items.subscription).toEqual({
      id: "subscription",
      status: "pending",
      message: {
        key: "check.healthCheck.subscriptionPending",
        params: { email: "kim@example.com" },
      },
      fix: { key: "fix.healthCheck.confirm", params: { email: "kim@example.com" } },
    });
  });

  it("remembers the unhealthy check and the alarm, so the experiment passes after the app is back", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-28T05:00:00.000Z"), toFake: ["Date"] });
    const { memory, values } = memoryStore();
    const check = async (setup: Setup) =>
      (await healthCheckStep.check(labFacts(setup), ctxOn({ memory }))).find(
        (item) => item.id === "experiment",
      );

    expect((await check({ observations: unhealthy }))?.status).toBe("pending");
    vi.setSystemTime(new Date("2026-11-28T05:02:00.000Z"));
    const stillDown = await check({ observations: unhealthy, alarms: [alarm({ state: "ALARM" })] });
    expect(stillDown).toMatchObject({
      status: "warn",
      message: { key: "check.healthCheck.experimentStillDown" },
      fix: { key: "fix.healthCheck.start" },
    });
    expect(await check({})).toMatchObject({
      status: "pass",
      message: {
        key: "check.healthCheck.experimentDone",
        params: { unhealthy: "14:00", alarm: "14:02" },
      },
    });
    expect(values.get("health-check")).toEqual({
      healthCheckId: "hc-kim",
      unhealthyAt: "2026-11-28T05:00:00.000Z",
      alarmAt: "2026-11-28T05:02:00.000Z",
    });
  });

  it("doesn't count one healthy checker out of three as healthy (Route 53 needs more than 18 %)", async () => {
    const oneHealthy = [
      ...unhealthy.slice(1),
      { region: "us-east-1", healthy: true, status: "Success: HTTP Status Code 200" },
    ];
    const items = await itemsOf({ observations: oneHealthy });
    expect(items.experiment?.status).toBe("fail");
  });
});

describe("the attendee's likely mistakes, each named", () => {
  it("another attendee's Elastic IP: says whose", async () => {
    const items = await itemsOf(
      { instructorChecks: [healthCheck({ ipAddress: "198.51.100.20" })] },
      {
        addressOwner: async (ip) =>
          ip === "198.51.100.20"
            ? { attendeeId: "attendee-2", displayName: "Lee", initials: "lee" }
            : undefined,
      },
    );
    expect(items.target).toEqual({
      id: "target",
      status: "fail",
      message: {
        key: "check.healthCheck.classmateIp",
        params: { ip: "198.51.100.20", owner: "Lee (lee)", eip: EIP },
      },
      fix: { key: "fix.healthCheck.ip", params: { ip: EIP } },
    });
  });

  it("an address nobody in the event has", async () => {
    const items = await itemsOf({
      instructorChecks: [healthCheck({ ipAddress: "198.51.100.99" })],
    });
    expect(items.target?.message).toEqual({
      key: "check.healthCheck.otherIp",
      params: { ip: "198.51.100.99", eip: EIP },
    });
  });

  it("HTTPS on 443: protocol and port fail", async () => {
    const items = await itemsOf({ instructorChecks: [healthCheck({ type: "HTTPS", port: 443 })] });
    expect(items.protocol).toMatchObject({
      status: "fail",
      message: { key: "check.healthCheck.https" },
    });
    expect(items.port).toMatchObject({
      status: "fail",
      message: { key: "check.healthCheck.otherPort", params: { port: 443 } },
    });
  });

  it("TCP: a warning (it sees a stopped app, not an erring one), and no path item", async () => {
    const items = await itemsOf({
      instructorChecks: [healthCheck({ type: "TCP", resourcePath: undefined })],
    });
    expect(items.protocol).toMatchObject({
      status: "warn",
      message: { key: "check.healthCheck.tcp" },
    });
    expect(items.path).toBeUndefined();
  });

  it("another path: a warning that names it", async () => {
    const items = await itemsOf({
      instructorChecks: [healthCheck({ resourcePath: "/index.html" })],
    });
    expect(items.path).toMatchObject({
      status: "warn",
      message: { key: "check.healthCheck.otherPath", params: { path: "/index.html" } },
    });
  });

  it("no Name: the unnamed check on the attendee's EIP is found and named", async () => {
    const items = await itemsOf({ instructorChecks: [healthCheck({ name: undefined })] });
    expect(items["health-check"]).toEqual({
      id: "health-check",
      status: "fail",
      message: { key: "check.healthCheck.noName", params: { id: "hc-kim", ip: EIP } },
      fix: { key: "fix.healthCheck.name", params: { name: NAME } },
    });
  });

  it("only in the attendee's own account: a fail that says the failover record can't use it", async () => {
    const items = await itemsOf({
      instructorChecks: [],
      ownChecks: [healthCheck({ id: "hc-own" })],
      extra: {
        alarms: [alarm({ dimensions: { HealthCheckId: "hc-own" } })],
      },
    });
    expect(items["health-check"]).toEqual({
      id: "health-check",
      status: "fail",
      message: { key: "check.healthCheck.ownAccount", params: { id: "hc-own", name: NAME } },
      fix: { key: "fix.healthCheck.inInstructorAccount", params: { name: NAME } },
    });
    expect(items.alarm).toMatchObject({
      status: "warn",
      message: { key: "check.healthCheck.alarmOwnAccount" },
    });
    expect(items.experiment).toBeUndefined();
  });

  it("the alarm in ap-northeast-2 instead of us-east-1", async () => {
    const items = await itemsOf({ alarms: [], elsewhere: [alarm({ name: "kim-health" })] });
    expect(items.alarm).toEqual({
      id: "alarm",
      status: "fail",
      message: {
        key: "check.healthCheck.alarmWrongRegion",
        params: { alarm: "kim-health", region: "ap-northeast-2" },
      },
      fix: { key: "fix.healthCheck.alarmRegion" },
    });
    expect(items["alarm-action"]).toBeUndefined();
  });

  it("no alarm at all", async () => {
    const items = await itemsOf({ alarms: [], elsewhere: [] });
    expect(items.alarm).toMatchObject({
      status: "fail",
      message: { key: "check.healthCheck.alarmMissing" },
    });
  });

  it("an alarm without the topic action", async () => {
    const items = await itemsOf({ alarms: [alarm({ actions: [] })] });
    expect(items["alarm-action"]).toEqual({
      id: "alarm-action",
      status: "fail",
      message: {
        key: "check.healthCheck.noAction",
        params: { alarm: "awsroute53-hc-kim-Low-HealthCheckStatus" },
      },
      fix: { key: "fix.healthCheck.action", params: { topic: "kim_route53_health" } },
    });
  });

  it("an alarm notifying the right topic name in Seoul", async () => {
    const seoul = `arn:aws:sns:ap-northeast-2:${INSTRUCTOR}:kim_route53_health`;
    const items = await itemsOf({ alarms: [alarm({ actions: [seoul] })] });
    expect(items["alarm-action"]?.message).toEqual({
      key: "check.healthCheck.actionElsewhere",
      params: { arn: seoul, region: "ap-northeast-2" },
    });
  });

  it("the topic missing", async () => {
    const items = await itemsOf({ topic: false });
    expect(items.topic).toEqual({
      id: "topic",
      status: "fail",
      message: { key: "check.healthCheck.topicMissing", params: { topic: "kim_route53_health" } },
      fix: { key: "fix.healthCheck.topic", params: { topic: "kim_route53_health" } },
    });
    expect(items.subscription).toBeUndefined();
  });

  it("no subscription; and without an email on file, the fix says how to subscribe by hand", async () => {
    const items = await itemsOf({ subscriptions: [] });
    expect(items.subscription).toMatchObject({
      status: "fail",
      message: { key: "check.healthCheck.noSubscription" },
      fix: { key: "fix.healthCheck.subscribe", params: { email: "kim@example.com" } },
    });
    const noEmail = await itemsOf({ subscriptions: [] }, { email: undefined });
    expect(noEmail.subscription?.fix).toEqual({
      key: "fix.healthCheck.subscribeNoEmail",
      params: { topic: "kim_route53_health" },
    });
  });
});

describe("in the sandbox", () => {
  it("the experiment and the mail's confirmation are never a pass", async () => {
    const items = await itemsOf({ sandbox: true, alarms: [alarm({ state: "ALARM" })] });
    expect(items.experiment).toEqual({
      id: "experiment",
      status: "unobservable",
      message: { key: "check.healthCheck.experimentSandbox" },
    });
    expect(items.subscription?.status).toBe("unobservable");
  });
});

describe("do it for me", () => {
  it("plans everything in the instructor's account when nothing exists", async () => {
    const entries = await healthCheckStep.plan(
      labFacts({ instructorChecks: [], topic: false }),
      ctxOn(),
    );
    expect(kinds(entries)).toEqual([
      ["health-check", "create"],
      ["topic", "create"],
      ["subscription", "create"],
      ["alarm", "create"],
    ]);
  });

  it("plans nothing new when all is there; without an email, the subscription is left to the attendee", async () => {
    expect(kinds(await healthCheckStep.plan(labFacts(), ctxOn()))).toEqual([
      ["health-check", "exists"],
      ["topic", "exists"],
      ["subscription", "exists"],
      ["alarm", "exists"],
    ]);
    const noEmail = await healthCheckStep.plan(
      labFacts({ subscriptions: [] }),
      ctxOn({ email: undefined }),
    );
    expect(noEmail.find((entry) => entry.id === "subscription")).toEqual({
      id: "subscription",
      kind: "manual",
      message: { key: "plan.healthCheck.noEmail", params: { topic: "kim_route53_health" } },
    });
  });

  it("names an unnamed check, fixes a wrong IP, and creates the alarm in us-east-1 beside a Seoul one", async () => {
    const unnamed = await healthCheckStep.plan(
      labFacts({ instructorChecks: [healthCheck({ name: undefined })] }),
      ctxOn(),
    );
    expect(kinds(unnamed).slice(0, 2)).toEqual([
      ["health-check-name", "update"],
      ["health-check", "exists"],
    ]);
    const wrong = await healthCheckStep.plan(
      labFacts({
        instructorChecks: [healthCheck({ port: 8080 })],
        alarms: [],
        elsewhere: [alarm({ name: "kim-health" })],
      }),
      ctxOn(),
    );
    expect(kinds(wrong)).toEqual([
      ["health-check", "update"],
      ["topic", "exists"],
      ["subscription", "exists"],
      ["alarm", "create"],
      ["alarm-elsewhere", "manual"],
    ]);
  });

  it("is blocked without the switch into the instructor's account", async () => {
    const entries = await healthCheckStep.plan(
      labFacts({ extra: { instructorAccess: { state: "unconfigured" } } }),
      ctxOn(),
    );
    expect(kinds(entries)).toEqual([["health-check", "blocked"]]);
  });
});

describe("messages", () => {
  it("every message of the step reads in both languages", async () => {
    const items = await itemsOf({ subscriptions: [{ ...confirmed, pending: true }] });
    for (const locale of ["ko", "en"] as const) {
      const t = translator(locale);
      for (const item of Object.values(items)) {
        expect(t(item.message.key, item.message.params)).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
