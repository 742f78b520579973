import "server-only";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { ListHealthChecksCommand } from "@aws-sdk/client-route-53";
import { ListTopicsCommand } from "@aws-sdk/client-sns";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import type { AlarmSummary, HealthCheckSummary, TopicSummary } from "@/lib/aws/types";

/** Route 53 publishes health-check metrics only in us-east-1, so their alarms and topics live there. */
export const HEALTH_CHECK_METRICS_REGION = "us-east-1";

export async function readHealthChecks(aws: AwsClients): Promise<HealthCheckSummary[]> {
  const result = await awsCall("route53:ListHealthChecks", () =>
    aws.route53().send(new ListHealthChecksCommand({})),
  );
  return (result.HealthChecks ?? []).flatMap((check) =>
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
