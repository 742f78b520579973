import "server-only";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import {
  ListHealthChecksCommand,
  ListTagsForResourcesCommand,
  type HealthCheck,
} from "@aws-sdk/client-route-53";
import { ListTopicsCommand } from "@aws-sdk/client-sns";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import type { AlarmSummary, HealthCheckSummary, TopicSummary } from "@/lib/aws/types";

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

export async function readAlarms(aws: AwsClients): Promise<AlarmSummary[]> {
  const result = await awsCall("cloudwatch:DescribeAlarms", () =>
    aws.inRegion(HEALTH_CHECK_METRICS_REGION).cloudwatch().send(new DescribeAlarmsCommand({})),
  );
  return (result.MetricAlarms ?? []).flatMap((alarm) =>
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
}

export async function readTopics(aws: AwsClients): Promise<TopicSummary[]> {
  const result = await awsCall("sns:ListTopics", () =>
    aws.inRegion(HEALTH_CHECK_METRICS_REGION).sns().send(new ListTopicsCommand({})),
  );
  return (result.Topics ?? []).flatMap((topic) =>
    topic.TopicArn ? [{ arn: topic.TopicArn }] : [],
  );
}
