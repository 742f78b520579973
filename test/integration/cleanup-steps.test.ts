import { DescribeAlarmsCommand, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  AddRoleToInstanceProfileCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  ListInstanceProfilesCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { CreateDBInstanceCommand, DescribeDBInstancesCommand } from "@aws-sdk/client-rds";
import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHealthCheckCommand,
  ListHealthChecksCommand,
  ListResourceRecordSetsCommand,
} from "@aws-sdk/client-route-53";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListBucketsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { CreateTopicCommand, ListTopicsCommand, SubscribeCommand } from "@aws-sdk/client-sns";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import { latestAl2023ImageId } from "@/lib/aws/ec2";
import { labCatalogue } from "@/lib/lab/catalogue";
import { invalidateClassZone } from "@/lib/lab/class-zone";
import { parseJournal } from "@/lib/lab/cleanup-inventory";
import { applyStep, checkStep, planStep } from "@/lib/lab/runner";
import { dropNamespace } from "@/lib/sandbox/database";
import { confirmCleanupItem } from "@/lib/lab/cleanup-confirm";
import { readStepMemory } from "@/lib/db/queries";
import { appServicesAttendee, labRuntime, launchBareWeb, sandboxLabPerFile } from "./lab-harness";
import { REGION } from "./emulator";

/** Deletions made so far, and after how many the clean-up "crashes" (the portal dies mid-way). */
const crash = vi.hoisted(() => ({ count: 0, after: Number.POSITIVE_INFINITY }));

vi.mock("@/lib/aws/teardown", async (importOriginal) => {
  const original = await importOriginal<Record<string, unknown>>();
  const deleting = /^(delete|terminate|disassociate|empty)/;
  return Object.fromEntries(
    Object.entries(original).map(([name, value]) => [
      name,
      typeof value === "function" && deleting.test(name)
        ? async (...args: unknown[]) => {
            if (crash.count >= crash.after) throw new Error("the portal died half-way");
            crash.count += 1;
            return (value as (...inner: unknown[]) => unknown)(...args);
          }
        : value,
    ]),
  );
});

const OTHER_REGION = "us-east-1";
const SUFFIX = Math.random().toString(36).slice(2, 8);

const portal = sandboxLabPerFile();

type Lab = Awaited<ReturnType<typeof appServicesAttendee>>;

/** Every resource of every service the lab uses, in both regions and the class zone, by name. */
async function everything(lab: Lab): Promise<string[]> {
  const found: string[] = [];
  for (const region of [REGION, OTHER_REGION]) {
    const aws = lab.byHand.inRegion(region);
    const [instances, groups, pairs, addresses, dbs, topics, alarms] = await Promise.all([
      aws.ec2().send(new DescribeInstancesCommand({})),
      aws.ec2().send(new DescribeSecurityGroupsCommand({})),
      aws.ec2().send(new DescribeKeyPairsCommand({})),
      aws.ec2().send(new DescribeAddressesCommand({})),
      aws.rds().send(new DescribeDBInstancesCommand({})),
      aws.sns().send(new ListTopicsCommand({})),
      aws.cloudwatch().send(new DescribeAlarmsCommand({})),
    ]);
    for (const reservation of instances.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        if (instance.State?.Name === "terminated") continue;
        const name = instance.Tags?.find((tag) => tag.Key === "Name")?.Value;
        found.push(`${region} instance ${name}`);
      }
    }
    for (const group of groups.SecurityGroups ?? []) {
      if (group.GroupName !== "default") found.push(`${region} group ${group.GroupName}`);
    }
    for (const pair of pairs.KeyPairs ?? []) found.push(`${region} key ${pair.KeyName}`);
    for (const address of addresses.Addresses ?? [])
      found.push(`${region} eip ${address.PublicIp}`);
    for (const instance of dbs.DBInstances ?? []) {
      found.push(`${region} db ${instance.DBInstanceIdentifier}`);
    }
    for (const topic of topics.Topics ?? [])
      found.push(`${region} topic ${topic.TopicArn?.split(":").pop()}`);
    for (const alarm of alarms.MetricAlarms ?? []) found.push(`${region} alarm ${alarm.AlarmName}`);
  }
  const aws = lab.byHand;
  const [buckets, roles, profiles, users, policies, checks] = await Promise.all([
    aws.s3().send(new ListBucketsCommand({})),
    aws.iam().send(new ListRolesCommand({})),
    aws.iam().send(new ListInstanceProfilesCommand({})),
    aws.iam().send(new ListUsersCommand({})),
    aws.iam().send(new ListPoliciesCommand({ Scope: "Local" })),
    aws.route53().send(new ListHealthChecksCommand({})),
  ]);
  for (const bucket of buckets.Buckets ?? []) found.push(`bucket ${bucket.Name}`);
  for (const role of roles.Roles ?? []) found.push(`role ${role.RoleName}`);
  for (const profile of profiles.InstanceProfiles ?? []) {
    found.push(`profile ${profile.InstanceProfileName}`);
  }
  for (const user of users.Users ?? []) found.push(`user ${user.UserName}`);
  for (const policy of policies.Policies ?? []) found.push(`policy ${policy.PolicyName}`);
  for (const check of checks.HealthChecks ?? []) found.push(`own health check ${check.Id}`);
  const instructorEast = lab.instructor.inRegion(OTHER_REGION);
  const [records, instructorChecks, instructorAlarms, instructorTopics] = await Promise.all([
    lab.instructor
      .route53()
      .send(new ListResourceRecordSetsCommand({ HostedZoneId: lab.zone.zoneId })),
    lab.instructor.route53().send(new ListHealthChecksCommand({})),
    instructorEast.cloudwatch().send(new DescribeAlarmsCommand({})),
    instructorEast.sns().send(new ListTopicsCommand({})),
  ]);
  for (const alarm of instructorAlarms.MetricAlarms ?? []) {
    found.push(`zone alarm ${alarm.AlarmName}`);
  }
  for (const topic of instructorTopics.Topics ?? []) {
    found.push(`zone topic ${topic.TopicArn?.split(":").pop()}`);
  }
  for (const record of records.ResourceRecordSets ?? []) {
    if (record.Type === "NS" || record.Type === "SOA") continue;
    found.push(`zone ${record.Type} ${record.Name} ${record.SetIdentifier ?? ""}`.trim());
  }
  for (const check of instructorChecks.HealthChecks ?? []) {
    found.push(`zone health check ${check.HealthCheckConfig?.IPAddress}`);
  }
  return found.sort();
}

const labBucket = `awslab-s3-${SUFFIX}`;
const logsBucket = `awslab-logs-${SUFFIX}`;
const foreignBucket = `awslab-s3-keep${SUFFIX}`;
const unrelatedBucket = `family-photos-${SUFFIX}`;

async function bucketWith(aws: AwsClients, name: string, keys: string[]) {
  await aws.s3().send(
    new CreateBucketCommand({
      Bucket: name,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
  for (const key of keys) {
    await aws.s3().send(new PutObjectCommand({ Bucket: name, Key: key, Body: "x" }));
  }
}

async function healthCheckNamed(aws: AwsClients, name: string, ip: string) {
  const created = await aws.route53().send(
    new CreateHealthCheckCommand({
      CallerReference: `${name}-${SUFFIX}`,
      HealthCheckConfig: { Type: "HTTP", IPAddress: ip, Port: 80, ResourcePath: "/" },
    }),
  );
  const id = created.HealthCheck?.Id ?? "";
  await aws.route53().send(
    new ChangeTagsForResourceCommand({
      ResourceType: "healthcheck",
      ResourceId: id,
      AddTags: [{ Key: "Name", Value: name }],
    }),
  );
  return id;
}

async function aRecord(aws: AwsClients, zoneId: string, name: string, extra: object) {
  await aws.route53().send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      ChangeBatch: {
        Changes: [
          {
            Action: "CREATE",
            ResourceRecordSet: { Name: name, Type: "A", TTL: 30, ...extra },
          },
        ],
      },
    }),
  );
}

/** The whole lab, clicked by hand as the console would make it, beside what must survive. */
async function buildLabByHand(lab: Lab) {
  const aws = lab.byHand;
  const ec2 = aws.ec2();
  const subnet = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets?.[0];
  const vpcId = subnet?.VpcId;
  const group = async (name: string) =>
    (
      await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpcId }),
      )
    ).GroupId ?? "";
  const webGroup = await group("web-server-sg");
  const wizardGroup = await group("launch-wizard-1");
  const dbGroup = await group("rds-mysql-sg");
  await group("my-own-sg");
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: dbGroup,
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 3306,
          ToPort: 3306,
          UserIdGroupPairs: [{ GroupId: webGroup }],
        },
      ],
    }),
  );
  await ec2.send(new CreateKeyPairCommand({ KeyName: "awslab" }));
  await ec2.send(new CreateKeyPairCommand({ KeyName: "my-own-key" }));
  const imageId = await latestAl2023ImageId(aws);
  const launch = async (name: string, groups: string[]) =>
    (
      await ec2.send(
        new RunInstancesCommand({
          ImageId: imageId,
          InstanceType: "t3.micro",
          MinCount: 1,
          MaxCount: 1,
          KeyName: name === "Web" ? "awslab" : "my-own-key",
          SubnetId: subnet?.SubnetId,
          SecurityGroupIds: groups,
          TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: name }] }],
        }),
      )
    ).Instances?.[0]?.InstanceId ?? "";
  const web = await launch("Web", [webGroup, wizardGroup]);
  await launch("Other", []);
  const address = await ec2.send(new AllocateAddressCommand({ Domain: "vpc" }));
  await ec2.send(
    new AssociateAddressCommand({ AllocationId: address.AllocationId, InstanceId: web }),
  );
  const eip = address.PublicIp ?? "";

  await aws.rds().send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: "awslab",
      Engine: "mysql",
      EngineVersion: "8.4.3",
      DBInstanceClass: "db.t3.micro",
      AllocatedStorage: 20,
      StorageType: "gp3",
      MultiAZ: true,
      MasterUsername: "admin",
      MasterUserPassword: "by-hand-password-1",
      VpcSecurityGroupIds: [dbGroup],
    }),
  );

  await bucketWith(aws, labBucket, ["uploads/1/cat.png"]);
  await aws.s3().send(
    new PutBucketVersioningCommand({
      Bucket: labBucket,
      VersioningConfiguration: { Status: "Enabled" },
    }),
  );
  for (const body of ["one", "two"]) {
    await aws.s3().send(new PutObjectCommand({ Bucket: labBucket, Key: "hello.txt", Body: body }));
  }
  await aws.s3().send(new DeleteObjectCommand({ Bucket: labBucket, Key: "hello.txt" }));
  await bucketWith(aws, logsBucket, ["logs/2026-11-27-01-02-03-0123456789ABCDEF"]);
  await bucketWith(aws, foreignBucket, ["uploads/x.png", "tax/2024.pdf"]);
  await bucketWith(aws, unrelatedBucket, ["holiday.jpg"]);
  const record = `kim.${lab.zone.domain}`;
  await bucketWith(aws, record, ["maintenance.html"]);
  await aws.sns().send(new CreateTopicCommand({ Name: "awslab-s3-events" }));

  const iam = aws.iam();
  await iam.send(
    new CreateRoleCommand({
      RoleName: "awslab-ec2-role",
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "ec2.amazonaws.com" },
            Action: "sts:AssumeRole",
          },
        ],
      }),
    }),
  );
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "awslab-ec2-role" }));
  await iam.send(
    new AddRoleToInstanceProfileCommand({
      InstanceProfileName: "awslab-ec2-role",
      RoleName: "awslab-ec2-role",
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: "awslab-ec2-role",
      PolicyName: "awslab-s3-full-access",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "s3:*", Resource: `arn:aws:s3:::${labBucket}/*` }],
      }),
    }),
  );
  const admin = await iam.send(
    new CreatePolicyCommand({
      PolicyName: "my-admin",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
      }),
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: "awslab-user" }));
  await iam.send(
    new CreateLoginProfileCommand({ UserName: "awslab-user", Password: "Secret-123456!" }),
  );
  await iam.send(new CreateAccessKeyCommand({ UserName: "awslab-user" }));
  await iam.send(
    new AttachUserPolicyCommand({ UserName: "awslab-user", PolicyArn: admin.Policy?.Arn }),
  );

  // Module 4's user under a name of the attendee's choosing, and one made that day for another use.
  await iam.send(new CreateUserCommand({ UserName: "kim-admin" }));
  await iam.send(
    new CreateLoginProfileCommand({ UserName: "kim-admin", Password: "Secret-654321!" }),
  );
  await iam.send(
    new AttachUserPolicyCommand({
      UserName: "kim-admin",
      PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: "ci-deployer" }));
  await iam.send(new CreateAccessKeyCommand({ UserName: "ci-deployer" }));

  // Module 4 in the instructor's account: records, health check; a classmate's beside them.
  const checkId = await healthCheckNamed(lab.instructor, record, eip);
  await healthCheckNamed(lab.instructor, `lee.${lab.zone.domain}`, "192.0.2.44");
  await aRecord(lab.instructor, lab.zone.zoneId, record, {
    SetIdentifier: "primary",
    Failover: "PRIMARY",
    HealthCheckId: checkId,
    ResourceRecords: [{ Value: eip }],
  });
  await aRecord(lab.instructor, lab.zone.zoneId, record, {
    SetIdentifier: "secondary",
    Failover: "SECONDARY",
    ResourceRecords: [{ Value: "192.0.2.99" }],
  });
  await aRecord(lab.instructor, lab.zone.zoneId, `lee.${lab.zone.domain}`, {
    ResourceRecords: [{ Value: "192.0.2.44" }],
  });
  invalidateClassZone(lab.zone.zoneId);

  // The alarm and its topic, in us-east-1 of the attendee's own account.
  const east = aws.inRegion(OTHER_REGION);
  const topic = await east.sns().send(new CreateTopicCommand({ Name: "kim_route53_health" }));
  await east.sns().send(
    new SubscribeCommand({
      TopicArn: topic.TopicArn,
      Protocol: "email",
      Endpoint: "kim@example.com",
    }),
  );
  await east.cloudwatch().send(
    new PutMetricAlarmCommand({
      AlarmName: `awsroute53-${checkId}-Low-HealthCheckStatus`,
      Namespace: "AWS/Route53",
      MetricName: "HealthCheckStatus",
      Dimensions: [{ Name: "HealthCheckId", Value: checkId }],
      Statistic: "Minimum",
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: "LessThanThreshold",
      AlarmActions: [topic.TopicArn ?? ""],
    }),
  );
}

const SURVIVORS = [
  `bucket ${foreignBucket}`,
  `bucket ${unrelatedBucket}`,
  `${REGION} group my-own-sg`,
  `${REGION} instance Other`,
  `${REGION} key my-own-key`,
  "policy my-admin",
  "user ci-deployer",
  "zone A lee.aws101.example.",
  "zone health check 192.0.2.44",
];

describe("clean-up of a lab made by hand in the console", () => {
  it("deletes every lab resource in both regions and the zone, leaves the rest, and resumes after a crash", async () => {
    const db = portal.db;
    const lab = await appServicesAttendee(db, "kim");
    await lab.classmate("lee");
    const runtime = labRuntime(db);
    await buildLabByHand(lab);
    const before = await everything(lab);

    const plan = await planStep(runtime, lab.ref, "cleanup");
    expect(plan.problem).toBeUndefined();
    const kinds = plan.entries
      .filter((entry) => entry.kind === "remove")
      .map((entry) => entry.id.split("|")[0]);
    expect(kinds).toEqual([
      "zone-records",
      "health-check",
      "alarm",
      "topic",
      "topic",
      "address",
      "instance",
      "key-pair",
      "db-instance",
      "group-reference",
      "security-group",
      "security-group",
      "security-group",
      "bucket",
      "bucket",
      "bucket",
      "instance-profile",
      "role",
      "user",
      "user",
    ]);
    expect(plan.entries.filter((entry) => entry.kind === "manual").map((e) => e.message)).toEqual([
      { key: "plan.cleanup.ambiguous", params: { name: foreignBucket, keys: "tax/2024.pdf" } },
      { key: "plan.cleanup.ambiguousUser.incomplete", params: { name: "ci-deployer" } },
    ]);
    const users = plan.entries.filter(
      (entry) => entry.kind === "remove" && entry.id.startsWith("user|"),
    );
    expect(users.map((entry) => entry.id)).toEqual([
      "user|own|global|awslab-user",
      "user|own|global|kim-admin",
    ]);

    // The portal dies after seven deletions: Web is gone, its launch-wizard group no longer on it.
    crash.count = 0;
    crash.after = 7;
    const crashed = await applyStep(runtime, lab.ref, "cleanup");
    expect(crashed.problem?.code).toBe("internal");
    crash.after = Number.POSITIVE_INFINITY;
    expect((await everything(lab)).filter((name) => name.includes("instance Web"))).toEqual([]);

    const finished = await applyStep(runtime, lab.ref, "cleanup");
    expect(finished.problem).toBeUndefined();
    invalidateClassZone(lab.zone.zoneId);
    const after = await everything(lab);
    expect(before).toEqual(expect.arrayContaining(SURVIVORS));
    expect(after).toEqual([...SURVIVORS].sort());
    console.log(`clean-up by hand: ${before.length} resources before, ${after.length} after`);

    const check = await checkStep(runtime, lab.ref, "cleanup");
    expect(check?.result?.state).toBe("fail");
    expect(check?.result?.items.map((item) => item.message.key)).toEqual([
      "check.cleanup.ambiguous",
      "check.cleanup.ambiguousUser.incomplete",
    ]);

    // Only what the attendee's own check listed can be confirmed.
    expect(await confirmCleanupItem(db, lab.ref.attendeeId, "user:kim-admin")).toBe(false);
    expect(await confirmCleanupItem(db, lab.ref.attendeeId, "user:ci-deployer")).toBe(true);
    expect(await confirmCleanupItem(db, lab.ref.attendeeId, foreignBucket)).toBe(true);
    await applyStep(runtime, lab.ref, "cleanup");
    invalidateClassZone(lab.zone.zoneId);
    expect(await everything(lab)).toEqual(
      SURVIVORS.filter(
        (name) => name !== `bucket ${foreignBucket}` && name !== "user ci-deployer",
      ).sort(),
    );
    const passed = await checkStep(runtime, lab.ref, "cleanup");
    expect(passed?.result?.state).toBe("pass");
    expect(passed?.result?.items.map((item) => item.message.key)).toEqual([
      "check.cleanup.none",
      "check.cleanup.avoided",
    ]);
  }, 240_000);
});

/** What a run of clean-up has recorded: one entry per resource, however often it was run. */
async function journalOf(lab: Lab) {
  return parseJournal(await readStepMemory(portal.db, lab.ref.attendeeId, "cleanup"));
}

describe("clean-up of a lab made entirely with do it for me", () => {
  it("undoes every step of modules 1–4, leaves the classmate's and the unrelated, and finishes after two crashes", async () => {
    const lab = await appServicesAttendee(portal.db, "park");
    onTestFinished(() => dropNamespace(lab.accountId));
    const classmate = await lab.classmate("choi");
    onTestFinished(() => dropNamespace(classmate.accountId));
    for (const step of ["ec2-launch", "elastic-ip", "route53-record"]) {
      expect((await applyStep(portal.runtime, classmate.ref, step)).problem, step).toBeUndefined();
    }
    await bucketWith(lab.byHand, unrelatedBucket.replace("family", "park-family"), ["a.jpg"]);
    // An instance of the attendee's own, not the lab's.
    await launchBareWeb(lab.byHand, "build-runner");

    const walked: string[] = [];
    for (const { moduleId, steps } of await labCatalogue()) {
      if (moduleId === "cleanup") continue;
      for (const step of steps) {
        const outcome = await applyStep(portal.runtime, lab.ref, step.id);
        expect(outcome.problem, `${step.id} do it for me`).toBeUndefined();
        walked.push(step.id);
      }
    }
    expect(walked).toContain("health-check");
    invalidateClassZone(lab.zone.zoneId);
    const before = await everything(lab);

    crash.count = 0;
    crash.after = 3;
    expect((await applyStep(portal.runtime, lab.ref, "cleanup")).problem?.code).toBe("internal");
    crash.count = 0;
    crash.after = 5;
    expect((await applyStep(portal.runtime, lab.ref, "cleanup")).problem?.code).toBe("internal");
    crash.after = Number.POSITIVE_INFINITY;
    const claimed = Object.keys((await journalOf(lab)).resources).sort();
    for (let run = 0; run < 3; run += 1) {
      const outcome = await applyStep(portal.runtime, lab.ref, "cleanup");
      expect(outcome.problem).toBeUndefined();
      invalidateClassZone(lab.zone.zoneId);
      if ((await checkStep(portal.runtime, lab.ref, "cleanup"))?.result?.state === "pass") break;
    }
    const passed = await checkStep(portal.runtime, lab.ref, "cleanup");
    expect(passed?.result?.items.map((item) => item.message.key)).toEqual([
      "check.cleanup.none",
      "check.cleanup.avoided",
    ]);
    const journal = await journalOf(lab);
    expect(Object.keys(journal.resources).sort()).toEqual(claimed);
    expect(Object.values(journal.resources).map((entry) => entry.state)).not.toContain("failed");

    const after = await everything(lab);
    const survivors = [
      `bucket ${unrelatedBucket.replace("family", "park-family")}`,
      `${REGION} instance build-runner`,
      `zone A choi.${lab.zone.domain}.`,
    ];
    expect(before).toEqual(expect.arrayContaining(survivors));
    expect(after).toEqual([...survivors].sort());
    console.log(
      `clean-up after do it for me (${walked.length} steps): ${before.length} resources before, ${after.length} after; ${claimed.length} claimed`,
    );
  }, 400_000);
});
