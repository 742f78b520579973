import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DescribeInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHealthCheckCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
} from "@aws-sdk/client-route-53";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import type { PortalDb } from "@/lib/db/connection";
import { invalidateClassZone } from "@/lib/lab/class-zone";
import { applyStep, checkStep, type AttendeeRef, type RunnerEnvironment } from "@/lib/lab/runner";
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

type Lab = Awaited<ReturnType<typeof appServicesAttendee>>;

/** Web with an Elastic IP, as Module 1 leaves it, made by hand in the attendee's account. */
async function webWithElasticIp(aws: AwsClients): Promise<string> {
  await launchBareWeb(aws);
  const instances = await aws.ec2().send(new DescribeInstancesCommand({}));
  const web = instances.Reservations?.flatMap((r) => r.Instances ?? [])[0]?.InstanceId;
  const address = await aws.ec2().send(new AllocateAddressCommand({ Domain: "vpc" }));
  await aws
    .ec2()
    .send(new AssociateAddressCommand({ AllocationId: address.AllocationId, InstanceId: web }));
  return address.PublicIp ?? "";
}

/** What the attendee sees for one step: the items of a fresh check. */
async function itemsOf(ref: AttendeeRef, stepId: string) {
  const outcome = await checkStep(runtime, ref, stepId);
  expect(outcome?.problem).toBeUndefined();
  return Object.fromEntries((outcome?.result?.items ?? []).map((item) => [item.id, item]));
}

/** The zone as ListResourceRecordSets returns it, only the records under `name`. */
async function recordSetsOf(lab: Lab, name: string): Promise<ResourceRecordSet[]> {
  const listed = await lab.instructor
    .route53()
    .send(new ListResourceRecordSetsCommand({ HostedZoneId: lab.zone.zoneId }));
  return (listed.ResourceRecordSets ?? []).filter((record) => record.Name === `${name}.`);
}

/** A change made in the console after the switch role: straight into the class zone. */
async function byHandInZone(
  lab: Lab,
  changes: { Action: "CREATE" | "UPSERT" | "DELETE"; ResourceRecordSet: ResourceRecordSet }[],
) {
  await lab.instructor.route53().send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: lab.zone.zoneId,
      ChangeBatch: { Changes: changes },
    }),
  );
  invalidateClassZone(lab.zone.zoneId);
}

const aRecord = (name: string, ip: string, ttl = 30): ResourceRecordSet => ({
  Name: name,
  Type: "A",
  TTL: ttl,
  ResourceRecords: [{ Value: ip }],
});

/** Step 4's health check, made after the switch role (in the instructor's account) or before it. */
async function healthCheckIn(aws: AwsClients, name: string, ip: string): Promise<string> {
  const created = await aws.route53().send(
    new CreateHealthCheckCommand({
      CallerReference: `${name}-${Math.random()}`,
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

/** Step 5's bucket, named like the record, in the attendee's own account. */
async function maintenanceBucket(aws: AwsClients, name: string) {
  await aws.s3().send(
    new CreateBucketCommand({
      Bucket: name,
      CreateBucketConfiguration: { LocationConstraint: "ap-northeast-2" },
    }),
  );
}

async function recordCount(lab: Lab) {
  const listed = await lab.instructor
    .route53()
    .send(new ListResourceRecordSetsCommand({ HostedZoneId: lab.zone.zoneId }));
  return listed.ResourceRecordSets?.length ?? 0;
}

describe("route53-record against the emulator", () => {
  it("fails first, passes after do it for me, and a second do it for me changes nothing", async () => {
    const lab = await appServicesAttendee(db, "kim");
    const ip = await webWithElasticIp(lab.byHand);
    const name = `kim.${lab.zone.domain}`;
    expect((await itemsOf(lab.ref, "route53-record")).record).toMatchObject({
      status: "fail",
      message: { key: "check.record.missing", params: { name } },
    });

    const first = await applyStep(runtime, lab.ref, "route53-record");
    expect(first.problem).toBeUndefined();
    expect(first.done.map((entry) => entry.id)).toEqual(["record"]);
    const after = await checkStep(runtime, lab.ref, "route53-record");
    expect(after?.result?.state).toBe("pass");
    expect(await recordSetsOf(lab, name)).toEqual(
      [aRecord(name, ip)].map((r) => ({ ...r, Name: `${name}.` })),
    );

    const count = await recordCount(lab);
    const second = await applyStep(runtime, lab.ref, "route53-record");
    expect(second.done).toEqual([]);
    expect(await recordCount(lab)).toBe(count);
  });

  it("names the console's default TTL of 300 and fixes only the TTL", async () => {
    const lab = await appServicesAttendee(db, "lee");
    const ip = await webWithElasticIp(lab.byHand);
    const name = `lee.${lab.zone.domain}`;
    await byHandInZone(lab, [{ Action: "CREATE", ResourceRecordSet: aRecord(name, ip, 300) }]);
    expect((await itemsOf(lab.ref, "route53-record")).ttl).toEqual({
      id: "ttl",
      status: "fail",
      message: { key: "check.record.ttlConsoleDefault", params: { ttl: 300, expected: 30 } },
      fix: { key: "fix.record.ttl", params: { expected: 30 } },
    });
    expect((await applyStep(runtime, lab.ref, "route53-record")).done.map((e) => e.kind)).toEqual([
      "update",
    ]);
    expect((await recordSetsOf(lab, name)).map((record) => record.TTL)).toEqual([30]);
  });

  it("says whose Elastic IP the record points at, and never overwrites it", async () => {
    const lab = await appServicesAttendee(db, "park");
    await webWithElasticIp(lab.byHand);
    const classmate = await lab.classmate("hong");
    const classmateIp = await webWithElasticIp(classmate.byHand);
    // The classmate's refresh is what lets the portal know whose address that is.
    await checkStep(runtime, classmate.ref, "route53-record");
    const name = `park.${lab.zone.domain}`;
    await byHandInZone(lab, [{ Action: "CREATE", ResourceRecordSet: aRecord(name, classmateIp) }]);

    expect((await itemsOf(lab.ref, "route53-record")).record).toMatchObject({
      status: "fail",
      message: {
        key: "check.record.classmateIp",
        params: { name, ip: classmateIp, owner: "Classmate hong (hong)" },
      },
    });
    const before = await recordSetsOf(lab, name);
    const outcome = await applyStep(runtime, lab.ref, "route53-record");
    expect(outcome.done).toEqual([]);
    expect(await recordSetsOf(lab, name)).toEqual(before);
  });

  it("names a CNAME made instead of an A record, and replaces it in one batch", async () => {
    const lab = await appServicesAttendee(db, "choi");
    const ip = await webWithElasticIp(lab.byHand);
    const name = `choi.${lab.zone.domain}`;
    await byHandInZone(lab, [
      {
        Action: "CREATE",
        ResourceRecordSet: {
          Name: name,
          Type: "CNAME",
          TTL: 300,
          ResourceRecords: [{ Value: "web.example.net" }],
        },
      },
    ]);
    expect((await itemsOf(lab.ref, "route53-record")).record?.message).toEqual({
      key: "check.record.cname",
      params: { name, target: "web.example.net" },
    });
    await applyStep(runtime, lab.ref, "route53-record");
    expect(await recordSetsOf(lab, name)).toEqual([{ ...aRecord(name, ip), Name: `${name}.` }]);
  });

  it("says the Elastic IP is missing before anything else", async () => {
    const lab = await appServicesAttendee(db, "jung");
    await launchBareWeb(lab.byHand);
    expect(await itemsOf(lab.ref, "route53-record")).toEqual({
      address: {
        id: "address",
        status: "fail",
        message: { key: "check.record.noElasticIp" },
        fix: { key: "fix.record.noElasticIp" },
      },
    });
  });
});

let made = 0;
/**
 * Bucket names are global in the emulator, and other test files make maintenance buckets of their
 * own: every bucket-making test here gets initials no other file uses.
 */
const uniqueInitials = (base: string) => `${base}${process.pid % 1000}r${(made += 1)}`;

describe("failover-routing against the emulator", () => {
  /** Steps 3–5 done: the simple record, the health check after the switch role, the bucket. */
  async function readyForFailover(base: string) {
    const initials = uniqueInitials(base);
    const lab = await appServicesAttendee(db, initials);
    const ip = await webWithElasticIp(lab.byHand);
    const name = `${initials}.${lab.zone.domain}`;
    await byHandInZone(lab, [{ Action: "CREATE", ResourceRecordSet: aRecord(name, ip) }]);
    const healthCheckId = await healthCheckIn(lab.instructor, name, ip);
    await maintenanceBucket(lab.byHand, name);
    invalidateClassZone(lab.zone.zoneId);
    return { lab, ip, name, healthCheckId };
  }

  const secondary = (
    name: string,
    overrides: Partial<ResourceRecordSet> = {},
  ): ResourceRecordSet => ({
    Name: name,
    Type: "A",
    SetIdentifier: "secondary",
    Failover: "SECONDARY",
    AliasTarget: {
      DNSName: "s3-website.ap-northeast-2.amazonaws.com",
      HostedZoneId: "Z3W03O7B5YMIYP",
      EvaluateTargetHealth: false,
    },
    ...overrides,
  });

  it("fails first, is configured after do it for me (the failover itself unobservable), then changes nothing", async () => {
    const { lab, ip, name, healthCheckId } = await readyForFailover("oh");
    const before = await checkStep(runtime, lab.ref, "failover-routing");
    expect(before?.result?.state).toBe("fail");

    const first = await applyStep(runtime, lab.ref, "failover-routing");
    expect(first.problem).toBeUndefined();
    expect(first.done.map((entry) => entry.id)).toEqual(["records"]);
    const after = await checkStep(runtime, lab.ref, "failover-routing");
    expect(after?.result?.state).toBe("unobservable");
    expect(after?.result?.items.filter((item) => item.status !== "pass")).toEqual([
      {
        id: "failover",
        status: "unobservable",
        message: { key: "check.failoverRouting.sandbox" },
      },
    ]);
    const records = await recordSetsOf(lab, name);
    expect(records).toHaveLength(2);
    expect(records.find((record) => record.Failover === "PRIMARY")).toMatchObject({
      TTL: 30,
      ResourceRecords: [{ Value: ip }],
      HealthCheckId: healthCheckId,
    });
    // Step 3 keeps passing once its record is the failover primary.
    expect((await checkStep(runtime, lab.ref, "route53-record"))?.result?.state).toBe("pass");

    const count = await recordCount(lab);
    const second = await applyStep(runtime, lab.ref, "failover-routing");
    expect(second.done).toEqual([]);
    expect(await recordCount(lab)).toBe(count);
    expect((await applyStep(runtime, lab.ref, "route53-record")).done).toEqual([]);
  });

  it("is blocked until the health check exists in the instructor's account, and says when it is in the attendee's own", async () => {
    const lab = await appServicesAttendee(db, "seo");
    const ip = await webWithElasticIp(lab.byHand);
    const name = `seo.${lab.zone.domain}`;
    await byHandInZone(lab, [{ Action: "CREATE", ResourceRecordSet: aRecord(name, ip) }]);
    await healthCheckIn(lab.byHand, name, ip);
    const outcome = await applyStep(runtime, lab.ref, "failover-routing");
    expect(outcome.done).toEqual([]);
    await byHandInZone(lab, [
      { Action: "DELETE", ResourceRecordSet: aRecord(name, ip) },
      {
        Action: "CREATE",
        ResourceRecordSet: { ...aRecord(name, ip), SetIdentifier: "primary", Failover: "PRIMARY" },
      },
    ]);
    expect((await itemsOf(lab.ref, "failover-routing"))["primary-health-check"]).toMatchObject({
      status: "fail",
      message: { key: "check.failoverRouting.healthCheckInOwnAccount", params: { name } },
    });
  });

  it("names a secondary made without alias, and fixes it", async () => {
    const { lab, ip, name, healthCheckId } = await readyForFailover("yoon");
    await byHandInZone(lab, [
      { Action: "DELETE", ResourceRecordSet: aRecord(name, ip) },
      {
        Action: "CREATE",
        ResourceRecordSet: {
          ...aRecord(name, ip),
          SetIdentifier: "primary",
          Failover: "PRIMARY",
          HealthCheckId: healthCheckId,
        },
      },
      {
        Action: "CREATE",
        ResourceRecordSet: {
          ...aRecord(name, "52.219.60.1"),
          SetIdentifier: "secondary",
          Failover: "SECONDARY",
        },
      },
    ]);
    expect((await itemsOf(lab.ref, "failover-routing")).secondary).toEqual({
      id: "secondary",
      status: "fail",
      message: {
        key: "check.failoverRouting.secondaryNotAlias",
        params: { values: "52.219.60.1" },
      },
      fix: { key: "fix.failoverRouting.secondaryAlias" },
    });
    await applyStep(runtime, lab.ref, "failover-routing");
    const fixed = (await recordSetsOf(lab, name)).find((record) => record.Failover === "SECONDARY");
    expect(fixed).toMatchObject({
      SetIdentifier: "secondary",
      AliasTarget: { HostedZoneId: "Z3W03O7B5YMIYP" },
    });
    expect((await checkStep(runtime, lab.ref, "failover-routing"))?.result?.state).toBe(
      "unobservable",
    );
  });

  it("names another region's website endpoint and evaluate target health left on", async () => {
    const { lab, ip, name, healthCheckId } = await readyForFailover("han");
    await byHandInZone(lab, [
      { Action: "DELETE", ResourceRecordSet: aRecord(name, ip) },
      {
        Action: "CREATE",
        ResourceRecordSet: {
          ...aRecord(name, ip),
          SetIdentifier: "primary",
          Failover: "PRIMARY",
          HealthCheckId: healthCheckId,
        },
      },
      {
        Action: "CREATE",
        ResourceRecordSet: secondary(name, {
          AliasTarget: {
            DNSName: "s3-website-us-east-1.amazonaws.com",
            HostedZoneId: "Z3AQBSTGFYJSTF",
            EvaluateTargetHealth: true,
          },
        }),
      },
    ]);
    const items = await itemsOf(lab.ref, "failover-routing");
    expect(items["secondary-target"]?.message).toEqual({
      key: "check.failoverRouting.otherRegion",
      params: { target: "s3-website-us-east-1.amazonaws.com", region: "us-east-1" },
    });
    expect(items["evaluate-target-health"]).toMatchObject({
      status: "fail",
      message: { key: "check.failoverRouting.evaluateOn" },
    });
  });

  it("names a primary with a classmate's health check", async () => {
    const { lab, ip, name } = await readyForFailover("baek");
    const classmateCheck = await healthCheckIn(
      lab.instructor,
      `nam.${lab.zone.domain}`,
      "192.0.2.44",
    );
    await byHandInZone(lab, [
      { Action: "DELETE", ResourceRecordSet: aRecord(name, ip) },
      {
        Action: "CREATE",
        ResourceRecordSet: {
          ...aRecord(name, ip),
          SetIdentifier: "primary",
          Failover: "PRIMARY",
          HealthCheckId: classmateCheck,
        },
      },
      { Action: "CREATE", ResourceRecordSet: secondary(name) },
    ]);
    expect((await itemsOf(lab.ref, "failover-routing"))["primary-health-check"]?.message).toEqual({
      key: "check.failoverRouting.otherHealthCheck",
      params: { name: `nam.${lab.zone.domain}`, id: classmateCheck },
    });
  });

  it("the emulator accepts a simple record next to failover ones (Route 53 refuses): the check names it, do it for me removes it", async () => {
    const { lab, ip, name, healthCheckId } = await readyForFailover("kang");
    await byHandInZone(lab, [
      {
        Action: "CREATE",
        ResourceRecordSet: {
          ...aRecord(name, ip),
          SetIdentifier: "primary",
          Failover: "PRIMARY",
          HealthCheckId: healthCheckId,
        },
      },
      { Action: "CREATE", ResourceRecordSet: secondary(name) },
    ]);
    expect(await recordSetsOf(lab, name)).toHaveLength(3);
    expect((await itemsOf(lab.ref, "failover-routing"))["simple-left"]).toMatchObject({
      status: "fail",
      message: { key: "check.failoverRouting.simpleLeft", params: { values: ip } },
    });
    await applyStep(runtime, lab.ref, "failover-routing");
    const records = await recordSetsOf(lab, name);
    expect(records.map((record) => record.Failover).sort()).toEqual(["PRIMARY", "SECONDARY"]);
    expect((await checkStep(runtime, lab.ref, "failover-routing"))?.result?.state).toBe(
      "unobservable",
    );
  });

  it("names a missing maintenance bucket", async () => {
    const lab = await appServicesAttendee(db, "ryu");
    const ip = await webWithElasticIp(lab.byHand);
    const name = `ryu.${lab.zone.domain}`;
    await byHandInZone(lab, [{ Action: "CREATE", ResourceRecordSet: aRecord(name, ip) }]);
    await healthCheckIn(lab.instructor, name, ip);
    invalidateClassZone(lab.zone.zoneId);
    expect((await itemsOf(lab.ref, "failover-routing"))["maintenance-bucket"]).toEqual({
      id: "maintenance-bucket",
      status: "fail",
      message: { key: "check.failoverRouting.bucketMissing", params: { bucket: name } },
      fix: { key: "fix.failoverRouting.bucket" },
    });
  });
});

describe("two attendees in one class zone", () => {
  it("each do it for me touches only its own name: the classmate's records stay byte-identical", async () => {
    const [initialsA, initialsB] = [uniqueInitials("ahn"), uniqueInitials("bae")];
    const lab = await appServicesAttendee(db, initialsA);
    const ipA = await webWithElasticIp(lab.byHand);
    const classmate = await lab.classmate(initialsB);
    const ipB = await webWithElasticIp(classmate.byHand);
    const nameA = `${initialsA}.${lab.zone.domain}`;
    const nameB = `${initialsB}.${lab.zone.domain}`;
    await healthCheckIn(lab.instructor, nameA, ipA);
    await healthCheckIn(lab.instructor, nameB, ipB);
    await maintenanceBucket(lab.byHand, nameA);
    await maintenanceBucket(classmate.byHand, nameB);
    invalidateClassZone(lab.zone.zoneId);

    // B does steps 3 and 6 first; A's name must not change.
    await applyStep(runtime, lab.ref, "route53-record");
    const recordsOfA = JSON.stringify(await recordSetsOf(lab, nameA));
    for (const step of ["route53-record", "failover-routing"]) {
      expect((await applyStep(runtime, classmate.ref, step)).problem).toBeUndefined();
    }
    expect(JSON.stringify(await recordSetsOf(lab, nameA))).toBe(recordsOfA);

    // A does step 6 (DELETE simple + two UPSERTs): B's failover pair stays as it was, byte for byte.
    const recordsOfB = JSON.stringify(await recordSetsOf(lab, nameB));
    expect((await applyStep(runtime, lab.ref, "failover-routing")).done).toHaveLength(1);
    expect(JSON.stringify(await recordSetsOf(lab, nameB))).toBe(recordsOfB);
    expect((await checkStep(runtime, lab.ref, "failover-routing"))?.result?.state).toBe(
      "unobservable",
    );
    expect((await checkStep(runtime, classmate.ref, "failover-routing"))?.result?.state).toBe(
      "unobservable",
    );
  });

  it("B's record pointing at A's Elastic IP is named as A's, and B's do it for me never touches A's name", async () => {
    const lab = await appServicesAttendee(db, "cha");
    const ipA = await webWithElasticIp(lab.byHand);
    await applyStep(runtime, lab.ref, "route53-record");
    // A's refresh is what lets the portal know whose address that is.
    await checkStep(runtime, lab.ref, "route53-record");
    const classmate = await lab.classmate("do");
    await webWithElasticIp(classmate.byHand);
    const nameA = `cha.${lab.zone.domain}`;
    const nameB = `do.${lab.zone.domain}`;
    await byHandInZone(lab, [{ Action: "CREATE", ResourceRecordSet: aRecord(nameB, ipA) }]);
    const recordsOfA = JSON.stringify(await recordSetsOf(lab, nameA));
    expect((await itemsOf(classmate.ref, "route53-record")).record?.message).toEqual({
      key: "check.record.classmateIp",
      params: { name: nameB, ip: ipA, owner: "Tester (cha)" },
    });
    expect((await applyStep(runtime, classmate.ref, "route53-record")).done).toEqual([]);
    expect(JSON.stringify(await recordSetsOf(lab, nameA))).toBe(recordsOfA);
  });
});
