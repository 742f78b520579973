import {
  DescribeAlarmsForMetricCommand,
  PutMetricAlarmCommand,
  type PutMetricAlarmCommandInput,
} from "@aws-sdk/client-cloudwatch";
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DescribeInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  ChangeTagsForResourceCommand,
  CreateHealthCheckCommand,
  ListHealthChecksCommand,
  ListTagsForResourcesCommand,
  type HealthCheckType,
} from "@aws-sdk/client-route-53";
import {
  CreateTopicCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  SubscribeCommand,
} from "@aws-sdk/client-sns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsCallCounter, countingCalls } from "@/lib/aws/call-counter";
import type { AwsClients } from "@/lib/aws/client";
import type { PortalDb } from "@/lib/db/connection";
import { invalidateClassZone } from "@/lib/lab/class-zone";
import { factReader } from "@/lib/lab/facts";
import {
  applyStep,
  checkStep,
  moduleStatus,
  type AttendeeRef,
  type RunnerEnvironment,
} from "@/lib/lab/runner";
import { healthCheckStep } from "@/lib/lab/steps/health-check";
import { appServicesAttendee, labDatabase, labRuntime, launchBareWeb } from "./lab-harness";

let db: PortalDb;
let runtime: RunnerEnvironment;

beforeAll(async () => {
  db = await labDatabase();
  runtime = labRuntime(db);
});

afterAll(async () => {
  await db.destroy();
});

const US_EAST_1 = "us-east-1";

/** Web with an Elastic IP, as the Compute module leaves it. */
async function webWithEip(aws: AwsClients): Promise<string> {
  await launchBareWeb(aws);
  const described = await aws.ec2().send(new DescribeInstancesCommand({}));
  const instanceId = described.Reservations?.[0]?.Instances?.[0]?.InstanceId;
  const address = await aws.ec2().send(new AllocateAddressCommand({ Domain: "vpc" }));
  await aws
    .ec2()
    .send(
      new AssociateAddressCommand({ InstanceId: instanceId, AllocationId: address.AllocationId }),
    );
  return address.PublicIp!;
}

/** What the console's "Create health check" form sends, Name included when typed. */
async function healthCheckByHand(
  aws: AwsClients,
  input: { ip: string; name?: string; type?: HealthCheckType; port?: number; path?: string },
): Promise<string> {
  const type = input.type ?? "HTTP";
  const created = await aws.route53().send(
    new CreateHealthCheckCommand({
      CallerReference: `console-${Math.random()}`,
      HealthCheckConfig: {
        Type: type,
        IPAddress: input.ip,
        Port: input.port ?? 80,
        ...(type === "TCP" ? {} : { ResourcePath: input.path ?? "/" }),
        RequestInterval: 30,
        FailureThreshold: 3,
      },
    }),
  );
  const id = created.HealthCheck!.Id!;
  if (input.name) {
    await aws.route53().send(
      new ChangeTagsForResourceCommand({
        ResourceType: "healthcheck",
        ResourceId: id,
        AddTags: [{ Key: "Name", Value: input.name }],
      }),
    );
  }
  return id;
}

function alarmByHand(
  aws: AwsClients,
  region: string,
  healthCheckId: string,
  input: Partial<PutMetricAlarmCommandInput> = {},
) {
  return aws
    .inRegion(region)
    .cloudwatch()
    .send(
      new PutMetricAlarmCommand({
        AlarmName: `by-hand-${healthCheckId}`,
        Namespace: "AWS/Route53",
        MetricName: "HealthCheckStatus",
        Dimensions: [{ Name: "HealthCheckId", Value: healthCheckId }],
        Statistic: "Minimum",
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: "LessThanThreshold",
        ...input,
      }),
    );
}

async function topicByHand(aws: AwsClients, name: string, email?: string) {
  const topic = await aws
    .inRegion(US_EAST_1)
    .sns()
    .send(new CreateTopicCommand({ Name: name }));
  if (email) {
    await aws
      .inRegion(US_EAST_1)
      .sns()
      .send(new SubscribeCommand({ TopicArn: topic.TopicArn, Protocol: "email", Endpoint: email }));
  }
  return topic.TopicArn!;
}

async function itemsOf(ref: AttendeeRef) {
  const outcome = await checkStep(runtime, ref, "health-check");
  expect(outcome?.problem).toBeUndefined();
  return {
    state: outcome?.result?.state,
    items: Object.fromEntries((outcome?.result?.items ?? []).map((item) => [item.id, item])),
  };
}

async function doItForMe(ref: AttendeeRef) {
  const outcome = await applyStep(runtime, ref, "health-check");
  expect(outcome.problem).toBeUndefined();
  return outcome.done.map((entry) => entry.id);
}

/** What the instructor's account holds for one name: health checks, alarms, topics, subscriptions. */
async function countsIn(instructor: AwsClients, name: string, topic: string) {
  const listed = await instructor.route53().send(new ListHealthChecksCommand({}));
  const ids = (listed.HealthChecks ?? []).map((check) => check.Id!);
  const tagged = [];
  for (let start = 0; start < ids.length; start += 10) {
    const page = await instructor.route53().send(
      new ListTagsForResourcesCommand({
        ResourceType: "healthcheck",
        ResourceIds: ids.slice(start, start + 10),
      }),
    );
    tagged.push(...(page.ResourceTagSets ?? []));
  }
  const mine = tagged
    .filter((set) => set.Tags?.some((tag) => tag.Key === "Name" && tag.Value === name))
    .map((set) => set.ResourceId!);
  const alarms = await instructor
    .inRegion(US_EAST_1)
    .cloudwatch()
    .send(
      new DescribeAlarmsForMetricCommand({
        Namespace: "AWS/Route53",
        MetricName: "HealthCheckStatus",
      }),
    );
  const topics = await instructor.inRegion(US_EAST_1).sns().send(new ListTopicsCommand({}));
  const topicArns = (topics.Topics ?? [])
    .map((entry) => entry.TopicArn!)
    .filter((arn) => arn.endsWith(`:${topic}`));
  const subscriptions = topicArns[0]
    ? await instructor
        .inRegion(US_EAST_1)
        .sns()
        .send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArns[0] }))
    : { Subscriptions: [] };
  return {
    healthChecks: mine.length,
    alarms: (alarms.MetricAlarms ?? []).filter((alarm) =>
      alarm.Dimensions?.some((dimension) => mine.includes(dimension.Value ?? "")),
    ).length,
    topics: topicArns.length,
    subscriptions: subscriptions.Subscriptions?.length ?? 0,
  };
}

describe("health-check on the emulator", { timeout: 90_000 }, () => {
  it("fails before, is unobservable (never passed) after do-it-for-me, and a second click creates nothing", async () => {
    const lab = await appServicesAttendee(db, "hca");
    await webWithEip(lab.byHand);
    const before = await itemsOf(lab.ref);
    expect(before.items["health-check"]).toMatchObject({
      status: "fail",
      message: { key: "check.healthCheck.missing", params: { name: "hca.aws101.example" } },
    });
    expect(before.items.topic?.message.key).toBe("check.healthCheck.topicMissing");

    expect(await doItForMe(lab.ref)).toEqual(["health-check", "topic", "subscription", "alarm"]);
    const after = await itemsOf(lab.ref);
    expect(after.state).toBe("unobservable");
    expect(
      Object.fromEntries(Object.entries(after.items).map(([id, item]) => [id, item.status])),
    ).toEqual({
      "health-check": "pass",
      target: "pass",
      protocol: "pass",
      port: "pass",
      path: "pass",
      alarm: "pass",
      "alarm-action": "pass",
      topic: "pass",
      subscription: "unobservable",
      experiment: "unobservable",
    });
    expect(after.items.experiment?.message.key).toBe("check.healthCheck.experimentSandbox");

    const counts = await countsIn(lab.instructor, "hca.aws101.example", "hca_route53_health");
    expect(counts).toEqual({ healthChecks: 1, alarms: 1, topics: 1, subscriptions: 1 });
    expect(await doItForMe(lab.ref)).toEqual([]);
    expect(await countsIn(lab.instructor, "hca.aws101.example", "hca_route53_health")).toEqual(
      counts,
    );
  });

  it("an alarm made in ap-northeast-2 instead of us-east-1: named, and do-it-for-me adds the us-east-1 one", async () => {
    const lab = await appServicesAttendee(db, "hcb");
    const eip = await webWithEip(lab.byHand);
    const id = await healthCheckByHand(lab.instructor, { ip: eip, name: "hcb.aws101.example" });
    await alarmByHand(lab.instructor, "ap-northeast-2", id);
    await topicByHand(lab.instructor, "hcb_route53_health", "hcb@example.com");
    invalidateClassZone(lab.zone.zoneId);

    const { items } = await itemsOf(lab.ref);
    expect(items["health-check"]?.status).toBe("pass");
    expect(items.alarm).toEqual({
      id: "alarm",
      status: "fail",
      message: {
        key: "check.healthCheck.alarmWrongRegion",
        params: { alarm: `by-hand-${id}`, region: "ap-northeast-2" },
      },
      fix: { key: "fix.healthCheck.alarmRegion" },
    });

    expect(await doItForMe(lab.ref)).toEqual(["alarm"]);
    const after = await itemsOf(lab.ref);
    expect(after.items.alarm?.status).toBe("pass");
    expect(after.items["alarm-action"]?.status).toBe("pass");
  });

  it("everything in the attendee's own account (no switch): the health check fails, saying the failover can't use it", async () => {
    const lab = await appServicesAttendee(db, "hcc");
    const eip = await webWithEip(lab.byHand);
    const id = await healthCheckByHand(lab.byHand, { ip: eip, name: "hcc.aws101.example" });
    const topicArn = await topicByHand(lab.byHand, "hcc_route53_health", "hcc@example.com");
    await alarmByHand(lab.byHand, US_EAST_1, id, { AlarmActions: [topicArn] });

    const { items } = await itemsOf(lab.ref);
    expect(items["health-check"]).toEqual({
      id: "health-check",
      status: "fail",
      message: {
        key: "check.healthCheck.ownAccount",
        params: { id, name: "hcc.aws101.example" },
      },
      fix: { key: "fix.healthCheck.inInstructorAccount", params: { name: "hcc.aws101.example" } },
    });
    expect(items.alarm?.message).toEqual({
      key: "check.healthCheck.alarmOwnAccount",
      params: { alarm: `by-hand-${id}` },
    });
    expect(items.topic?.message).toEqual({
      key: "check.healthCheck.topicOwnAccount",
      params: { topic: "hcc_route53_health" },
    });
  });

  it("a health check on a classmate's Elastic IP says whose it is", async () => {
    const lab = await appServicesAttendee(db, "hcd");
    await webWithEip(lab.byHand);
    const classmate = await lab.classmate("hce");
    const theirs = await webWithEip(classmate.byHand);
    // The classmate's refresh is what tells the portal whose address it is.
    await moduleStatus(runtime, classmate.ref, "app-services", { fresh: true });
    await healthCheckByHand(lab.instructor, { ip: theirs, name: "hcd.aws101.example" });
    invalidateClassZone(lab.zone.zoneId);

    const { items } = await itemsOf(lab.ref);
    expect(items.target).toMatchObject({
      status: "fail",
      message: {
        key: "check.healthCheck.classmateIp",
        params: { ip: theirs, owner: "Classmate hce (hce)" },
      },
    });
    expect(await doItForMe(lab.ref)).toEqual(["health-check", "topic", "subscription", "alarm"]);
    expect((await itemsOf(lab.ref)).items.target?.status).toBe("pass");
  });

  it("HTTPS on 443 and a check without Name, as the console leaves them", async () => {
    const lab = await appServicesAttendee(db, "hcf");
    const eip = await webWithEip(lab.byHand);
    await healthCheckByHand(lab.instructor, {
      ip: eip,
      name: "hcf.aws101.example",
      type: "HTTPS",
      port: 443,
    });
    invalidateClassZone(lab.zone.zoneId);
    const https = await itemsOf(lab.ref);
    expect(https.items.protocol?.message.key).toBe("check.healthCheck.https");
    expect(https.items.port?.message).toEqual({
      key: "check.healthCheck.otherPort",
      params: { port: 443 },
    });

    const other = await appServicesAttendee(db, "hcg");
    const otherEip = await webWithEip(other.byHand);
    const unnamed = await healthCheckByHand(other.instructor, { ip: otherEip, type: "TCP" });
    invalidateClassZone(other.zone.zoneId);
    const { items } = await itemsOf(other.ref);
    expect(items["health-check"]?.message).toEqual({
      key: "check.healthCheck.noName",
      params: { id: unnamed, ip: otherEip },
    });
    // A TCP check can't become HTTP: deleting it is left to the attendee, and the alarm waits for the new one.
    expect(await doItForMe(other.ref)).toEqual(["topic", "subscription"]);
  });

  it("an alarm without the topic action, and a topic without a subscription", async () => {
    const lab = await appServicesAttendee(db, "hch");
    const eip = await webWithEip(lab.byHand);
    const id = await healthCheckByHand(lab.instructor, { ip: eip, name: "hch.aws101.example" });
    await alarmByHand(lab.instructor, US_EAST_1, id);
    await topicByHand(lab.instructor, "hch_route53_health");
    invalidateClassZone(lab.zone.zoneId);

    const { items } = await itemsOf(lab.ref);
    expect(items["alarm-action"]).toMatchObject({
      status: "fail",
      message: { key: "check.healthCheck.noAction", params: { alarm: `by-hand-${id}` } },
    });
    expect(items.subscription).toMatchObject({
      status: "fail",
      message: { key: "check.healthCheck.noSubscription" },
      fix: { key: "fix.healthCheck.subscribe", params: { email: "hch@example.com" } },
    });
    expect(await doItForMe(lab.ref)).toEqual(["subscription", "alarm"]);
    const after = await itemsOf(lab.ref);
    expect(after.items["alarm-action"]?.status).toBe("pass");
    expect(await countsIn(lab.instructor, "hch.aws101.example", "hch_route53_health")).toEqual({
      healthChecks: 1,
      alarms: 1,
      topics: 1,
      subscriptions: 1,
    });
  });

  it("a refresh reads alarms per health check and the topic by ARN, never listing the class's", async () => {
    const lab = await appServicesAttendee(db, "hci");
    await webWithEip(lab.byHand);
    await doItForMe(lab.ref);
    invalidateClassZone(lab.zone.zoneId);
    const facts = factReader(lab.byHand, `${lab.ref.attendeeId}|count`, {
      accountId: lab.accountId,
      principalArn: `arn:aws:sts::${lab.accountId}:assumed-role/aws101-attendee/vitest`,
      sharedZone: lab.zone,
      initials: "hci",
    });
    const counter = new AwsCallCounter();
    await countingCalls(counter, () => facts.readAll(healthCheckStep.needs));
    // The counter sees the calls into the instructor's account (the attendee's own clients count apart).
    expect(counter.byOperation()).toEqual({
      // One alarm read on this check's metric, one topic read by its ARN.
      "CloudWatch:DescribeAlarmsForMetric": 1,
      "SNS:ListSubscriptionsByTopic": 1,
      // The class zone's shared view (at most once per 5 s for the whole class) and the sandbox's
      // trust-policy evaluation; the emulator's health-check status is never asked for.
      "IAM:GetRole": 1,
      "Route53:ListHealthChecks": 1,
      "Route53:ListResourceRecordSets": 1,
      "Route53:ListTagsForResources": 1,
    });
  });
});
