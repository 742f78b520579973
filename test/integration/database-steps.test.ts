import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  RevokeSecurityGroupIngressCommand,
} from "@aws-sdk/client-ec2";
import { CreateDBInstanceCommand, type CreateDBInstanceCommandInput } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import type { PortalDb } from "@/lib/db/connection";
import { readStepMemory } from "@/lib/db/queries";
import { factReader } from "@/lib/lab/facts";
import {
  applyStep,
  checkStep,
  moduleStatus,
  saveSandboxInstanceConfig,
  type AttendeeRef,
  type RunnerEnvironment,
} from "@/lib/lab/runner";
import { runSandboxMysql } from "@/lib/lab/sandbox-mysql";
import { withLabDatabase } from "@/lib/lab/steps/app-db";
import { dropNamespace } from "@/lib/sandbox/database";
import {
  labDatabase,
  labRuntime,
  sandboxAttendee,
  startTestRuntime,
  type TestRuntime,
} from "./lab-harness";

let db: PortalDb;
let sandbox: TestRuntime;
let runtime: RunnerEnvironment;
beforeAll(async () => {
  db = await labDatabase();
  sandbox = await startTestRuntime();
  runtime = labRuntime(db, sandbox.connection);
});
afterAll(async () => {
  await sandbox.stop();
  await db.destroy();
});

/** A sandbox attendee whose MariaDB namespace is dropped when the test ends. */
async function attendee() {
  const made = await sandboxAttendee(db);
  onTestFinished(() => dropNamespace(made.accountId));
  return made;
}

async function itemsOf(ref: AttendeeRef, stepId: string) {
  const outcome = await checkStep(runtime, ref, stepId);
  expect(outcome?.problem).toBeUndefined();
  return Object.fromEntries((outcome?.result?.items ?? []).map((item) => [item.id, item]));
}

async function doItForMe(ref: AttendeeRef, stepId: string) {
  const outcome = await applyStep(runtime, ref, stepId);
  expect(outcome.problem, `${stepId} apply`).toBeUndefined();
  return outcome.done.map((entry) => entry.id);
}

/** As the console makes it when the attendee clicks through "Standard create". */
function createDbByHand(aws: AwsClients, input: Partial<CreateDBInstanceCommandInput> = {}) {
  return aws.rds().send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: "awslab",
      Engine: "mysql",
      EngineVersion: "8.4.3",
      DBInstanceClass: "db.t3.micro",
      AllocatedStorage: 20,
      MaxAllocatedStorage: 1000,
      StorageType: "gp3",
      MultiAZ: true,
      PubliclyAccessible: false,
      MasterUsername: "admin",
      MasterUserPassword: "by-hand-password-1",
      ...input,
    }),
  );
}

async function dbGroupByHand(aws: AwsClients) {
  const group = await aws
    .ec2()
    .send(new CreateSecurityGroupCommand({ GroupName: "rds-mysql-sg", Description: "MySQL" }));
  return group.GroupId!;
}

const mysqlFrom = (aws: AwsClients, groupId: string, source: object) =>
  aws.ec2().send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: "tcp", FromPort: 3306, ToPort: 3306, ...source }],
    }),
  );

async function groupsOf(aws: AwsClients) {
  return factReader(aws, `groups-${Math.random()}`).read("securityGroups");
}

describe("RDS instance made by hand", () => {
  it("MySQL 8.0, db.t2.micro, Single-AZ, public, default group only: each named, the fixable ones fixed", async () => {
    const { ref, byHand } = await attendee();
    await dbGroupByHand(byHand);
    await createDbByHand(byHand, {
      EngineVersion: "8.0.39",
      DBInstanceClass: "db.t2.micro",
      MultiAZ: false,
      PubliclyAccessible: true,
    });
    const items = await itemsOf(ref, "rds-create");
    expect(items.version).toEqual({
      id: "version",
      status: "warn",
      message: { key: "check.rds.version.mysql80", params: { version: "8.0.39" } },
      fix: { key: "fix.rds.version.upgrade" },
    });
    expect(items.class).toEqual({
      id: "class",
      status: "fail",
      message: { key: "check.rds.class.t2", params: { instanceClass: "db.t2.micro" } },
      fix: { key: "fix.rds.class" },
    });
    expect(items["multi-az"]).toEqual({
      id: "multi-az",
      status: "fail",
      message: { key: "check.rds.multiAz.single" },
      fix: { key: "fix.rds.multiAz" },
    });
    expect(items.public).toEqual({
      id: "public",
      status: "fail",
      message: { key: "check.rds.public.yes" },
      fix: { key: "fix.rds.public" },
    });
    expect(items["security-group"]).toEqual({
      id: "security-group",
      status: "fail",
      message: {
        key: "check.rds.sg.notAttached",
        params: { group: "rds-mysql-sg", attached: "default" },
      },
      fix: { key: "fix.rds.sg.notAttached", params: { group: "rds-mysql-sg" } },
    });
    expect(await itemsOf(ref, "rds-failover")).toEqual({
      "multi-az": {
        id: "multi-az",
        status: "fail",
        message: { key: "check.failover.singleAz" },
        fix: { key: "fix.rds.multiAz" },
      },
    });

    expect(await doItForMe(ref, "rds-create")).toEqual(["multi-az", "public", "security-group"]);
    const after = await itemsOf(ref, "rds-create");
    expect(after["multi-az"]?.status).toBe("pass");
    expect(after.public?.status).toBe("pass");
    expect(after["security-group"]?.status).toBe("pass");
    // Version and class are the attendee's call: do it for me never recreates a database.
    expect(after.version?.status).toBe("warn");
    expect(after.class?.status).toBe("fail");
    expect(await doItForMe(ref, "rds-create")).toEqual([]);
  });

  it("MySQL 5.7 fails: paid Extended Support", async () => {
    const { ref, byHand } = await attendee();
    await createDbByHand(byHand, { EngineVersion: "5.7.44" });
    expect((await itemsOf(ref, "rds-create")).version).toEqual({
      id: "version",
      status: "fail",
      message: { key: "check.rds.version.mysql57", params: { version: "5.7.44" } },
      fix: { key: "fix.rds.version.upgrade" },
    });
  });

  it("awslab made in another region: the check says where it is", async () => {
    const { ref, byHand } = await attendee();
    await createDbByHand(byHand.inRegion("us-east-1"));
    expect((await itemsOf(ref, "rds-create")).instance).toEqual({
      id: "instance",
      status: "fail",
      message: {
        key: "check.rds.instance.otherRegion",
        params: { id: "awslab", region: "ap-northeast-2", other: "us-east-1" },
      },
      fix: { key: "fix.rds.instance.otherRegion", params: { region: "ap-northeast-2" } },
    });
  });

  it("do it for me hands the master password over once and tags what it creates", async () => {
    const { ref, byHand, attendee: person } = await attendee();
    const outcome = await applyStep(runtime, ref, "rds-create");
    expect(outcome.done.map((entry) => entry.id)).toEqual(["security-group", "instance"]);
    expect(outcome.downloads.map((download) => download.filename)).toEqual([
      "awslab-master-password.txt",
    ]);
    const [awslab] = await factReader(byHand, "tags").read("dbInstances");
    expect(awslab).toMatchObject({
      id: "awslab",
      engine: "mysql",
      engineVersion: expect.stringMatching(/^8\.4/),
      instanceClass: "db.t3.micro",
      multiAz: true,
      publiclyAccessible: false,
      storageType: "gp3",
      allocatedStorageGiB: 20,
      maxAllocatedStorageGiB: 1000,
      masterUsername: "admin",
      tags: { "aws101:attendee": person.id },
    });
  });
});

describe("the failover step", () => {
  it("remembers the AZ once, reboots with failover once, and the emulator leaves it unobservable", async () => {
    const { ref, attendee: person } = await attendee();
    await doItForMe(ref, "rds-create");
    const before = await itemsOf(ref, "rds-failover");
    expect(before.failover).toMatchObject({
      status: "fail",
      message: { key: "check.failover.notYet", params: { az: "ap-northeast-2a" } },
    });
    const remembered = await readStepMemory(db, person.id, "rds-failover");
    await itemsOf(ref, "rds-failover");
    expect(await readStepMemory(db, person.id, "rds-failover")).toEqual(remembered);

    expect(await doItForMe(ref, "rds-failover")).toEqual(["reboot"]);
    expect((await itemsOf(ref, "rds-failover")).failover).toMatchObject({
      status: "unobservable",
      message: { key: "check.failover.sandbox", params: { az: "ap-northeast-2a" } },
    });
    expect(await doItForMe(ref, "rds-failover")).toEqual([]);
  });
});

describe("the 3306 rule", () => {
  it("a CIDR rule instead of the group reference fails and explains; do it for me swaps them", async () => {
    const { ref, byHand } = await attendee();
    await doItForMe(ref, "ec2-launch");
    await doItForMe(ref, "rds-create");
    const dbGroup = (await groupsOf(byHand)).find((group) => group.name === "rds-mysql-sg")!;
    await mysqlFrom(byHand, dbGroup.id, { IpRanges: [{ CidrIp: "0.0.0.0/0" }] });
    expect((await itemsOf(ref, "mysql-access")).rule).toEqual({
      id: "rule",
      status: "fail",
      message: {
        key: "check.mysql.cidrInstead",
        params: { group: "rds-mysql-sg", web: "web-server-sg", cidrs: "0.0.0.0/0" },
      },
      fix: {
        key: "fix.mysql.groupReference",
        params: { group: "rds-mysql-sg", web: "web-server-sg" },
      },
    });
    expect(await doItForMe(ref, "mysql-access")).toEqual(["rule", "cidr"]);
    const after = await itemsOf(ref, "mysql-access");
    expect(Object.values(after).map((item) => [item.id, item.status])).toEqual([
      ["rule", "pass"],
      ["description", "pass"],
      ["db-attached", "pass"],
      ["security-group", "pass"],
    ]);
    const rules = (await groupsOf(byHand)).find((group) => group.id === dbGroup.id)!.ingress;
    expect(rules).toEqual([
      expect.objectContaining({
        fromPort: 3306,
        source: expect.objectContaining({ kind: "group", description: "Web" }),
      }),
    ]);
  });

  it("a group rule without the description Web: do it for me describes it in place", async () => {
    const { ref, byHand } = await attendee();
    await doItForMe(ref, "ec2-launch");
    await doItForMe(ref, "rds-create");
    const groups = await groupsOf(byHand);
    const dbGroup = groups.find((group) => group.name === "rds-mysql-sg")!;
    const webGroup = groups.find((group) => group.name === "web-server-sg")!;
    await mysqlFrom(byHand, dbGroup.id, { UserIdGroupPairs: [{ GroupId: webGroup.id }] });
    expect((await itemsOf(ref, "mysql-access")).description).toEqual({
      id: "description",
      status: "fail",
      message: { key: "check.mysql.description.wrong", params: { description: "—" } },
      fix: { key: "fix.mysql.description", params: { group: "rds-mysql-sg", description: "Web" } },
    });
    expect(await doItForMe(ref, "mysql-access")).toEqual(["description"]);
    expect((await itemsOf(ref, "mysql-access")).description?.status).toBe("pass");
  });
});

describe("the sandbox's mysql on Web", () => {
  it("times out without the 3306 rule, like mysql on Web would", async () => {
    const { ref } = await attendee();
    await doItForMe(ref, "ec2-launch");
    await doItForMe(ref, "rds-create");
    const outcome = await runSandboxMysql(runtime, ref, "SHOW DATABASES;");
    expect(outcome).toEqual({
      kind: "refused",
      message: {
        key: "sandbox.mysql.timeout",
        params: { endpoint: expect.stringMatching(/^awslab\./), group: "rds-mysql-sg" },
      },
    });
  });

  it("runs the 2019 lab's SQL; the check names the narrow password column and do it for me widens it", async () => {
    const { ref } = await attendee();
    for (const step of ["ec2-launch", "rds-create", "mysql-access"]) await doItForMe(ref, step);
    const before = await itemsOf(ref, "mysql-setup");
    expect(before.database).toMatchObject({ status: "fail" });
    const outcome = await runSandboxMysql(
      runtime,
      ref,
      `CREATE DATABASE form;
       CREATE USER form_user IDENTIFIED BY 'asdf1234';
       GRANT ALL PRIVILEGES ON form.* TO form_user;
       USE form;
       CREATE TABLE IF NOT EXISTS users (
         id INT AUTO_INCREMENT, name VARCHAR(255) NOT NULL, email VARCHAR(255) NOT NULL,
         password VARCHAR(35) NOT NULL, attachment VARCHAR(255), PRIMARY KEY (id));`,
    );
    expect(outcome?.kind === "ran" && outcome.results.map((result) => result.kind)).toEqual([
      "ok",
      "ok",
      "ok",
      "ok",
      "ok",
    ]);
    expect(outcome?.kind === "ran" && outcome.database).toBe("form");
    const items = await itemsOf(ref, "mysql-setup");
    expect(Object.values(items).map((item) => [item.id, item.status])).toEqual([
      ["database", "pass"],
      ["user", "pass"],
      ["grant", "pass"],
      ["table", "fail"],
    ]);
    expect(items.table).toEqual({
      id: "table",
      status: "fail",
      message: { key: "check.setup.table.narrow", params: { type: "varchar(35)", length: 83 } },
      fix: { key: "fix.setup.widen" },
    });
    expect(await doItForMe(ref, "mysql-setup")).toEqual(["table"]);
    expect((await itemsOf(ref, "mysql-setup")).table?.status).toBe("pass");
  });

  it("each attendee reaches only their own databases", async () => {
    const first = await attendee();
    const second = await attendee();
    for (const { ref } of [first, second]) {
      for (const step of ["ec2-launch", "rds-create", "mysql-access"]) await doItForMe(ref, step);
    }
    await runSandboxMysql(runtime, first.ref, "CREATE DATABASE only_mine;");
    const seen = await runSandboxMysql(runtime, second.ref, "SHOW DATABASES;");
    expect(
      seen?.kind === "ran" && seen.results[0]?.kind === "rows" && seen.results[0].rows,
    ).toEqual([["information_schema"]]);
  });
});

describe("the app on RDS", () => {
  async function readyForApp() {
    const made = await attendee();
    for (const step of ["ec2-launch", "rds-create", "mysql-access", "mysql-setup"]) {
      await doItForMe(made.ref, step);
    }
    const web = (await factReader(made.byHand, "web").read("instances"))[0]!;
    const [awslab] = await factReader(made.byHand, "db").read("dbInstances");
    return { ...made, web, endpoint: awslab!.endpoint!.address };
  }

  it("a DB_HOST typo names both hosts; the fixed config connects", async () => {
    const { ref, web, endpoint, accountId } = await readyForApp();
    const typo = endpoint.replace("awslab", "awslb");
    await checkStep(runtime, ref, "app-db");
    const config = await sandbox.runtime.readConfig(accountId, web.id);
    expect(config).toBeDefined();
    await saveSandboxInstanceConfig(runtime, ref, {
      instanceId: web.id,
      text: withLabDatabase(config!, typo),
    });
    const items = await itemsOf(ref, "app-db");
    expect(items["db-host"]).toEqual({
      id: "db-host",
      status: "fail",
      message: { key: "check.appDb.host.other", params: { host: typo, endpoint } },
      fix: { key: "fix.appDb.config", params: { endpoint } },
    });
    expect(items["db-connection"]).toMatchObject({
      status: "fail",
      message: { params: { status: "host_not_found" } },
    });
    expect(await doItForMe(ref, "app-db")).toEqual(["config", "signup"]);
    expect(Object.values(await itemsOf(ref, "app-db")).map((item) => item.status)).toEqual([
      "pass",
      "pass",
      "pass",
      "pass",
    ]);
  });

  it("in the sandbox the app reaches MariaDB without the rule, so the check looks at the rule itself", async () => {
    const { ref, byHand } = await readyForApp();
    await doItForMe(ref, "app-db");
    const dbGroup = (await groupsOf(byHand)).find((group) => group.name === "rds-mysql-sg")!;
    const rule = dbGroup.ingress[0]!;
    await byHand.ec2().send(
      new RevokeSecurityGroupIngressCommand({
        GroupId: dbGroup.id,
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: 3306,
            ToPort: 3306,
            // The emulator matches a group rule by its description too.
            UserIdGroupPairs: [
              {
                GroupId: rule.source.kind === "group" ? rule.source.groupId : "",
                Description: "Web",
              },
            ],
          },
        ],
      }),
    );
    const items = await itemsOf(ref, "app-db");
    expect(items["db-connection"]?.status).toBe("pass");
    expect(items.route).toEqual({
      id: "route",
      status: "fail",
      message: { key: "check.appDb.sandboxRoute", params: { group: "rds-mysql-sg" } },
      fix: { key: "fix.appDb.route", params: { group: "rds-mysql-sg" } },
    });
  });
});

describe("AWS calls per refresh of the database module", () => {
  it("four: DB instances, groups, instances, and the other region or awslab's events", async () => {
    const { ref } = await attendee();
    const empty = await moduleStatus(runtime, ref, "database", { fresh: true });
    // No awslab here: the likeliest wrong region is looked at instead of its events.
    expect(empty?.awsCalls).toBe(4);
    await doItForMe(ref, "rds-create");
    const created = await moduleStatus(runtime, ref, "database", { fresh: true });
    expect(created?.awsCalls).toBe(4);
  });
});
