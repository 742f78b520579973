import { readFileSync } from "node:fs";
import path from "node:path";
import type { DBInstance } from "@aws-sdk/client-rds";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ItemList } from "@/components/lab/ItemList";
import { classifyAwsError } from "@/lib/aws/errors";
import { toDbInstanceSummary } from "@/lib/aws/rds";
import type { DbEventSummary, DbInstanceSummary, SecurityGroupSummary } from "@/lib/aws/types";
import { loadSteps } from "@/lib/content/source";
import { presentItem, presentProblem } from "@/lib/lab/present";
import { LAB_SQL } from "@/lib/lab/sandbox-schema";
import { appDbStep, withLabDatabase } from "@/lib/lab/steps/app-db";
import { mysqlSetupStep } from "@/lib/lab/steps/mysql-setup";
import { rdsCreateStep } from "@/lib/lab/steps/rds-create";
import { rdsFailoverStep } from "@/lib/lab/steps/rds-failover";
import type { CheckItem, PlanEntry } from "@/lib/lab/types";
import { translator } from "@/messages";
import { context, facts, memoryStore, webGroup } from "./snapshot-fixtures";

// DescribeDBInstances entries in the states AWS passes through; see the file's _about.
const recorded = JSON.parse(
  readFileSync(path.join(__dirname, "..", "fixtures", "rds-states.json"), "utf8"),
) as Record<string, DBInstance>;

function awslab(state: string): DbInstanceSummary {
  const entry = recorded[state];
  const summary = entry && toDbInstanceSummary(entry);
  if (!summary) throw new Error(`no recorded state ${state}`);
  return summary;
}

const rdsGroup: SecurityGroupSummary = {
  id: "sg-rds",
  name: "rds-mysql-sg",
  description: "MySQL",
  vpcId: "vpc-1",
  ingress: [],
  tags: {},
};

const withDb = (db: DbInstanceSummary, events: DbEventSummary[] = []) =>
  facts({ dbInstances: [db], securityGroups: [webGroup(), rdsGroup], dbEvents: events });

const byId = (items: CheckItem[]) => Object.fromEntries(items.map((item) => [item.id, item]));
const kinds = (entries: PlanEntry[]) => entries.map((entry) => [entry.id, entry.kind]);

const T0 = Date.parse("2026-11-28T01:00:00.000Z");
const minutes = (count: number) => new Date(T0 + count * 60_000);

afterEach(() => {
  vi.useRealTimers();
});

describe("the progress bar on recorded RDS states", () => {
  it("creating: AWS gives no create time, so the bar starts when the portal first sees it", async () => {
    vi.useFakeTimers({ now: minutes(0), toFake: ["Date"] });
    const { memory, values } = memoryStore();
    const first = byId(await rdsCreateStep.check(withDb(awslab("creating")), context({ memory })));
    expect(first.status).toEqual({
      id: "status",
      status: "pending",
      message: { key: "check.rds.status.busy", params: { status: "creating" } },
      progress: { status: "creating", percent: 1, etaMinutes: 15 },
    });
    expect(values.get("rds-create")).toEqual({
      dbId: "awslab",
      status: "creating",
      since: minutes(0).toISOString(),
    });

    vi.setSystemTime(minutes(6));
    const later = byId(await rdsCreateStep.check(withDb(awslab("creating")), context({ memory })));
    expect(later.status?.progress).toEqual({ status: "creating", percent: 40, etaMinutes: 9 });

    vi.setSystemTime(minutes(25));
    const overdue = byId(
      await rdsCreateStep.check(withDb(awslab("creating")), context({ memory })),
    );
    expect(overdue.status?.progress).toEqual({ status: "creating", percent: 95, etaMinutes: 0 });
  });

  it("creating after do it for me: the bar counts from the moment it asked AWS", async () => {
    vi.useFakeTimers({ now: minutes(10), toFake: ["Date"] });
    const { memory } = memoryStore({
      "rds-create": { dbId: "awslab", status: "creating", since: minutes(0).toISOString() },
    });
    const items = byId(await rdsCreateStep.check(withDb(awslab("creating")), context({ memory })));
    expect(items.status?.progress).toEqual({ status: "creating", percent: 67, etaMinutes: 5 });
  });

  it("backing-up and modifying get bars of their own; a Multi-AZ conversion shows as under way", async () => {
    vi.useFakeTimers({ now: minutes(20), toFake: ["Date"] });
    const { memory } = memoryStore();
    const backingUp = byId(
      await rdsCreateStep.check(withDb(awslab("backing-up")), context({ memory })),
    );
    expect(backingUp.status?.progress).toEqual({ status: "backing-up", percent: 1, etaMinutes: 5 });
    vi.setSystemTime(minutes(23));
    expect(
      byId(await rdsCreateStep.check(withDb(awslab("backing-up")), context({ memory }))).status
        ?.progress,
    ).toEqual({ status: "backing-up", percent: 60, etaMinutes: 2 });

    const modifying = byId(
      await rdsCreateStep.check(withDb(awslab("modifying")), context({ memory })),
    );
    expect(modifying.status?.progress).toEqual({ status: "modifying", percent: 1, etaMinutes: 15 });
    expect(modifying["multi-az"]).toEqual({
      id: "multi-az",
      status: "pending",
      message: { key: "check.rds.multiAz.converting" },
    });
  });

  it("available: no bar, the endpoint instead", async () => {
    const items = byId(await rdsCreateStep.check(withDb(awslab("available")), context()));
    expect(items.status).toEqual({
      id: "status",
      status: "pass",
      message: {
        key: "check.rds.status.available",
        params: { endpoint: "awslab.c8abcdefghij.ap-northeast-2.rds.amazonaws.com" },
      },
    });
    expect(Object.values(items).every((item) => item.status === "pass")).toBe(true);
  });

  it("the bar is said in words, in both languages, with role=progressbar's text", () => {
    const item: CheckItem = {
      id: "status",
      status: "pending",
      message: { key: "check.rds.status.busy", params: { status: "creating" } },
      progress: { status: "creating", percent: 40, etaMinutes: 9 },
    };
    expect(presentItem(item, translator("ko")).progress).toEqual({
      status: "creating",
      percent: 40,
      etaMinutes: 9,
      text: "AWS 상태 creating · 약 9분 남음 (예상 40%)",
    });
    expect(
      presentItem(
        { ...item, progress: { ...item.progress!, etaMinutes: 0, percent: 95 } },
        translator("en"),
      ).progress?.text,
    ).toBe(
      "AWS status creating · taking longer than usual. AWS is still working on it; wait a little longer.",
    );
  });

  it.each([
    ["failed", "failed"],
    ["storage-full", "storageFull"],
    ["incompatible-parameters", "incompatibleParameters"],
  ])("%s fails and says what to do", async (state, key) => {
    const items = byId(await rdsCreateStep.check(withDb(awslab(state)), context()));
    expect(items.status).toEqual({
      id: "status",
      status: "fail",
      message: { key: `check.rds.status.${key}`, params: { status: state } },
      fix: { key: `fix.rds.status.${key}` },
    });
  });

  it("a second do it for me while AWS is creating creates nothing and changes nothing", async () => {
    const creating = { ...awslab("creating"), publiclyAccessible: true };
    const plan = await rdsCreateStep.plan(withDb(creating), context());
    expect(kinds(plan)).toEqual([
      ["security-group", "exists"],
      ["instance", "exists"],
      ["changes", "blocked"],
    ]);
    expect(plan.some((entry) => entry.run)).toBe(false);
  });
});

describe("the failover on AWS, from the event log and the AZ", () => {
  const started = { dbId: "awslab", createdAt: "2026-11-28T01:13:00.000Z", az: "ap-northeast-2a" };
  const since = "2026-11-28T02:00:00.000Z";
  const event = (date: string, message: string): DbEventSummary => ({
    date,
    message,
    categories: ["failover"],
  });
  const completed = event("2026-11-28T02:03:00.000Z", "Multi-AZ instance failover completed.");

  async function failoverItem(db: DbInstanceSummary, events: DbEventSummary[]) {
    const { memory } = memoryStore({ "rds-failover": { ...started, since } });
    const items = await rdsFailoverStep.check(
      withDb(db, events),
      context({ sandbox: false, memory }),
    );
    return byId(items).failover;
  }

  it("passes when the AZ moved and RDS logged the completion", async () => {
    const moved = { ...awslab("available"), availabilityZone: "ap-northeast-2c" };
    expect(await failoverItem(moved, [completed])).toEqual({
      id: "failover",
      status: "pass",
      message: {
        key: "check.failover.done",
        params: { from: "ap-northeast-2a", to: "ap-northeast-2c", at: "11:03" },
      },
    });
  });

  it("waits when the event is there but the API still shows the old AZ", async () => {
    expect((await failoverItem(awslab("available"), [completed]))?.message.key).toBe(
      "check.failover.azNotYet",
    );
  });

  it("fails when RDS abandoned the request, and when nothing happened since the start", async () => {
    const abandoned = event(
      "2026-11-28T02:01:00.000Z",
      "Abandoning user requested failover since a failover recently occurred on the database instance.",
    );
    expect((await failoverItem(awslab("available"), [abandoned]))?.message.key).toBe(
      "check.failover.abandoned",
    );
    const before = event("2026-11-28T01:30:00.000Z", "Multi-AZ instance failover completed.");
    expect(await failoverItem(awslab("available"), [before])).toMatchObject({
      status: "fail",
      message: { key: "check.failover.notYet", params: { az: "ap-northeast-2a" } },
      fix: { key: "fix.failover.reboot" },
    });
  });

  it("a re-created awslab starts afresh from its own AZ", async () => {
    const { memory, values } = memoryStore({ "rds-failover": { ...started, since } });
    const recreated = { ...awslab("available"), createdAt: "2026-11-28T03:00:00.000Z" };
    await rdsFailoverStep.check(withDb(recreated), context({ sandbox: false, memory }));
    expect(values.get("rds-failover")).toMatchObject({
      createdAt: "2026-11-28T03:00:00.000Z",
      az: "ap-northeast-2a",
    });
  });
});

describe("the SQL and the app on AWS go through the app's /healthz", () => {
  const health = (database: object, target: object | undefined) => ({
    app: "aws101-sample-app",
    version: "1.0.0",
    config: {},
    database,
    ...(target ? { databaseTarget: target } : {}),
    s3: {
      status: "not_configured",
      code: null,
      bucket: null,
      region: "ap-northeast-2",
      lastUpload: null,
    },
    presignedUrls: false,
    instanceId: null,
  });
  const endpoint = "awslab.c8abcdefghij.ap-northeast-2.rds.amazonaws.com";
  const onAws = (reported: unknown) =>
    context({ sandbox: false, readHealth: async () => reported });

  it("mysql-setup waits for the app to point at awslab: the portal never connects to RDS", async () => {
    const items = await mysqlSetupStep.check(
      withDb(awslab("available")),
      onAws(health({ status: "not_configured", code: null, users: null }, undefined)),
    );
    expect(items).toEqual([
      {
        id: "schema",
        status: "pending",
        message: { key: "check.setup.viaAppLater", params: { endpoint } },
      },
    ]);
    expect(kinds(await mysqlSetupStep.plan(withDb(awslab("available")), onAws(undefined)))).toEqual(
      [["sql", "manual"]],
    );
  });

  it("mysql-setup reads access_denied as the user or its grant", async () => {
    const items = await mysqlSetupStep.check(
      withDb(awslab("available")),
      onAws(
        health(
          { status: "access_denied", code: "ER_ACCESS_DENIED_ERROR", users: null },
          { host: endpoint, name: "form", user: "form_user" },
        ),
      ),
    );
    expect(items[0]).toMatchObject({
      status: "fail",
      message: { key: "check.setup.viaApp.accessDenied" },
      fix: { key: "fix.setup.userAndGrant" },
    });
  });

  it("app-db names the host the app uses; its plan leaves config.env and the sign-up to the attendee", async () => {
    const ctx = onAws(
      health(
        { status: "timeout", code: "ETIMEDOUT", users: null },
        { host: "awslab.typo.ap-northeast-2.rds.amazonaws.com", name: "form", user: "form_user" },
      ),
    );
    const items = byId(await appDbStep.check(withDb(awslab("available")), ctx));
    expect(items["db-host"]).toMatchObject({
      status: "fail",
      message: { key: "check.appDb.host.other" },
    });
    expect(items["db-connection"]).toMatchObject({
      status: "fail",
      fix: { key: "fix.appDb.route" },
    });
    expect(kinds(await appDbStep.plan(withDb(awslab("available")), ctx))).toEqual([
      ["config", "manual"],
      ["signup", "manual"],
    ]);
  });
});

describe("config.env for the lab's database", () => {
  it("sets the five database lines in place and keeps everything else", () => {
    const before = "# db\nDB_HOST =\nDB_PORT = 3306\nDB_NAME = old\nS3_BUCKET = awslab-s3-x\n";
    expect(withLabDatabase(before, "awslab.x.rds.amazonaws.com")).toBe(
      "# db\nDB_HOST = awslab.x.rds.amazonaws.com\nDB_PORT = 3306\nDB_NAME = form\nS3_BUCKET = awslab-s3-x\nDB_USER = form_user\nDB_USERPASSWORD = asdf1234\n",
    );
  });
});

describe("the SQL on the page is the SQL do it for me runs", () => {
  it.each(["ko", "en"] as const)("%s", async (locale) => {
    const page = (await loadSteps(locale, "database")).find(
      (doc) => doc.frontmatter.id === "mysql-setup",
    );
    const body = (page?.body ?? "").replace(/^ {3}/gm, "");
    for (const statement of [
      LAB_SQL.database,
      LAB_SQL.user,
      LAB_SQL.grant,
      LAB_SQL.use,
      LAB_SQL.table,
    ]) {
      expect(body).toContain(statement);
    }
  });
});

describe("the progress bar as the browser gets it", () => {
  it("is a labelled progressbar with its value and the same in words", () => {
    const view = presentItem(
      {
        id: "status",
        status: "pending",
        message: { key: "check.rds.status.busy", params: { status: "creating" } },
        progress: { status: "creating", percent: 40, etaMinutes: 9 },
      },
      translator("ko"),
    );
    const markup = renderToStaticMarkup(
      createElement(ItemList, {
        items: [view],
        statusLabels: {
          pass: "통과",
          warn: "주의",
          fail: "실패",
          pending: "대기",
          unobservable: "확인 불가",
        },
        fixLabel: "고치는 방법",
      }),
    );
    expect(markup).toContain('role="progressbar"');
    expect(markup).toContain('aria-valuenow="40"');
    expect(markup).toContain('aria-valuetext="AWS 상태 creating · 약 9분 남음 (예상 40%)"');
    expect(markup).toContain('style="width:40%"');
    expect(markup).toContain(">AWS 상태 creating · 약 9분 남음 (예상 40%)</p>");
  });
});

describe("RDS's instance quota", () => {
  it("is said plainly when do it for me hits it", () => {
    const problem = classifyAwsError({ name: "InstanceQuotaExceeded" }, "rds:CreateDBInstance");
    expect(problem).toEqual({
      code: "limit_exceeded",
      awsCode: "InstanceQuotaExceeded",
      operation: "rds:CreateDBInstance",
    });
    expect(presentProblem(problem, translator("ko"))).toContain(
      "RDS DB 인스턴스 수에 도달했습니다",
    );
  });
});
