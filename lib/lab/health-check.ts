import type { HealthCheckSummary } from "@/lib/aws/types";

/** What the lab's health check monitors on Web: the sample app over plain HTTP. */
export const HEALTH_CHECK = {
  type: "HTTP",
  port: 80,
  path: "/",
  /** Route 53's metrics, their alarms and the alarms' topics live only here. */
  metricsRegion: "us-east-1",
} as const;

/** Not every attendee changes region first: the event's region (Seoul) is where a wrong alarm ends up. */
export const alarmRegionMistake = (eventRegion: string) =>
  eventRegion === HEALTH_CHECK.metricsRegion ? "ap-northeast-2" : eventRegion;

const fitsTheLab = (check: HealthCheckSummary) =>
  check.type === HEALTH_CHECK.type && check.port === HEALTH_CHECK.port;

/**
 * The attendee's health check among an account's: the one named like their record (the best
 * fitting one when they made several). The facts and the step must pick the same one.
 */
export function namedHealthCheck(
  checks: HealthCheckSummary[],
  name: string,
): HealthCheckSummary | undefined {
  const named = checks.filter((check) => check.name === name);
  return named.find(fitsTheLab) ?? named[0];
}

export const healthTopicArn = (accountId: string, topic: string) =>
  `arn:aws:sns:${HEALTH_CHECK.metricsRegion}:${accountId}:${topic}`;

/** The name the console gives the alarm it creates with a health check. */
export const consoleAlarmName = (healthCheckId: string) =>
  `awsroute53-${healthCheckId}-Low-HealthCheckStatus`;
