import "server-only";
import {
  DescribeAlarmsForMetricCommand,
  PutMetricAlarmCommand,
  type MetricAlarm,
} from "@aws-sdk/client-cloudwatch";
import {
  ChangeTagsForResourceCommand,
  CreateHealthCheckCommand,
  GetHealthCheckStatusCommand,
  ListHealthChecksCommand,
  ListTagsForResourcesCommand,
  UpdateHealthCheckCommand,
  type HealthCheck,
} from "@aws-sdk/client-route-53";
import {
  CreateTopicCommand,
  ListSubscriptionsByTopicCommand,
  SubscribeCommand,
  type Subscription,
} from "@aws-sdk/client-sns";
import type { AwsClients } from "@/lib/aws/client";
import { AwsCallError, awsCall } from "@/lib/aws/errors";
import type {
  AlarmSummary,
  HealthCheckObservation,
  HealthCheckSummary,
  ResourceTags,
  SubscriptionSummary,
  TopicSubscriptions,
} from "@/lib/aws/types";

/** Route 53 publishes health-check metrics only in us-east-1, so their alarms and topics live there. */
export const HEALTH_CHECK_METRICS_REGION = "us-east-1";

/** Every health check of the account, page by page (a class's shared account holds hundreds). */
export async function readHealthChecks(aws: AwsClients): Promise<HealthCheckSummary[]> {
  const checks: HealthCheck[] = [];
  let marker: string | undefined;
  do {
    const page = await awsCall("route53:ListHealthChecks", () =>
      aws.route53().send(new ListHealthChecksCommand({ Marker: marker, MaxItems: 1000 })),
    );
    checks.push(...(page.HealthChecks ?? []));
    marker = page.IsTruncated ? page.NextMarker : undefined;
  } while (marker);
  return checks.flatMap((check) =>
    check.Id
      ? [
          {
            id: check.Id,
            type: check.HealthCheckConfig?.Type,
            ipAddress: check.HealthCheckConfig?.IPAddress,
            domainName: check.HealthCheckConfig?.FullyQualifiedDomainName,
            port: check.HealthCheckConfig?.Port,
            resourcePath: check.HealthCheckConfig?.ResourcePath,
            reference: check.CallerReference,
          },
        ]
      : [],
  );
}

const TAGGED_PER_CALL = 10;

/** The console's Name of each health check (its `Name` tag), ten per call as Route 53 allows. */
export async function readHealthCheckNames(
  aws: AwsClients,
  ids: string[],
): Promise<Record<string, string | undefined>> {
  const names: Record<string, string | undefined> = {};
  for (let start = 0; start < ids.length; start += TAGGED_PER_CALL) {
    const batch = ids.slice(start, start + TAGGED_PER_CALL);
    const result = await awsCall("route53:ListTagsForResources", () =>
      aws
        .route53()
        .send(new ListTagsForResourcesCommand({ ResourceType: "healthcheck", ResourceIds: batch })),
    );
    for (const id of batch) names[id] = undefined;
    for (const set of result.ResourceTagSets ?? []) {
      if (!set.ResourceId) continue;
      names[set.ResourceId] = set.Tags?.find((tag) => tag.Key === "Name")?.Value;
    }
  }
  return names;
}

/** The account's own health checks with their Names (an attendee's account holds a few). */
export async function readNamedHealthChecks(aws: AwsClients): Promise<HealthCheckSummary[]> {
  const checks = await readHealthChecks(aws);
  if (checks.length === 0) return checks;
  const names = await readHealthCheckNames(
    aws,
    checks.map((check) => check.id),
  );
  return checks.map((check) => ({ ...check, name: names[check.id] }));
}

export const alarmSummaries = (alarms: MetricAlarm[] | undefined): AlarmSummary[] =>
  (alarms ?? []).flatMap((alarm) =>
    alarm.AlarmName
      ? [
          {
            name: alarm.AlarmName,
            state: alarm.StateValue,
            metric: alarm.MetricName,
            namespace: alarm.Namespace,
            dimensions: Object.fromEntries(
              (alarm.Dimensions ?? []).flatMap((dimension) =>
                dimension.Name ? [[dimension.Name, dimension.Value ?? ""]] : [],
              ),
            ),
            actions: alarm.AlarmActions ?? [],
          },
        ]
      : [],
  );

const HEALTH_CHECK_METRIC = { Namespace: "AWS/Route53", MetricName: "HealthCheckStatus" } as const;

/**
 * The alarms on one health check's HealthCheckStatus in `region`: one call however many alarms
 * the account holds (the instructor's holds the whole class's).
 */
export async function readHealthCheckAlarms(
  aws: AwsClients,
  healthCheckId: string,
  region: string,
): Promise<AlarmSummary[]> {
  const result = await awsCall("cloudwatch:DescribeAlarmsForMetric", () =>
    aws
      .inRegion(region)
      .cloudwatch()
      .send(
        new DescribeAlarmsForMetricCommand({
          ...HEALTH_CHECK_METRIC,
          Dimensions: [{ Name: "HealthCheckId", Value: healthCheckId }],
        }),
      ),
  );
  return alarmSummaries(result.MetricAlarms).filter(
    (alarm) => alarm.dimensions.HealthCheckId === healthCheckId,
  );
}

const subscriptionSummary = (subscription: Subscription): SubscriptionSummary => ({
  protocol: subscription.Protocol ?? "",
  endpoint: subscription.Endpoint ?? "",
  pending: subscription.SubscriptionArn === "PendingConfirmation",
});

/** A topic by ARN and its subscriptions: one call (a missing topic answers NotFound). */
export async function readTopicSubscriptions(
  aws: AwsClients,
  topicArn: string,
): Promise<TopicSubscriptions> {
  const region = topicArn.split(":")[3] ?? HEALTH_CHECK_METRICS_REGION;
  const subscriptions: SubscriptionSummary[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await awsCall("sns:ListSubscriptionsByTopic", () =>
        aws
          .inRegion(region)
          .sns()
          .send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: token })),
      );
      subscriptions.push(...(page.Subscriptions ?? []).map(subscriptionSummary));
      token = page.NextToken;
    } while (token);
  } catch (error) {
    if (error instanceof AwsCallError && error.problem.awsCode === "NotFound") {
      return { arn: topicArn, exists: false, subscriptions: [] };
    }
    throw error;
  }
  return { arn: topicArn, exists: true, subscriptions };
}

/** What Route 53's checkers last saw; `Success: …` is healthy, `Failure: …` is not. */
export async function readHealthCheckStatus(
  aws: AwsClients,
  healthCheckId: string,
): Promise<HealthCheckObservation[]> {
  const result = await awsCall("route53:GetHealthCheckStatus", () =>
    aws.route53().send(new GetHealthCheckStatusCommand({ HealthCheckId: healthCheckId })),
  );
  return (result.HealthCheckObservations ?? []).map((observation) => {
    const status = observation.StatusReport?.Status ?? "";
    return {
      region: observation.Region ?? "",
      healthy: status.startsWith("Success"),
      status,
    };
  });
}

export type HealthCheckTarget = { ipAddress: string; port: number; resourcePath: string };

const tagList = (tags: ResourceTags) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** The console's Name is a tag; the portal's own tags go alongside. */
export async function tagHealthCheck(aws: AwsClients, healthCheckId: string, tags: ResourceTags) {
  await awsCall("route53:ChangeTagsForResource", () =>
    aws.route53().send(
      new ChangeTagsForResourceCommand({
        ResourceType: "healthcheck",
        ResourceId: healthCheckId,
        AddTags: tagList(tags),
      }),
    ),
  );
}

/**
 * An HTTP health check as the console's form makes it. `reference` is fixed per attempt so an SDK
 * retry returns the same check instead of a second one.
 */
export async function createHttpHealthCheck(
  aws: AwsClients,
  input: HealthCheckTarget & { reference: string; tags: ResourceTags },
): Promise<string> {
  const created = await awsCall("route53:CreateHealthCheck", () =>
    aws.route53().send(
      new CreateHealthCheckCommand({
        CallerReference: input.reference,
        HealthCheckConfig: {
          Type: "HTTP",
          IPAddress: input.ipAddress,
          Port: input.port,
          ResourcePath: input.resourcePath,
          RequestInterval: 30,
          FailureThreshold: 3,
        },
      }),
    ),
  );
  const id = created.HealthCheck?.Id;
  if (!id) throw new Error("CreateHealthCheck returned no id");
  await tagHealthCheck(aws, id, input.tags);
  return id;
}

export async function updateHealthCheckTarget(
  aws: AwsClients,
  healthCheckId: string,
  target: HealthCheckTarget,
) {
  await awsCall("route53:UpdateHealthCheck", () =>
    aws.route53().send(
      new UpdateHealthCheckCommand({
        HealthCheckId: healthCheckId,
        IPAddress: target.ipAddress,
        Port: target.port,
        ResourcePath: target.resourcePath,
      }),
    ),
  );
}

/** CreateTopic answers an existing topic's ARN, so a second call creates nothing. */
export async function ensureHealthTopic(
  aws: AwsClients,
  name: string,
  tags: ResourceTags,
): Promise<string> {
  const created = await awsCall("sns:CreateTopic", () =>
    aws
      .inRegion(HEALTH_CHECK_METRICS_REGION)
      .sns()
      .send(new CreateTopicCommand({ Name: name, Tags: tagList(tags) })),
  );
  if (!created.TopicArn) throw new Error("CreateTopic returned no ARN");
  return created.TopicArn;
}

/** AWS mails the address a confirmation link; the subscription stays pending until it is clicked. */
export async function subscribeEmail(aws: AwsClients, topicArn: string, email: string) {
  await awsCall("sns:Subscribe", () =>
    aws
      .inRegion(HEALTH_CHECK_METRICS_REGION)
      .sns()
      .send(new SubscribeCommand({ TopicArn: topicArn, Protocol: "email", Endpoint: email })),
  );
}

/**
 * The alarm the console's "Create alarm" makes: HealthCheckStatus below 1 for one minute.
 * PutMetricAlarm replaces an alarm of the same name, so a second call changes nothing.
 */
export async function putHealthCheckAlarm(
  aws: AwsClients,
  input: { name: string; healthCheckId: string; topicArn: string; tags: ResourceTags },
) {
  await awsCall("cloudwatch:PutMetricAlarm", () =>
    aws
      .inRegion(HEALTH_CHECK_METRICS_REGION)
      .cloudwatch()
      .send(
        new PutMetricAlarmCommand({
          AlarmName: input.name,
          ...HEALTH_CHECK_METRIC,
          Dimensions: [{ Name: "HealthCheckId", Value: input.healthCheckId }],
          Statistic: "Minimum",
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: "LessThanThreshold",
          AlarmActions: [input.topicArn],
          Tags: tagList(input.tags),
        }),
      ),
  );
}
