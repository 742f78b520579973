import { PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { CreateSecurityGroupCommand } from "@aws-sdk/client-ec2";
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
} from "@aws-sdk/client-iam";
import { CreateDBInstanceCommand } from "@aws-sdk/client-rds";
import { CreateHealthCheckCommand } from "@aws-sdk/client-route-53";
import { CreateBucketCommand, PutBucketVersioningCommand } from "@aws-sdk/client-s3";
import { CreateTopicCommand } from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { msg, pass, fail } from "@/lib/lab/build";
import { factReader, type FactKind } from "@/lib/lab/facts";
import { stepRegistry } from "@/lib/lab/registry";
import { defineStep } from "@/lib/lab/types";
import { context } from "../unit/snapshot-fixtures";
import { sandboxClients } from "./emulator";
import { launchBareWeb } from "./lab-harness";

/** A step of a later module: it needs Compute's instances and the Database module's DB instances. */
const databaseNearWeb = defineStep({
  id: "fake-db-near-web",
  needs: ["instances", "securityGroups", "dbInstances"],
  started: (facts) => facts.dbInstances.length > 0,
  check(facts) {
    const web = facts.instances.find((instance) => instance.name === "Web");
    const db = facts.dbInstances.find((candidate) => candidate.id === "awslab");
    const dbGroup = facts.securityGroups.find((group) => db?.securityGroupIds.includes(group.id));
    return [
      web
        ? pass("web", msg("check.ec2.instance.found", { id: web.id }))
        : fail("web", msg("check.common.needsWeb")),
      dbGroup?.name === "rds-mysql-sg"
        ? pass("db", msg("check.sg.exists", { group: dbGroup.name, id: dbGroup.id }))
        : fail("db", msg("check.sg.missing", { group: "rds-mysql-sg" })),
    ];
  },
  plan: () => [],
});

describe("fact readers", () => {
  it("a new step needing two kinds costs one call per kind, however many steps read them", async () => {
    const { aws, counter } = await sandboxClients();
    // Clean-up's proof re-scans both regions on its own, in its own module's refresh.
    const labSteps = [...stepRegistry.values()].filter(
      (step) => !step.needs.includes("cleanupScan"),
    );
    const steps = [...labSteps, databaseNearWeb, databaseNearWeb];
    const needs: FactKind[] = steps.flatMap((step) => step.needs);
    await factReader(aws, "one-call-per-kind").readAll(needs);
    const calls = counter.byOperation();
    // The event's region, and the wrong-region look (no Web and no awslab here).
    expect(calls["RDS:DescribeDBInstances"]).toBe(2);
    expect(calls["EC2:DescribeInstances"]).toBe(2);
    expect(Object.values(calls).every((count) => count <= 2)).toBe(true);
  });

  it("a step reads EC2 and RDS together: the database's group and the Web instance", async () => {
    const { aws, counter } = await sandboxClients();
    const ec2 = aws.ec2();
    const group = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: "rds-mysql-sg", Description: "MySQL" }),
    );
    await launchBareWeb(aws);
    await aws.rds().send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: "awslab",
        Engine: "mysql",
        EngineVersion: "8.4.3",
        DBInstanceClass: "db.t3.micro",
        AllocatedStorage: 20,
        MasterUsername: "admin",
        MasterUserPassword: "Password1234",
        MultiAZ: true,
        VpcSecurityGroupIds: [group.GroupId!],
      }),
    );
    const before = counter.total;
    const facts = await factReader(aws, "cross-module").readAll(databaseNearWeb.needs);
    const items = await databaseNearWeb.check(facts, context());
    expect(items.map((item) => [item.id, item.status])).toEqual([
      ["web", "pass"],
      ["db", "pass"],
    ]);
    expect(counter.total - before).toBe(3);
    expect(facts.dbInstances[0]).toMatchObject({
      id: "awslab",
      engine: "mysql",
      multiAz: true,
      masterUsername: "admin",
    });
  });

  it("reads the later modules' kinds into the portal's own types", async () => {
    const { aws } = await sandboxClients();
    await aws.s3().send(
      new CreateBucketCommand({
        Bucket: `awslab-s3-${Date.now()}`,
        CreateBucketConfiguration: { LocationConstraint: "ap-northeast-2" },
      }),
    );
    const other = `someone-else-${Date.now()}`;
    await aws.s3().send(
      new CreateBucketCommand({
        Bucket: other,
        CreateBucketConfiguration: { LocationConstraint: "ap-northeast-2" },
      }),
    );
    await aws.s3().send(
      new PutBucketVersioningCommand({
        Bucket: other,
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
      ],
    });
    await aws
      .iam()
      .send(
        new CreateRoleCommand({ RoleName: "awslab-ec2-role", AssumeRolePolicyDocument: trust }),
      );
    await aws
      .iam()
      .send(new CreateInstanceProfileCommand({ InstanceProfileName: "awslab-ec2-role" }));
    await aws.iam().send(
      new AddRoleToInstanceProfileCommand({
        InstanceProfileName: "awslab-ec2-role",
        RoleName: "awslab-ec2-role",
      }),
    );
    await aws.iam().send(new CreateUserCommand({ UserName: "awslab-user" }));
    await aws.route53().send(
      new CreateHealthCheckCommand({
        CallerReference: `hc-${Date.now()}`,
        HealthCheckConfig: { Type: "HTTP", IPAddress: "198.51.100.7", Port: 80, ResourcePath: "/" },
      }),
    );
    const east = aws.inRegion("us-east-1");
    const topic = await east.sns().send(new CreateTopicCommand({ Name: "awslab-alarm" }));
    await east.cloudwatch().send(
      new PutMetricAlarmCommand({
        AlarmName: "awslab-health",
        Namespace: "AWS/Route53",
        MetricName: "HealthCheckStatus",
        Statistic: "Minimum",
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: "LessThanThreshold",
        AlarmActions: [topic.TopicArn!],
      }),
    );

    const facts = await factReader(aws, "later-modules").readAll([
      "buckets",
      "roles",
      "instanceProfiles",
      "users",
      "healthChecks",
      "alarms",
      "topics",
    ]);
    const lab = facts.buckets.find((bucket) => bucket.name.startsWith("awslab-s3-"));
    expect(lab?.details).toEqual({
      region: "ap-northeast-2",
      versioning: undefined,
      publicAccessBlock: {
        blockPublicAcls: false,
        ignorePublicAcls: false,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      },
    });
    // Only the lab's buckets are read in detail, so a refresh costs the same in a busy account.
    expect(facts.buckets.find((bucket) => bucket.name === other)?.details).toBeUndefined();
    expect(facts.roles.find((role) => role.name === "awslab-ec2-role")?.trustPolicy).toContain(
      "ec2.amazonaws.com",
    );
    expect(facts.instanceProfiles).toContainEqual(
      expect.objectContaining({ name: "awslab-ec2-role", roles: ["awslab-ec2-role"] }),
    );
    expect(facts.users.map((user) => user.name)).toContain("awslab-user");
    expect(facts.healthChecks[0]).toMatchObject({
      type: "HTTP",
      ipAddress: "198.51.100.7",
      port: 80,
    });
    expect(facts.alarms[0]).toMatchObject({
      name: "awslab-health",
      metric: "HealthCheckStatus",
      actions: [topic.TopicArn],
    });
    expect(facts.topics.map((candidate) => candidate.arn)).toContain(topic.TopicArn);
  });
});
