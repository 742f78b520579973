import { describe, expect, it } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import type { HealthCheckSummary, RecordSetSummary } from "@/lib/aws/types";
import { failoverRoutingStep } from "@/lib/lab/steps/failover-routing";
import { route53RecordStep } from "@/lib/lab/steps/route53-record";
import type { CheckItem, PlanEntry, StepContext } from "@/lib/lab/types";
import { context, facts } from "./snapshot-fixtures";

const NAME = "kim.aws101.example";
const EIP = "198.51.100.7";
const CLASSMATE_EIP = "198.51.100.99";
const zone = {
  domain: "aws101.example",
  zoneId: "ZCLASS",
  instructorAccountId: "999999999999",
  roleName: "awslab_crossaccount_role",
};
const instructorAws = {} as AwsClients;

const simple = (overrides: Partial<RecordSetSummary> = {}): RecordSetSummary => ({
  name: NAME,
  type: "A",
  routing: "simple",
  ttl: 30,
  values: [EIP],
  ...overrides,
});
const primary = (overrides: Partial<RecordSetSummary> = {}) =>
  simple({
    routing: "failover",
    failover: "PRIMARY",
    setIdentifier: "kim-primary",
    healthCheckId: "hc-kim",
    ...overrides,
  });
const secondary = (overrides: Partial<RecordSetSummary> = {}): RecordSetSummary => ({
  name: NAME,
  type: "A",
  routing: "failover",
  failover: "SECONDARY",
  setIdentifier: "kim-secondary",
  values: [],
  alias: {
    dnsName: "s3-website.ap-northeast-2.amazonaws.com",
    hostedZoneId: "Z3W03O7B5YMIYP",
    evaluateTargetHealth: false,
  },
  ...overrides,
});
const healthCheck = (id: string, name?: string): HealthCheckSummary => ({
  id,
  type: "HTTP",
  ipAddress: EIP,
  port: 80,
  resourcePath: "/",
  name,
});

/** The attendee's zone as the facts show it, with Web and its Elastic IP in their account. */
const zoneFacts = (records: RecordSetSummary[], overrides: Parameters<typeof facts>[0] = {}) =>
  facts({
    addresses: [{ allocationId: "eipalloc-1", publicIp: EIP, instanceId: "i-web", tags: {} }],
    instructorAccess: { state: "granted", roleArn: "arn:role", aws: instructorAws },
    zoneRecords: { state: "read", name: NAME, records },
    instructorHealthChecks: {
      state: "read",
      healthChecks: [healthCheck("hc-kim", NAME), healthCheck("hc-lee", "lee.aws101.example")],
    },
    buckets: [{ name: NAME }],
    ...overrides,
  });

const classContext = (overrides: Partial<StepContext> = {}) =>
  context({
    sharedZone: zone,
    initials: "kim",
    addressOwner: async (ip) =>
      ip === CLASSMATE_EIP
        ? { attendeeId: "attendee-2", displayName: "홍길동", initials: "hong" }
        : undefined,
    ...overrides,
  });

const byId = (items: CheckItem[]) => Object.fromEntries(items.map((item) => [item.id, item]));
const kinds = (entries: PlanEntry[]) => entries.map((entry) => [entry.id, entry.kind]);

describe("route53-record check", () => {
  const check = async (records: RecordSetSummary[], overrides = {}, ctx = classContext()) =>
    byId(await route53RecordStep.check(zoneFacts(records, overrides), ctx));

  it("passes the lab's record: A, the Elastic IP, TTL 30, simple routing", async () => {
    const items = await route53RecordStep.check(zoneFacts([simple()]), classContext());
    expect(items.map((item) => [item.id, item.status])).toEqual([
      ["address", "pass"],
      ["record", "pass"],
      ["ttl", "pass"],
    ]);
    expect(items[1]?.message).toEqual({
      key: "check.record.points",
      params: { name: NAME, ip: EIP },
    });
  });

  it("still passes once step 6 made the record the failover primary", async () => {
    const items = await check([primary(), secondary()]);
    expect(items.record?.message.key).toBe("check.record.pointsPrimary");
    expect(items.ttl?.status).toBe("pass");
  });

  it("says what stands in the way before the zone can be read", async () => {
    const unreadable = (why: "no-initials" | "no-access" | "no-zone-configured") =>
      route53RecordStep.check(
        zoneFacts([], { zoneRecords: { state: "unreadable", why } }),
        classContext(),
      );
    expect(await unreadable("no-initials")).toEqual([
      {
        id: "initials",
        status: "fail",
        message: { key: "check.record.noInitials" },
        fix: { key: "fix.record.noInitials" },
      },
    ]);
    expect((await unreadable("no-access"))[0]).toMatchObject({
      id: "access",
      message: { key: "check.record.noAccess" },
      fix: { key: "fix.record.noAccess" },
    });
    expect((await unreadable("no-zone-configured"))[0]?.id).toBe("zone");
  });

  it("fails while Web has no Elastic IP, whatever the record says", async () => {
    expect(
      await route53RecordStep.check(zoneFacts([simple()], { addresses: [] }), classContext()),
    ).toEqual([
      {
        id: "address",
        status: "fail",
        message: { key: "check.record.noElasticIp" },
        fix: { key: "fix.record.noElasticIp" },
      },
    ]);
  });

  it("names a missing record", async () => {
    expect((await check([])).record).toMatchObject({
      status: "fail",
      message: { key: "check.record.missing", params: { name: NAME } },
    });
  });

  it("says whose Elastic IP the record points at", async () => {
    expect((await check([simple({ values: [CLASSMATE_EIP] })])).record).toEqual({
      id: "record",
      status: "fail",
      message: {
        key: "check.record.classmateIp",
        params: { name: NAME, ip: CLASSMATE_EIP, owner: "홍길동 (hong)" },
      },
      fix: { key: "fix.record.wrongIp", params: { ip: EIP } },
    });
  });

  it("says when the address is nobody's in the event, or an old address of the attendee", async () => {
    expect((await check([simple({ values: ["203.0.113.50"] })])).record?.message).toEqual({
      key: "check.record.unknownIp",
      params: { name: NAME, ip: "203.0.113.50" },
    });
    const own = classContext({
      addressOwner: async () => ({ attendeeId: "attendee-1", displayName: "나" }),
    });
    expect((await check([simple({ values: ["203.0.113.51"] })], {}, own)).record?.message.key).toBe(
      "check.record.ownOtherIp",
    );
    expect((await check([simple({ values: [EIP, "203.0.113.52"] })])).record?.message).toEqual({
      key: "check.record.extraValues",
      params: { name: NAME, values: `${EIP}, 203.0.113.52` },
    });
  });

  it("fails the console's default TTL of 300 and says so", async () => {
    expect((await check([simple({ ttl: 300 })])).ttl).toEqual({
      id: "ttl",
      status: "fail",
      message: { key: "check.record.ttlConsoleDefault", params: { ttl: 300, expected: 30 } },
      fix: { key: "fix.record.ttl", params: { expected: 30 } },
    });
    expect((await check([simple({ ttl: 60 })])).ttl?.message.key).toBe("check.record.ttlWrong");
  });

  it("names a CNAME, an AAAA or an alias in place of the A record", async () => {
    const cname = {
      name: NAME,
      type: "CNAME",
      routing: "simple" as const,
      ttl: 300,
      values: ["x.example"],
    };
    expect((await check([cname])).record?.message).toEqual({
      key: "check.record.cname",
      params: { name: NAME, target: "x.example" },
    });
    const aaaa = { ...cname, type: "AAAA", values: ["2001:db8::1"] };
    expect((await check([aaaa])).record?.message.key).toBe("check.record.aaaa");
    const alias = simple({
      ttl: undefined,
      values: [],
      alias: { dnsName: "web.example", hostedZoneId: "ZX", evaluateTargetHealth: false },
    });
    expect((await check([alias])).record?.message).toEqual({
      key: "check.record.alias",
      params: { name: NAME, target: "web.example" },
    });
  });
});

describe("route53-record plan", () => {
  const plan = (records: RecordSetSummary[], overrides = {}, ctx = classContext()) =>
    route53RecordStep.plan(zoneFacts(records, overrides), ctx);

  it("upserts a missing record, and does nothing when it is right", async () => {
    expect(kinds(await plan([]))).toEqual([["record", "create"]]);
    expect(kinds(await plan([simple()]))).toEqual([["record", "exists"]]);
    expect(kinds(await plan([simple({ ttl: 300 })]))).toEqual([["record", "update"]]);
  });

  it("never overwrites a record that points at a classmate's Elastic IP", async () => {
    expect(await plan([simple({ values: [CLASSMATE_EIP] })])).toEqual([
      {
        id: "record",
        kind: "blocked",
        message: {
          key: "plan.record.classmate",
          params: { ip: CLASSMATE_EIP, owner: "홍길동 (hong)" },
        },
      },
    ]);
  });

  it("keeps a failover primary failover when it fixes it", async () => {
    const entries = await plan([primary({ ttl: 300 }), secondary()]);
    expect(entries[0]?.message.key).toBe("plan.record.update");
  });

  it("is blocked until there are initials, access and an Elastic IP", async () => {
    expect(
      kinds(await plan([], { zoneRecords: { state: "unreadable", why: "no-initials" } })),
    ).toEqual([["initials", "blocked"]]);
    expect(kinds(await plan([], { addresses: [] }))).toEqual([["address", "blocked"]]);
    expect(kinds(await plan([secondary()]))).toEqual([["record", "blocked"]]);
  });
});

describe("failover-routing check", () => {
  const check = async (records: RecordSetSummary[], overrides = {}) =>
    byId(await failoverRoutingStep.check(zoneFacts(records, overrides), classContext()));

  it("passes the lab's failover pair and says the sandbox can't show the failover itself", async () => {
    const items = await failoverRoutingStep.check(
      zoneFacts([primary(), secondary()]),
      classContext(),
    );
    expect(items.map((item) => [item.id, item.status])).toEqual([
      ["primary", "pass"],
      ["primary-health-check", "pass"],
      ["secondary", "pass"],
      ["secondary-target", "pass"],
      ["evaluate-target-health", "pass"],
      ["maintenance-bucket", "pass"],
      ["failover", "unobservable"],
    ]);
  });

  it("fails a record still on simple routing", async () => {
    const items = await check([simple()]);
    expect(items.primary?.message.key).toBe("check.failoverRouting.stillSimple");
    expect(items.secondary?.message.key).toBe("check.failoverRouting.secondaryMissing");
  });

  it("names each wrong field of the secondary", async () => {
    expect(
      (await check([primary(), secondary({ alias: undefined, ttl: 30, values: [EIP] })])).secondary,
    ).toMatchObject({
      status: "fail",
      message: { key: "check.failoverRouting.secondaryNotAlias", params: { values: EIP } },
    });
    const otherRegion = secondary({
      alias: {
        dnsName: "s3-website-us-east-1.amazonaws.com",
        hostedZoneId: "Z3AQBSTGFYJSTF",
        evaluateTargetHealth: true,
      },
    });
    const items = await check([primary(), otherRegion]);
    expect(items["secondary-target"]?.message).toEqual({
      key: "check.failoverRouting.otherRegion",
      params: { target: "s3-website-us-east-1.amazonaws.com", region: "us-east-1" },
    });
    expect(items["evaluate-target-health"]?.status).toBe("fail");
    expect(
      (await check([primary(), secondary({ healthCheckId: "hc-kim" })]))["secondary-health-check"]
        ?.status,
    ).toBe("fail");
  });

  it("names the primary's health check problems", async () => {
    expect(
      (await check([primary({ healthCheckId: undefined }), secondary()]))["primary-health-check"],
    ).toMatchObject({ message: { key: "check.failoverRouting.noHealthCheck" } });
    expect(
      (await check([primary({ healthCheckId: "hc-lee" }), secondary()]))["primary-health-check"],
    ).toMatchObject({
      message: {
        key: "check.failoverRouting.otherHealthCheck",
        params: { name: "lee.aws101.example", id: "hc-lee" },
      },
    });
    const ownOnly = {
      instructorHealthChecks: { state: "read" as const, healthChecks: [] },
      healthChecks: [healthCheck("hc-own", NAME)],
    };
    expect(
      (await check([primary({ healthCheckId: undefined }), secondary()], ownOnly))[
        "primary-health-check"
      ]?.message.key,
    ).toBe("check.failoverRouting.healthCheckInOwnAccount");
  });

  it("fails a simple record left next to the failover ones, and a missing bucket", async () => {
    const items = await check([simple(), primary(), secondary()], { buckets: [] });
    expect(items["simple-left"]?.status).toBe("fail");
    expect(items["maintenance-bucket"]?.message).toEqual({
      key: "check.failoverRouting.bucketMissing",
      params: { bucket: NAME },
    });
  });

  it("on AWS, says what Route 53 answers", async () => {
    const answered = (values: string[]) => ({
      recordDnsAnswer: { state: "answered" as const, responseCode: "NOERROR", values },
    });
    expect((await check([primary(), secondary()], answered([EIP]))).failover).toMatchObject({
      status: "pass",
      message: { key: "check.failoverRouting.answersPrimary" },
    });
    expect(
      (await check([primary(), secondary()], answered(["52.219.56.1"]))).failover,
    ).toMatchObject({ status: "pass", message: { key: "check.failoverRouting.answersSecondary" } });
  });
});

describe("failover-routing plan", () => {
  const plan = (records: RecordSetSummary[], overrides = {}) =>
    failoverRoutingStep.plan(zoneFacts(records, overrides), classContext());

  it("is blocked until the instructor account has the health check, and says where it is", async () => {
    const noChecks = { instructorHealthChecks: { state: "read" as const, healthChecks: [] } };
    expect((await plan([simple()], noChecks))[0]).toMatchObject({
      kind: "blocked",
      message: { key: "plan.failoverRouting.needsHealthCheck" },
    });
    expect(
      (await plan([simple()], { ...noChecks, healthChecks: [healthCheck("hc-own", NAME)] }))[0]
        ?.message.key,
    ).toBe("plan.failoverRouting.healthCheckInOwnAccount");
  });

  it("swaps simple for failover in one entry, and then has nothing to do", async () => {
    expect(kinds(await plan([simple()]))).toEqual([["records", "update"]]);
    expect(kinds(await plan([primary(), secondary()]))).toEqual([["records", "exists"]]);
    expect(kinds(await plan([primary(), secondary()], { buckets: [] }))).toEqual([
      ["maintenance-bucket", "manual"],
      ["records", "exists"],
    ]);
  });

  it("never overwrites a classmate's address", async () => {
    expect(kinds(await plan([simple({ values: [CLASSMATE_EIP] })]))).toEqual([
      ["record", "blocked"],
    ]);
  });
});
