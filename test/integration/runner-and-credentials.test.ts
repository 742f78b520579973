import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsCallError } from "@/lib/aws/errors";
import { connectOwnCredentials, connectSandbox, resolveCredentials } from "@/lib/credentials";
import type { PortalDb } from "@/lib/db/connection";
import { findLiveCredentials, listStepStatus } from "@/lib/db/queries";
import { moduleSteps } from "@/lib/lab/catalogue";
import { applyStep, moduleStatus, openStep, type RunnerEnvironment } from "@/lib/lab/runner";
import { startEmulator } from "../../scripts/lib/emulator.mjs";
import { testDatabase } from "./database";
import { REGION, emulatorEndpoint, enforcedUserKeys } from "./emulator";
import { attendeeIn, labRuntime, sandboxAttendee } from "./lab-harness";

describe("runner with sandbox credentials", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.destroy());

  const runtime = (): RunnerEnvironment => labRuntime(db);

  it("stores sandbox credentials encrypted, per attendee account", async () => {
    const { attendee } = await attendeeIn(db);
    const { accountId } = await connectSandbox(db, {
      attendeeId: attendee.id,
      endpoint: emulatorEndpoint(),
      region: REGION,
    });
    expect(accountId).toMatch(/^3\d{11}$/);
    const row = await findLiveCredentials(db, attendee.id);
    const resolved = await resolveCredentials(db, attendee.id, emulatorEndpoint());
    expect(row?.ciphertext).not.toContain(
      resolved?.target.credentials.secretAccessKey ?? "missing",
    );
    expect(resolved?.accountId).toBe(accountId);
  });

  it("never hands out expired credentials and deletes them when read", async () => {
    const { attendee } = await attendeeIn(db);
    await connectSandbox(db, {
      attendeeId: attendee.id,
      endpoint: emulatorEndpoint(),
      region: REGION,
    });
    await db
      .updateTable("aws_credentials")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("attendee_id", "=", attendee.id)
      .execute();
    expect(await findLiveCredentials(db, attendee.id)).toBeUndefined();
    const left = await db
      .selectFrom("aws_credentials")
      .select("attendee_id")
      .where("attendee_id", "=", attendee.id)
      .execute();
    expect(left).toEqual([]);
  });

  it("forgets credentials it can no longer decrypt instead of failing every refresh", async () => {
    const { attendee } = await attendeeIn(db);
    await connectSandbox(db, {
      attendeeId: attendee.id,
      endpoint: emulatorEndpoint(),
      region: REGION,
    });
    await db
      .updateTable("aws_credentials")
      .set({ iv: Buffer.alloc(12, 1).toString("base64") })
      .where("attendee_id", "=", attendee.id)
      .execute();
    expect(await resolveCredentials(db, attendee.id, emulatorEndpoint())).toBeUndefined();
    expect(await findLiveCredentials(db, attendee.id)).toBeUndefined();
  });

  it("reads once per module refresh, records the status, and reports missing credentials", async () => {
    const { attendee, event } = await attendeeIn(db);
    const ref = { attendeeId: attendee.id, eventId: event.id, clientIp: "127.0.0.1" };
    const missing = await moduleStatus(runtime(), ref, "compute", { fresh: true });
    expect(missing?.problem).toEqual({ code: "no_credentials" });

    await connectSandbox(db, {
      attendeeId: attendee.id,
      endpoint: emulatorEndpoint(),
      region: REGION,
    });
    const status = await moduleStatus(runtime(), ref, "compute", { fresh: true });
    expect(status?.steps.map((step) => step.stepId)).toEqual(
      (await moduleSteps("compute"))?.map((step) => step.id),
    );
    expect(status?.awsCalls).toBe(5);
    const cached = await moduleStatus(runtime(), ref, "compute");
    expect(cached?.checkedAt).toBe(status?.checkedAt);
    const recorded = await listStepStatus(db, attendee.id);
    expect(recorded.map((row) => row.state)).toEqual(recorded.map(() => "not-started"));
  });

  it("a step nobody opened is not-started, not failed, until it is opened or something of it exists", async () => {
    const { ref } = await sandboxAttendee(db);
    const states = async () =>
      Object.fromEntries(
        ((await moduleStatus(runtime(), ref, "compute", { fresh: true }))?.steps ?? []).map(
          (step) => [step.stepId, step.state],
        ),
      );
    expect(await states()).toEqual({
      "ec2-launch": "not-started",
      "elastic-ip": "not-started",
      "ssh-access": "not-started",
      "web-app": "not-started",
    });
    await openStep(runtime(), ref, "ec2-launch");
    expect((await states())["ec2-launch"]).toBe("fail");
    await applyStep(runtime(), ref, "ec2-launch");
    expect(await states()).toEqual({
      "ec2-launch": "pass",
      "elastic-ip": "not-started",
      "ssh-access": "not-started",
      "web-app": "not-started",
    });
    await openStep(runtime(), ref, "elastic-ip");
    expect((await states())["elastic-ip"]).toBe("fail");
  });

  it("makes one instance when do it for me is clicked twice at once", async () => {
    const { ref } = await sandboxAttendee(db);
    const [first, second] = await Promise.all([
      applyStep(runtime(), ref, "ec2-launch"),
      applyStep(runtime(), ref, "ec2-launch"),
    ]);
    expect([first?.problem?.code, second?.problem?.code]).toContain("busy");
    const downloads = [...(first?.downloads ?? []), ...(second?.downloads ?? [])];
    expect(downloads.map((download) => download.filename)).toEqual(["awslab.pem"]);
    const again = await applyStep(runtime(), ref, "ec2-launch");
    expect(again?.done).toEqual([]);
    const status = await moduleStatus(runtime(), ref, "compute", { fresh: true });
    expect(
      status?.steps[0]?.items.find((item) => item.id === "instance-duplicates"),
    ).toBeUndefined();
  });

  it("says in words what happened when the emulator is down", async () => {
    const { attendee, event } = await attendeeIn(db);
    await connectSandbox(db, {
      attendeeId: attendee.id,
      endpoint: emulatorEndpoint(),
      region: REGION,
    });
    const down = { ...runtime(), sandboxEndpoint: "http://127.0.0.1:1" };
    const status = await moduleStatus(
      down,
      { attendeeId: attendee.id, eventId: event.id },
      "compute",
      { fresh: true },
    );
    expect(status?.problem).toMatchObject({ code: "endpoint_unreachable" });
  });
});

describe("pasted credentials", () => {
  let enforcing: Awaited<ReturnType<typeof startEmulator>>;
  let db: PortalDb;
  let valid: { accessKeyId: string; secretAccessKey: string };
  beforeAll(async () => {
    // A private emulator with IAM enforcement: only keys it issued are accepted.
    enforcing = await startEmulator({ env: { INITIAL_NO_AUTH_ACTION_COUNT: "3" } });
    valid = await enforcedUserKeys(enforcing.endpoint, "attendee", "*");
    db = await testDatabase();
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await enforcing?.stop();
  });

  it("rejects invalid keys with a typed reason and stores nothing", async () => {
    const { attendee } = await attendeeIn(db);
    const attempt = connectOwnCredentials(db, {
      attendeeId: attendee.id,
      credentials: {
        accessKeyId: "ASIAAAAAAAAAAAAAAAAA",
        secretAccessKey: "x".repeat(40),
        sessionToken: "t".repeat(120),
      },
      region: REGION,
      eventEndsAt: new Date(Date.now() + 3_600_000),
      endpoint: enforcing.endpoint,
    });
    await expect(attempt).rejects.toBeInstanceOf(AwsCallError);
    await expect(attempt).rejects.toMatchObject({ problem: { code: "invalid_credentials" } });
    expect(await findLiveCredentials(db, attendee.id)).toBeUndefined();
  });

  it("accepts keys AWS knows, and stores them sealed with an expiry", async () => {
    const { attendee } = await attendeeIn(db);
    const { accountId } = await connectOwnCredentials(db, {
      attendeeId: attendee.id,
      credentials: valid,
      region: REGION,
      eventEndsAt: new Date(Date.now() + 3_600_000),
      endpoint: enforcing.endpoint,
    });
    expect(accountId).toMatch(/^\d{12}$/);
    const row = await findLiveCredentials(db, attendee.id);
    expect(JSON.stringify(row)).not.toContain(valid.secretAccessKey);
    expect(new Date(row!.expires_at).getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });
});
