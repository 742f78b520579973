import "server-only";
import { DeleteAlarmsCommand, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import {
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeInstancesCommand,
  DisassociateAddressCommand,
  TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteInstanceProfileCommand,
  DeleteLoginProfileCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListInstanceProfilesForRoleCommand,
  ListMFADevicesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  RemoveRoleFromInstanceProfileCommand,
  RemoveUserFromGroupCommand,
} from "@aws-sdk/client-iam";
import { DeleteDBInstanceCommand, ModifyDBInstanceCommand } from "@aws-sdk/client-rds";
import {
  ChangeResourceRecordSetsCommand,
  DeleteHealthCheckCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
} from "@aws-sdk/client-route-53";
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  type ObjectIdentifier,
} from "@aws-sdk/client-s3";
import {
  DeleteTopicCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  UnsubscribeCommand,
} from "@aws-sdk/client-sns";
import type { AwsClients } from "@/lib/aws/client";
import { toInstanceSummaries } from "@/lib/aws/ec2";
import { AwsCallError, awsCall } from "@/lib/aws/errors";
import { alarmSummaries } from "@/lib/aws/monitoring";
import { plainDnsName } from "@/lib/aws/route53";
import type { BucketVersionsPage } from "@/lib/aws/s3";
import type { AlarmSummary, InstanceSummary, TopicSummary } from "@/lib/aws/types";

/** Every instance not yet terminated, including those shutting down (clean-up waits for them). */
export async function readInstancesNotTerminated(aws: AwsClients): Promise<InstanceSummary[]> {
  const result = await awsCall("ec2:DescribeInstances", () =>
    aws.ec2().send(
      new DescribeInstancesCommand({
        Filters: [
          {
            Name: "instance-state-name",
            Values: ["pending", "running", "stopping", "stopped", "shutting-down"],
          },
        ],
      }),
    ),
  );
  return toInstanceSummaries(result.Reservations);
}

/** The topics of the client's own region (S3 events go to a topic in the bucket's region). */
export async function readRegionTopics(aws: AwsClients): Promise<TopicSummary[]> {
  const topics: TopicSummary[] = [];
  let next: string | undefined;
  do {
    const token = next;
    const page = await awsCall("sns:ListTopics", () =>
      aws.sns().send(new ListTopicsCommand({ NextToken: token })),
    );
    for (const topic of page.Topics ?? []) if (topic.TopicArn) topics.push({ arn: topic.TopicArn });
    next = page.NextToken;
  } while (next);
  return topics;
}

/** The alarms of the client's own region. */
export async function readRegionAlarms(aws: AwsClients): Promise<AlarmSummary[]> {
  const alarms: AlarmSummary[] = [];
  let next: string | undefined;
  do {
    const token = next;
    const page = await awsCall("cloudwatch:DescribeAlarms", () =>
      aws.cloudwatch().send(new DescribeAlarmsCommand({ NextToken: token })),
    );
    alarms.push(...alarmSummaries(page.MetricAlarms));
    next = page.NextToken;
  } while (next);
  return alarms;
}

/** Every object version and delete marker of a bucket: what must go before the bucket can. */
export type BucketContents = {
  versions: number;
  deleteMarkers: number;
  /** Distinct keys of live versions and delete markers. */
  keys: string[];
};

const CONTENT_KEYS_KEPT = 200;

/** What one page of a bucket's versions says: enough to judge a lab bucket (deletion pages on). */
export function bucketContentsOf(page: BucketVersionsPage): BucketContents {
  const keys = new Set<string>();
  for (const entry of [...page.versions, ...page.deleteMarkers]) {
    if (keys.size < CONTENT_KEYS_KEPT) keys.add(entry.key);
  }
  return {
    versions: page.versions.length,
    deleteMarkers: page.deleteMarkers.length,
    keys: [...keys].sort(),
  };
}

/** Whether an AWS failure means the thing is already gone. */
export function isAlreadyGone(error: unknown): boolean {
  const code = error instanceof AwsCallError ? error.problem.awsCode : undefined;
  return (
    code !== undefined &&
    [
      "InvalidGroup.NotFound",
      "InvalidPermission.NotFound",
      "InvalidAllocationID.NotFound",
      "InvalidAssociationID.NotFound",
      "InvalidInstanceID.NotFound",
      "InvalidKeyPair.NotFound",
      "DBInstanceNotFound",
      "DBInstanceNotFoundFault",
      "NoSuchBucket",
      "NoSuchEntity",
      "NoSuchEntityException",
      "NoSuchHealthCheck",
      "NotFound",
      "NotFoundException",
      "ResourceNotFound",
    ].includes(code)
  );
}

/** Runs an AWS call, taking "it is already gone" as done. */
export async function unlessGone(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (!isAlreadyGone(error)) throw error;
  }
}

export async function disassociateAddress(aws: AwsClients, associationId: string) {
  await unlessGone(() =>
    awsCall("ec2:DisassociateAddress", () =>
      aws.ec2().send(new DisassociateAddressCommand({ AssociationId: associationId })),
    ),
  );
}

export async function terminateInstance(aws: AwsClients, instanceId: string) {
  await unlessGone(() =>
    awsCall("ec2:TerminateInstances", () =>
      aws.ec2().send(new TerminateInstancesCommand({ InstanceIds: [instanceId] })),
    ),
  );
}

/** The instance's state, or "terminated" once AWS no longer lists it as alive. */
export async function instanceState(aws: AwsClients, instanceId: string): Promise<string> {
  try {
    const result = await awsCall("ec2:DescribeInstances", () =>
      aws.ec2().send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })),
    );
    return toInstanceSummaries(result.Reservations)[0]?.state ?? "terminated";
  } catch (error) {
    if (isAlreadyGone(error)) return "terminated";
    throw error;
  }
}

/** By name: a key pair's name is unique in its region (the emulator ignores KeyPairId here). */
export async function deleteKeyPair(aws: AwsClients, name: string) {
  await unlessGone(() =>
    awsCall("ec2:DeleteKeyPair", () => aws.ec2().send(new DeleteKeyPairCommand({ KeyName: name }))),
  );
}

export async function deleteSecurityGroup(aws: AwsClients, groupId: string) {
  await unlessGone(() =>
    awsCall("ec2:DeleteSecurityGroup", () =>
      aws.ec2().send(new DeleteSecurityGroupCommand({ GroupId: groupId })),
    ),
  );
}

/**
 * No final snapshot and no automated backups kept: the lab's data is a sign-up form. Deletion
 * protection (the console's default for the Production template) is switched off first.
 */
export async function deleteDbInstance(aws: AwsClients, dbInstanceId: string) {
  const remove = () =>
    awsCall("rds:DeleteDBInstance", () =>
      aws.rds().send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: dbInstanceId,
          SkipFinalSnapshot: true,
          DeleteAutomatedBackups: true,
        }),
      ),
    );
  try {
    await remove();
  } catch (error) {
    if (isAlreadyGone(error)) return;
    const message = (error as { cause?: { message?: string } }).cause?.message ?? "";
    if (!/deletion protection/i.test(message)) throw error;
    await awsCall("rds:ModifyDBInstance", () =>
      aws.rds().send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: dbInstanceId,
          DeletionProtection: false,
          ApplyImmediately: true,
        }),
      ),
    );
    await remove();
  }
}

/** Every version and delete marker, a thousand per call, then the bucket itself. */
export async function emptyAndDeleteBucket(aws: AwsClients, bucket: string) {
  const s3 = aws.s3();
  try {
    for (;;) {
      const page = await awsCall("s3:ListObjectVersions", () =>
        s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 })),
      );
      const objects: ObjectIdentifier[] = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
        .flatMap((entry) => (entry.Key ? [{ Key: entry.Key, VersionId: entry.VersionId }] : []))
        .slice(0, 1000);
      if (objects.length === 0) break;
      const result = await awsCall("s3:DeleteObjects", () =>
        s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } })),
      );
      const refused = result.Errors?.[0];
      if (refused) {
        throw new AwsCallError({
          code: refused.Code === "AccessDenied" ? "access_denied" : "unknown",
          awsCode: refused.Code,
          operation: "s3:DeleteObjects",
        });
      }
    }
    await awsCall("s3:DeleteBucket", () => s3.send(new DeleteBucketCommand({ Bucket: bucket })));
  } catch (error) {
    if (!isAlreadyGone(error)) throw error;
  }
}

const PAGE = 1000;

/** Inline and attached policies off, out of every instance profile, then the role. */
export async function deleteRoleCompletely(aws: AwsClients, roleName: string) {
  const iam = aws.iam();
  const RoleName = roleName;
  await unlessGone(async () => {
    const [inline, attached, profiles] = await Promise.all([
      awsCall("iam:ListRolePolicies", () =>
        iam.send(new ListRolePoliciesCommand({ RoleName, MaxItems: PAGE })),
      ),
      awsCall("iam:ListAttachedRolePolicies", () =>
        iam.send(new ListAttachedRolePoliciesCommand({ RoleName, MaxItems: PAGE })),
      ),
      awsCall("iam:ListInstanceProfilesForRole", () =>
        iam.send(new ListInstanceProfilesForRoleCommand({ RoleName, MaxItems: PAGE })),
      ),
    ]);
    for (const PolicyName of inline.PolicyNames ?? []) {
      await awsCall("iam:DeleteRolePolicy", () =>
        iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName })),
      );
    }
    for (const policy of attached.AttachedPolicies ?? []) {
      if (!policy.PolicyArn) continue;
      const PolicyArn = policy.PolicyArn;
      await awsCall("iam:DetachRolePolicy", () =>
        iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn })),
      );
    }
    for (const profile of profiles.InstanceProfiles ?? []) {
      const InstanceProfileName = profile.InstanceProfileName;
      if (!InstanceProfileName) continue;
      await awsCall("iam:RemoveRoleFromInstanceProfile", () =>
        iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName, InstanceProfileName })),
      );
    }
    await awsCall("iam:DeleteRole", () => iam.send(new DeleteRoleCommand({ RoleName })));
  });
}

/** The profile's roles out (at most one), then the profile. */
export async function deleteInstanceProfile(
  aws: AwsClients,
  profile: { name: string; roles: string[] },
) {
  const iam = aws.iam();
  const InstanceProfileName = profile.name;
  await unlessGone(async () => {
    for (const RoleName of profile.roles) {
      await unlessGone(() =>
        awsCall("iam:RemoveRoleFromInstanceProfile", () =>
          iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName, InstanceProfileName })),
        ),
      );
    }
    await awsCall("iam:DeleteInstanceProfile", () =>
      iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName })),
    );
  });
}

/** Console password, access keys, MFA devices, groups and policies off, then the user. */
export async function deleteUserCompletely(aws: AwsClients, userName: string) {
  const iam = aws.iam();
  const UserName = userName;
  await unlessGone(async () => {
    await unlessGone(() =>
      awsCall("iam:DeleteLoginProfile", () =>
        iam.send(new DeleteLoginProfileCommand({ UserName })),
      ),
    );
    const [keys, attached, inline, groups, devices] = await Promise.all([
      awsCall("iam:ListAccessKeys", () => iam.send(new ListAccessKeysCommand({ UserName }))),
      awsCall("iam:ListAttachedUserPolicies", () =>
        iam.send(new ListAttachedUserPoliciesCommand({ UserName, MaxItems: PAGE })),
      ),
      awsCall("iam:ListUserPolicies", () =>
        iam.send(new ListUserPoliciesCommand({ UserName, MaxItems: PAGE })),
      ),
      awsCall("iam:ListGroupsForUser", () =>
        iam.send(new ListGroupsForUserCommand({ UserName, MaxItems: PAGE })),
      ),
      awsCall("iam:ListMFADevices", () => iam.send(new ListMFADevicesCommand({ UserName }))),
    ]);
    for (const key of keys.AccessKeyMetadata ?? []) {
      const AccessKeyId = key.AccessKeyId;
      if (!AccessKeyId) continue;
      await awsCall("iam:DeleteAccessKey", () =>
        iam.send(new DeleteAccessKeyCommand({ UserName, AccessKeyId })),
      );
    }
    for (const policy of attached.AttachedPolicies ?? []) {
      const PolicyArn = policy.PolicyArn;
      if (!PolicyArn) continue;
      await awsCall("iam:DetachUserPolicy", () =>
        iam.send(new DetachUserPolicyCommand({ UserName, PolicyArn })),
      );
    }
    for (const PolicyName of inline.PolicyNames ?? []) {
      await awsCall("iam:DeleteUserPolicy", () =>
        iam.send(new DeleteUserPolicyCommand({ UserName, PolicyName })),
      );
    }
    for (const group of groups.Groups ?? []) {
      const GroupName = group.GroupName;
      if (!GroupName) continue;
      await awsCall("iam:RemoveUserFromGroup", () =>
        iam.send(new RemoveUserFromGroupCommand({ UserName, GroupName })),
      );
    }
    for (const device of devices.MFADevices ?? []) {
      const SerialNumber = device.SerialNumber;
      if (!SerialNumber) continue;
      await awsCall("iam:DeactivateMFADevice", () =>
        iam.send(new DeactivateMFADeviceCommand({ UserName, SerialNumber })),
      );
    }
    await awsCall("iam:DeleteUser", () => iam.send(new DeleteUserCommand({ UserName })));
  });
}

export async function deleteAlarm(aws: AwsClients, alarmName: string) {
  await unlessGone(() =>
    awsCall("cloudwatch:DeleteAlarms", () =>
      aws.cloudwatch().send(new DeleteAlarmsCommand({ AlarmNames: [alarmName] })),
    ),
  );
}

/** Confirmed subscriptions are ended one by one (pending ones have no ARN yet), then the topic. */
export async function deleteTopicWithSubscriptions(aws: AwsClients, topicArn: string) {
  const sns = aws.sns();
  await unlessGone(async () => {
    let next: string | undefined;
    do {
      const token = next;
      const page = await awsCall("sns:ListSubscriptionsByTopic", () =>
        sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: token })),
      );
      for (const subscription of page.Subscriptions ?? []) {
        const arn = subscription.SubscriptionArn;
        if (!arn?.startsWith("arn:")) continue;
        await unlessGone(() =>
          awsCall("sns:Unsubscribe", () =>
            sns.send(new UnsubscribeCommand({ SubscriptionArn: arn })),
          ),
        );
      }
      next = page.NextToken;
    } while (next);
    await awsCall("sns:DeleteTopic", () =>
      sns.send(new DeleteTopicCommand({ TopicArn: topicArn })),
    );
  });
}

export async function deleteHealthCheck(aws: AwsClients, healthCheckId: string) {
  await unlessGone(() =>
    awsCall("route53:DeleteHealthCheck", () =>
      aws.route53().send(new DeleteHealthCheckCommand({ HealthCheckId: healthCheckId })),
    ),
  );
}

/**
 * Every record set of exactly this name, deleted as Route 53 lists them now (a DELETE must
 * repeat the record set exactly); records of other names are never in the batch.
 */
export async function deleteRecordSetsNamed(
  aws: AwsClients,
  zoneId: string,
  name: string,
): Promise<number> {
  const HostedZoneId = zoneId.replace(/^\/hostedzone\//, "");
  const page = await awsCall("route53:ListResourceRecordSets", () =>
    aws
      .route53()
      .send(
        new ListResourceRecordSetsCommand({ HostedZoneId, StartRecordName: name, MaxItems: 300 }),
      ),
  );
  const mine: ResourceRecordSet[] = (page.ResourceRecordSets ?? []).filter(
    (record) => plainDnsName(record.Name ?? "") === name,
  );
  if (mine.length === 0) return 0;
  await awsCall("route53:ChangeResourceRecordSets", () =>
    aws.route53().send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId,
        ChangeBatch: {
          Comment: `AWS 101 clean-up of ${name}`,
          Changes: mine.map((record) => ({ Action: "DELETE", ResourceRecordSet: record })),
        },
      }),
    ),
  );
  return mine.length;
}
