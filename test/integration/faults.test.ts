import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import { connectSandbox } from "@/lib/credentials";
import pg from "pg";
import { openDatabase, urlOf, type PortalDb } from "@/lib/db/connection";
import {
  findLiveCredentials,
  listStepStatus,
  readStepMemory,
  takeSecretDownload,
  writeStepMemory,
} from "@/lib/db/queries";
import { presentApply, presentModuleStatus } from "@/lib/lab/present";
import {
  applyStep,
  moduleStatus,
  openStep,
  type AttendeeRef,
  type RunnerEnvironment,
} from "@/lib/lab/runner";
import { translator } from "@/messages";
import { startEmulator } from "../../scripts/lib/emulator.mjs";
import { awsError, injectFaults } from "./aws-layers";
import { REGION, emulatorEndpoint, sandboxClients } from "./emulator";
import { POSTGRES_ADMIN_URL, testDatabase } from "./database";
import { attendeeIn, labDatabase, labRuntime, sandboxAttendee } from "./lab-harness";

const ko = translator("ko");
const en = translator("en");

/** What an attendee reads: the catalogue's words, never an exception's text or a stack. */
function expectWords(text: string | undefined, expected: string) {
  expect(text).toBe(expected);
  expect(text).not.toMatch(/\n\s+at |Error:|Exception:|undefined|\{\w+\}/);
}

/** The lab's compute resources, counted in the emulator as the console would list them. */
async function computeResources(aws: AwsClients) {
  const [instances, groups, pairs] = await Promise.all([
    aws.ec2().send(new DescribeInstancesCommand({})),
    aws.ec2().send(new DescribeSecurityGroupsCommand({})),
    aws.ec2().send(new DescribeKeyPairsCommand({})),
  ]);
  return {
    instances: (instances.Reservations ?? [])
      .flatMap((reservation) => reservation.Instances ?? [])
      .filter((instance) => instance.State?.Name !== "terminated").length,
    groups: (groups.SecurityGroups ?? []).filter((group) => group.GroupName === "web-server-sg")
      .length,
    keyPairs: (pairs.KeyPairs ?? []).filter((pair) => pair.KeyName === "awslab").length,
  };
}

/**
 * The dead apply's lease (APPLY_LEASE_MS) is not renewed and lapses: until then a re-run is refused
 * as busy, never run beside it. The test lets that minute pass by dating the lease back.
 */
async function expectBusyUntilTheLeaseLapses(
  db: PortalDb,
  runtime: RunnerEnvironment,
  ref: AttendeeRef,
) {
  expect((await applyStep(runtime, ref, "ec2-launch")).problem).toEqual({ code: "busy" });
  await db
    .updateTable("leases")
    .set({ expires_at: new Date(Date.now() - 1_000).toISOString() })
    .where("name", "like", "apply:%")
    .execute();
}

const stateOf = async (runtime: RunnerEnvironment, ref: AttendeeRef, stepId: string) =>
  (await moduleStatus(runtime, ref, "compute", { fresh: true }))?.steps.find(
    (step) => step.stepId === stepId,
  )?.state;

describe("throttling", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await labDatabase();
  });
  afterAll(() => db.destroy());

  it("the SDK's retry absorbs a couple of throttles; persistent throttling is a message in ko and en", async () => {
    const { ref } = await sandboxAttendee(db);
    const runtime = labRuntime(db);
    const throttles = new Map<string, number>();
    let persistent = false;
    const faults = injectFaults(({ operation }) => {
      if (persistent && operation === "DescribeInstances") {
        return awsError("RequestLimitExceeded", "Request limit exceeded.", 503);
      }
      if (operation !== "CreateKeyPair" && operation !== "CreateSecurityGroup") return undefined;
      const seen = throttles.get(operation) ?? 0;
      if (seen >= 2) return undefined;
      throttles.set(operation, seen + 1);
      return operation === "CreateKeyPair"
        ? awsError("ThrottlingException", "Rate exceeded", 400)
        : awsError("RequestLimitExceeded", "Request limit exceeded.", 503);
    });
    onTestFinished(faults.uninstall);

    const outcome = await applyStep(runtime, ref, "ec2-launch");
    expect(outcome.problem).toBeUndefined();
    expect(faults.injected()).toBe(4);
    expect(
      faults.attempts.filter((call) => /^Create(KeyPair|SecurityGroup)$/.test(call.operation)),
    ).toEqual([
      { operation: "CreateKeyPair", attempts: 3 },
      { operation: "CreateSecurityGroup", attempts: 3 },
    ]);

    persistent = true;
    const status = await moduleStatus(runtime, ref, "compute", { fresh: true });
    expect(status?.problem).toMatchObject({ code: "throttled", awsCode: "RequestLimitExceeded" });
    expect(faults.attempts.at(-1)).toMatchObject({
      operation: "DescribeInstances",
      attempts: 3,
      error: "RequestLimitExceeded",
    });
    const shown = (locale: typeof ko) => presentModuleStatus(status!, locale).problem;
    const params = { operation: "ec2:DescribeInstances", awsCode: "RequestLimitExceeded" };
    expectWords(shown(en), en("aws.problem.throttled", params));
    expectWords(shown(ko), ko("aws.problem.throttled", params));
    expect(presentModuleStatus(status!, en).needsCredentials).toBe(false);

    const refused = await applyStep(runtime, ref, "elastic-ip");
    expect(refused.problem).toMatchObject({ code: "throttled" });
    expect(presentApply(refused, ko).problem).toBe(shown(ko));
    // The credentials are fine: throttling must not make the attendee enter them again.
    expect(await findLiveCredentials(db, ref.attendeeId)).toBeDefined();
  });
});

describe("credentials expiring mid-lab", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await labDatabase();
  });
  afterAll(() => db.destroy());

  /** Installed before the attendee's first client is made: hooks reach only clients made after. */
  let expired = false;
  let uninstall = () => {};
  beforeAll(() => {
    uninstall = injectFaults(() =>
      expired
        ? awsError("ExpiredToken", "The security token included in the request is expired", 400)
        : undefined,
    ).uninstall;
  });
  afterAll(() => uninstall());

  async function labUnderWay() {
    expired = false;
    const made = await sandboxAttendee(db);
    const runtime = labRuntime(db);
    expect((await applyStep(runtime, made.ref, "ec2-launch")).problem).toBeUndefined();
    await openStep(runtime, made.ref, "elastic-ip");
    await moduleStatus(runtime, made.ref, "compute", { fresh: true });
    await writeStepMemory(db, {
      attendeeId: made.ref.attendeeId,
      stepId: "rds-failover",
      value: { az: "a" },
    });
    const recorded = await listStepStatus(db, made.ref.attendeeId);
    return { ...made, runtime, recorded };
  }

  async function expectNothingLost(ref: AttendeeRef, recorded: unknown[]) {
    expect(await listStepStatus(db, ref.attendeeId)).toEqual(recorded);
    expect(await readStepMemory(db, ref.attendeeId, "rds-failover")).toEqual({ az: "a" });
  }

  it("AWS says ExpiredToken during a do it for me: re-enter prompt, the step's state and memory kept", async () => {
    const { ref, runtime, recorded } = await labUnderWay();
    expired = true;
    const refreshed = await moduleStatus(runtime, ref, "compute", { fresh: true });
    expect(refreshed?.problem).toMatchObject({ code: "expired_credentials" });
    expect(presentModuleStatus(refreshed!, en).needsCredentials).toBe(true);
    expect(await findLiveCredentials(db, ref.attendeeId)).toBeUndefined();
    expired = false;
    await connectSandbox(db, {
      attendeeId: ref.attendeeId,
      endpoint: emulatorEndpoint(),
      region: REGION,
    });
    expired = true;
    const outcome = await applyStep(runtime, ref, "elastic-ip");
    expired = false;
    expect(outcome.problem).toMatchObject({ code: "expired_credentials" });
    const view = presentApply(outcome, en);
    expect(view.needsCredentials).toBe(true);
    expectWords(view.problem, en("aws.problem.expired_credentials"));
    expectWords(presentApply(outcome, ko).problem, ko("aws.problem.expired_credentials"));
    // Forgotten, so every page asks for new credentials instead of failing each refresh.
    expect(await findLiveCredentials(db, ref.attendeeId)).toBeUndefined();
    const status = await moduleStatus(runtime, ref, "compute", { fresh: true });
    expect(presentModuleStatus(status!, ko).needsCredentials).toBe(true);
    await expectNothingLost(ref, recorded);

    await connectSandbox(db, {
      attendeeId: ref.attendeeId,
      endpoint: emulatorEndpoint(),
      region: REGION,
    });
    expect(await stateOf(runtime, ref, "ec2-launch")).toBe("pass");
    expect(await stateOf(runtime, ref, "elastic-ip")).toBe("fail");
  });

  it("the stored expiry passes between two refreshes: re-enter prompt, nothing lost", async () => {
    const { ref, runtime, recorded } = await labUnderWay();
    await db
      .updateTable("aws_credentials")
      .set({ expires_at: new Date(Date.now() - 1_000).toISOString() })
      .where("attendee_id", "=", ref.attendeeId)
      .execute();
    const status = await moduleStatus(runtime, ref, "compute", { fresh: true });
    expect(status?.problem).toEqual({ code: "no_credentials" });
    expect(presentModuleStatus(status!, en).needsCredentials).toBe(true);
    const outcome = await applyStep(runtime, ref, "elastic-ip");
    expect(presentApply(outcome, ko)).toMatchObject({
      needsCredentials: true,
      problem: ko("aws.problem.no_credentials"),
    });
    await expectNothingLost(ref, recorded);
  });
});

describe("the database restarted", () => {
  it("closes and reopens the portal's database file mid-run: the next request works", async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "aws101-faults-"));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const url = `file:${path.join(scratch, "portal.db")}`;
    const first = await openDatabase(url);
    const { ref, byHand } = await sandboxAttendee(first);
    expect((await applyStep(labRuntime(first), ref, "ec2-launch")).problem).toBeUndefined();
    await first.destroy();

    const reopened = await openDatabase(url);
    onTestFinished(() => reopened.destroy());
    const runtime = labRuntime(reopened);
    expect(await stateOf(runtime, ref, "ec2-launch")).toBe("pass");
    expect((await applyStep(runtime, ref, "elastic-ip")).problem).toBeUndefined();
    expect(await stateOf(runtime, ref, "elastic-ip")).toBe("pass");
    const states = Object.fromEntries(
      (await listStepStatus(reopened, ref.attendeeId)).map((row) => [row.step_id, row.state]),
    );
    expect(states).toMatchObject({ "ec2-launch": "pass", "elastic-ip": "pass" });
    expect(await computeResources(byHand)).toEqual({ instances: 1, groups: 1, keyPairs: 1 });
  });
});

describe("PostgreSQL restarted under the portal", () => {
  it("every connection ends at once: the portal lives on and the next request works", async () => {
    const db = await testDatabase("postgres");
    onTestFinished(() => db.destroy());
    const runtime = labRuntime(db);
    const { ref } = await sandboxAttendee(db);
    expect((await applyStep(runtime, ref, "ec2-launch")).problem).toBeUndefined();
    // As a restart looks from the portal: the server ends every session, idle ones included.
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    const { rows } = await admin.query<{ ended: boolean }>(
      "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1",
      [new URL(urlOf(db)).pathname.slice(1)],
    );
    await admin.end();
    expect(rows.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stateOf(runtime, ref, "ec2-launch")).toBe("pass");
  });
});

describe("the database closed under a running apply", () => {
  it("the apply fails with the database; the reopened file serves the re-run, no duplicates", async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "aws101-faults-"));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const url = `file:${path.join(scratch, "portal.db")}`;
    const first = await openDatabase(url);
    const { ref, byHand } = await sandboxAttendee(first);
    let closing: Promise<void> | undefined;
    const close = injectFaults(({ operation }) => {
      if (operation === "CreateSecurityGroup") closing ??= first.destroy();
      return undefined;
    });
    onTestFinished(close.uninstall);
    // The request fails as any does while the database is gone (Next answers with a digest);
    // what matters is that AWS keeps nothing the re-run would duplicate.
    await expect(applyStep(labRuntime(first), ref, "ec2-launch")).rejects.toThrow(/destroyed/);
    await closing;
    expect(await computeResources(byHand)).toMatchObject({ keyPairs: 1, instances: 0 });

    const reopened = await openDatabase(url);
    onTestFinished(() => reopened.destroy());
    const runtime = labRuntime(reopened);
    await expectBusyUntilTheLeaseLapses(reopened, runtime, ref);
    const rerun = await applyStep(runtime, ref, "ec2-launch");
    expect(rerun.problem).toBeUndefined();
    expect(rerun.done.map((entry) => entry.id)).toEqual(["instance"]);
    expect(rerun.downloads.map((download) => download.filename)).toEqual(["awslab.pem"]);
    expect(await stateOf(runtime, ref, "ec2-launch")).toBe("pass");
    expect(await computeResources(byHand)).toEqual({ instances: 1, groups: 1, keyPairs: 1 });
  });
});

describe("the emulator stopped in the middle of an apply", () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let db: PortalDb;
  beforeAll(async () => {
    emulator = await startEmulator();
    db = await labDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
    await emulator?.stop();
  });

  it("says so in words, records only what was done, and a re-run after it is back duplicates nothing", async () => {
    const { attendee, event } = await attendeeIn(db);
    const { accountId } = await connectSandbox(db, {
      attendeeId: attendee.id,
      endpoint: emulator.endpoint,
      region: REGION,
    });
    const ref: AttendeeRef = { attendeeId: attendee.id, eventId: event.id };
    const runtime = { ...labRuntime(db), sandboxEndpoint: emulator.endpoint };
    // The process is stopped, not ended: moto keeps its state in memory, as AWS keeps what it
    // made, and the requests in flight are answered late when it resumes.
    const stop = injectFaults(({ operation }) => {
      if (operation === "CreateSecurityGroup" && !stopped) {
        stopped = true;
        process.kill(emulator.pid!, "SIGSTOP");
      }
      return undefined;
    });
    let stopped = false;
    onTestFinished(stop.uninstall);

    const outcome = await applyStep(runtime, ref, "ec2-launch");
    process.kill(emulator.pid!, "SIGCONT");
    expect(outcome.problem).toMatchObject({ code: "endpoint_unreachable" });
    expect(outcome.done.map((entry) => entry.id)).toEqual(["key-pair"]);
    expect(outcome.downloads.map((download) => download.filename)).toEqual(["awslab.pem"]);
    for (const t of [ko, en]) {
      const text = presentApply(outcome, t).problem;
      expect(text).toMatch(t === ko ? /AWS 엔드포인트/ : /Could not reach the AWS endpoint/);
      expect(text).not.toMatch(/\n\s+at |Error:/);
    }
    const audit = (
      await db
        .selectFrom("audit_log")
        .select(["entry_id", "outcome"])
        .where("attendee_id", "=", attendee.id)
        .where("action", "=", "do")
        .execute()
    )
      .map((row) => [row.entry_id, row.outcome])
      .sort();
    expect(audit).toEqual([
      ["key-pair", "ok"],
      ["security-group", "failed"],
    ]);

    const { aws } = await sandboxClients(accountId, emulator.endpoint);
    expect(await stateOf(runtime, ref, "ec2-launch")).toBe("fail");
    const rerun = await applyStep(runtime, ref, "ec2-launch");
    expect(rerun.problem).toBeUndefined();
    expect(rerun.done.map((entry) => entry.id)).not.toContain("key-pair");
    expect(rerun.downloads).toEqual([]);
    expect(await stateOf(runtime, ref, "ec2-launch")).toBe("pass");
    expect(await computeResources(aws)).toEqual({ instances: 1, groups: 1, keyPairs: 1 });
  });
});

describe("the portal killed during do it for me", () => {
  it("after a restart the status is right and a re-run finishes without duplicates", async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "aws101-killed-"));
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const url = `file:${path.join(scratch, "portal.db")}`;
    const setup = await openDatabase(url);
    const { ref, byHand } = await sandboxAttendee(setup);
    await setup.destroy();

    const portal = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "test/fixtures/apply-until-killed.ts",
        url,
        ref.attendeeId,
        ref.eventId,
        "ec2-launch",
      ],
      { env: { ...process.env, NODE_ENV: "test" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    onTestFinished(() => {
      if (portal.exitCode === null) portal.kill("SIGKILL");
    });
    let stderr = "";
    portal.stderr.on("data", (chunk) => (stderr += String(chunk)));
    const created = await new Promise<string>((resolve, reject) => {
      portal.stdout.on("data", (chunk) => {
        const line = String(chunk);
        if (line.includes("created ")) resolve(line.trim());
      });
      portal.on("exit", (code) =>
        reject(new Error(`the portal exited (${code}) first: ${stderr}`)),
      );
    });
    expect(created).toBe("created CreateKeyPair");
    portal.kill("SIGKILL");
    await new Promise((resolve) => portal.once("exit", resolve));
    expect(await computeResources(byHand)).toEqual({ instances: 0, groups: 0, keyPairs: 1 });

    const db = await openDatabase(url);
    onTestFinished(() => db.destroy());
    const runtime = labRuntime(db);
    const before = await moduleStatus(runtime, ref, "compute", { fresh: true });
    const launch = before?.steps.find((step) => step.stepId === "ec2-launch");
    expect(launch?.state).toBe("fail");
    expect(Object.fromEntries(launch!.items.map((item) => [item.id, item.status]))).toMatchObject({
      "key-pair": "pass",
      "security-group": "fail",
    });

    await expectBusyUntilTheLeaseLapses(db, runtime, ref);
    const rerun = await applyStep(runtime, ref, "ec2-launch");
    expect(rerun.problem).toBeUndefined();
    expect(rerun.done.map((entry) => entry.id)).toEqual(["security-group", "instance"]);
    // The key made before the kill was stored when it was made: the re-run offers its link.
    expect(rerun.downloads.map((download) => download.filename)).toEqual(["awslab.pem"]);
    expect(await takeSecretDownload(db, rerun.downloads[0]!.token, ref.attendeeId)).toBeDefined();
    expect((await applyStep(runtime, ref, "ec2-launch")).downloads).toEqual([]);
    expect(await stateOf(runtime, ref, "ec2-launch")).toBe("pass");
    expect(await computeResources(byHand)).toEqual({ instances: 1, groups: 1, keyPairs: 1 });
  });
});
