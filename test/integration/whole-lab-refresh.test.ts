import { AllocateAddressCommand, CreateSecurityGroupCommand } from "@aws-sdk/client-ec2";
import {
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
} from "@aws-sdk/client-iam";
import { CreateDBInstanceCommand } from "@aws-sdk/client-rds";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAwsClients } from "@/lib/aws/client";
import type { SharedZone } from "@/lib/lab/app-services";
import { resolveCredentials } from "@/lib/credentials";
import { invalidateClassZone } from "@/lib/lab/class-zone";
import { stepRegistry } from "@/lib/lab/registry";
import { countingEmulator } from "../../bench/counting-emulator";
import { countWholeLab } from "../../bench/whole-lab";
import { emulatorEndpoint, REGION } from "./emulator";
import {
  appServicesAttendee,
  launchBareWeb,
  sandboxAttendee,
  sandboxLabPerFile,
} from "./lab-harness";

const portal = sandboxLabPerFile();
let proxy: Awaited<ReturnType<typeof countingEmulator>>;
beforeAll(async () => {
  proxy = await countingEmulator(emulatorEndpoint());
});
afterAll(() => proxy.close());

/** One refresh of every step for the attendee, counted at the emulator as AWS would see it. */
async function count(
  attendeeId: string,
  accountId: string,
  lab: { initials?: string; zone?: SharedZone } = {},
) {
  const resolved = await resolveCredentials(portal.db, attendeeId, proxy.url);
  if (!resolved) throw new Error("the attendee has no sandbox credentials");
  // Assumed when the attendee connected, before this proxy existed.
  proxy.nameKey(resolved.target.credentials.accessKeyId, "own");
  const zone = lab.zone && { ...lab.zone, sandboxEndpoints: proxy.url };
  const counted = await countWholeLab({
    aws: createAwsClients(resolved.target),
    scope: {
      accountId,
      principalArn: resolved.principalArn,
      initials: lab.initials,
      sharedZone: zone,
    },
    steps: [...stepRegistry.values()],
    proxy,
    accounts: ["own", ...(zone ? [zone.instructorAccountId] : [])],
    beforeEach: () => zone && invalidateClassZone(zone.zoneId),
  });
  const named = (calls: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(calls).map(([call, count]) => [
        zone ? call.replace(zone.instructorAccountId, "instructor") : call,
        count,
      ]),
    );
  return {
    ...counted,
    firstByOperation: named(counted.first.byOperation),
    byOperation: named(counted.whole.byOperation),
  };
}

/** Listed in each lab region (the event's is ap-northeast-2, the other us-east-1). */
const REGIONAL = [
  "ec2:DescribeAddresses",
  "ec2:DescribeInstances",
  "ec2:DescribeKeyPairs",
  "ec2:DescribeSecurityGroups",
  "monitoring:DescribeAlarms",
  "rds:DescribeDBInstances",
  "sns:ListTopics",
];
const ACCOUNT_WIDE = [
  "iam:ListInstanceProfiles",
  "iam:ListRoles",
  "iam:ListUsers",
  "route53:GET healthcheck?maxitems",
  "s3:ListBuckets",
];
const CLASS_ZONE = [
  `instructor ${REGION} route53:GET healthcheck?maxitems`,
  `instructor ${REGION} route53:GET hostedzone/rrset?maxitems`,
  "instructor us-east-1 monitoring:DescribeAlarms",
  "instructor us-east-1 sns:ListTopics",
];

/** The lower bound, call by call: one list or describe per kind and region in use. */
const listCalls = (classZone: boolean) => [
  ...[REGION, "us-east-1"].flatMap((region) => REGIONAL.map((call) => `own ${region} ${call}`)),
  ...ACCOUNT_WIDE.map((call) => `own ${REGION} ${call}`),
  ...(classZone ? CLASS_ZONE : []),
];

const once = (calls: string[]) => Object.fromEntries(calls.map((call) => [call, 1]));

describe("whole-lab refresh", () => {
  it("an attendee with a Web", async () => {
    const attendee = await sandboxAttendee(portal.db);
    await launchBareWeb(attendee.byHand);
    const counted = await count(attendee.attendee.id, attendee.accountId);
    expect(listCalls(false)).toHaveLength(counted.lowerBound);
    // Beyond the lists, what depends on the Web found: its AMI, read once and kept (an AMI never
    // changes), and its user data, read every time here (on AWS kept while the Web runs: the
    // emulator doesn't give a restarted instance a new launch time).
    const userData = `own ${REGION} ec2:DescribeInstanceAttribute`;
    expect(counted.firstByOperation).toEqual(
      once([...listCalls(false), `own ${REGION} ec2:DescribeImages`, userData]),
    );
    expect(counted.byOperation).toEqual(once([...listCalls(false), userData]));
    expect(counted.whole.calls).toBe(counted.lowerBound + 1);
    expect(counted.baseline).toBeGreaterThanOrEqual(3 * counted.whole.calls);
  });

  it("an attendee with the resources of every module", async () => {
    const lab = await appServicesAttendee(portal.db);
    const byHand = lab.byHand;
    const suffix = Math.random().toString(36).slice(2, 8);
    await launchBareWeb(byHand);
    await byHand.ec2().send(new AllocateAddressCommand({ Domain: "vpc" }));
    const group = await byHand
      .ec2()
      .send(new CreateSecurityGroupCommand({ GroupName: "rds-mysql-sg", Description: "MySQL" }));
    await byHand.rds().send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: "awslab",
        Engine: "mysql",
        DBInstanceClass: "db.t3.micro",
        AllocatedStorage: 20,
        MasterUsername: "admin",
        MasterUserPassword: "Password1234",
        VpcSecurityGroupIds: [group.GroupId ?? ""],
      }),
    );
    const bucket = `awslab-s3-${suffix}`;
    await byHand.s3().send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    await byHand
      .s3()
      .send(new PutObjectCommand({ Bucket: bucket, Key: "uploads/a.txt", Body: "x" }));
    await byHand
      .iam()
      .send(new CreateRoleCommand({ RoleName: "awslab-ec2-role", AssumeRolePolicyDocument: "{}" }));
    await byHand
      .iam()
      .send(new CreateInstanceProfileCommand({ InstanceProfileName: "awslab-ec2-role" }));
    await byHand.iam().send(new CreateUserCommand({ UserName: "awslab-user" }));
    const counted = await count(lab.attendee.id, lab.accountId, {
      initials: "ab",
      zone: lab.zone,
    });
    expect(listCalls(true)).toHaveLength(counted.lowerBound);
    // One call per resource found, each once: what no list says.
    const dependent = [
      // The sandbox checks the event role's trust itself (the emulator doesn't), and the
      // attendee's topic's subscriptions.
      `instructor ${REGION} iam:GetRole`,
      "instructor us-east-1 sns:ListSubscriptionsByTopic",
      // Web's user data (its AMI was kept from the first refresh); awslab's events;
      // awslab-ec2-role's policies; awslab-user's console password, policies and groups.
      ...[
        "ec2:DescribeInstanceAttribute",
        "rds:DescribeEvents",
        "iam:GetRole",
        "iam:ListRolePolicies",
        "iam:ListAttachedRolePolicies",
        "iam:GetLoginProfile",
        "iam:ListAttachedUserPolicies",
        "iam:ListGroupsForUser",
      ].map((call) => `own ${REGION} ${call}`),
      // The lab bucket: its region, S3 101's configurations, who may read it (policy, the
      // uploads and the newest one's ACL), its versions (S3 101 and clean-up share them), and
      // the account's Block Public Access.
      ...[
        "location",
        "versioning",
        "publicAccessBlock",
        "encryption",
        "lifecycle",
        "logging",
        "notification",
        "replication",
        "website",
        "ownershipControls",
        "policy",
        "list-type&max-keys&prefix",
        "max-keys&versions",
      ].map((query) => `own ${REGION} s3:GET bucket?${query}`),
      `own ${REGION} s3:GET object?acl`,
      `own ${REGION} s3:GET configuration/publicAccessBlock`,
    ];
    expect(counted.byOperation).toEqual(once([...listCalls(true), ...dependent]));
    expect(counted.whole.calls).toBe(counted.lowerBound + dependent.length);
    // About 2.8×: S3 and IAM have no call for many resources' configuration, so the
    // per-resource reads above stay in the whole-lab refresh too, while three storage steps and
    // clean-up each repeat them alone.
    expect(counted.baseline).toBeGreaterThanOrEqual(2.5 * counted.whole.calls);
  });
});
