// The global database of these tests' own process, and a small attendee cap, before anything reads env().
process.env.DATABASE_URL = "file::memory:";
process.env.MAX_ATTENDEES_PER_EVENT = "3";

import { TerminateInstancesCommand } from "@aws-sdk/client-ec2";
import type { User } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { createAwsClients } from "@/lib/aws/client";
import { assumeSandboxAccount } from "@/lib/aws/identity";
import { connectSandbox } from "@/lib/credentials";
import { hashPassword, verifyPassword } from "@/lib/crypto";
import { db } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { listEventAudit } from "@/lib/db/audit";
import { addEventInstructor } from "@/lib/db/console";
import type { PortalDb } from "@/lib/db/connection";
import {
  createEvent,
  createInstructor,
  createSecretDownload,
  deleteExpiredDownloads,
} from "@/lib/db/queries";
import { audited, credentialsSubject } from "@/lib/lab/audit";
import { recordedModuleStatus } from "@/lib/lab/guard";
import {
  applyStep,
  checkStep,
  evaluationCounts,
  moduleStatus,
  openStep,
  type AttendeeRef,
} from "@/lib/lab/runner";
import { REGION, emulatorEndpoint, freshAccountId } from "./emulator";
import { attendeeIn, labDatabase, labRuntime, sandboxAttendee } from "./lab-harness";

/** The joining request's cookie jar: what the attendee's browser sent and what the answer sets. */
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

vi.mock("@/lib/crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/crypto")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

type Authorize = (
  raw: Record<string, string>,
  request: { headers: Record<string, string> },
) => Promise<User | null>;

/** next-auth keeps what a credentials provider was given under `options`. */
function provider(id: string): Authorize {
  const providers = authOptions.providers as unknown as {
    options: { id: string; authorize: Authorize };
  }[];
  const found = providers.find((candidate) => candidate.options.id === id);
  if (!found) throw new Error(`no provider ${id}`);
  return (raw, request) => found.options.authorize(raw, request);
}

const fromAddress = (address: string) => ({ headers: { "x-forwarded-for": address } });

describe("instructor sign-in", () => {
  const signIn = provider("instructor");
  const email = "teacher@example.com";
  beforeAll(async () => {
    await createInstructor(await db(), {
      email,
      displayName: "Teacher",
      passwordHash: await hashPassword("correct horse battery"),
    });
  });

  it("does the same scrypt work for an unknown email as for a known one", async () => {
    vi.mocked(verifyPassword).mockClear();
    expect(
      await signIn({ email: "nobody@example.com", password: "guess" }, fromAddress("192.0.2.1")),
    ).toBeNull();
    expect(await signIn({ email, password: "guess" }, fromAddress("192.0.2.1"))).toBeNull();
    const hashes = vi.mocked(verifyPassword).mock.calls.map(([, stored]) => stored.split("$"));
    expect(hashes).toHaveLength(2);
    for (const [scheme, salt, hash] of hashes) {
      expect(scheme).toBe("scrypt");
      expect(Buffer.from(salt ?? "", "base64")).toHaveLength(16);
      expect(Buffer.from(hash ?? "", "base64")).toHaveLength(64);
    }
  });

  it("locks an email after five failures from anywhere, even for the right password", async () => {
    const target = "locked@example.com";
    await createInstructor(await db(), {
      email: target,
      displayName: "Locked",
      passwordHash: await hashPassword("the right one"),
    });
    for (let i = 0; i < 5; i += 1) {
      expect(
        await signIn({ email: target, password: `wrong-${i}` }, fromAddress(`198.51.100.${i + 1}`)),
      ).toBeNull();
    }
    vi.mocked(verifyPassword).mockClear();
    await expect(
      signIn({ email: target, password: "the right one" }, fromAddress("198.51.100.99")),
    ).rejects.toThrow("too_many_attempts");
    expect(verifyPassword).not.toHaveBeenCalled();
  });

  it("locks a client that tries many emails, and only that client", async () => {
    const guesser = fromAddress("203.0.113.77");
    for (let i = 0; i < 10; i += 1) {
      expect(await signIn({ email: `guess-${i}@example.com`, password: "x" }, guesser)).toBeNull();
    }
    await expect(signIn({ email, password: "correct horse battery" }, guesser)).rejects.toThrow(
      "too_many_attempts",
    );
    expect(
      await signIn({ email, password: "correct horse battery" }, fromAddress("203.0.113.78")),
    ).toMatchObject({
      role: "instructor",
    });
  });
});

describe("joining", () => {
  it("caps the attendees of one join code", async () => {
    const join = provider("attendee");
    await createEvent(await db(), {
      name: "Small",
      joinCode: "SMALL123",
      region: REGION,
      endsAt: new Date(Date.now() + 3_600_000),
      createdBy: null,
    });
    for (let i = 0; i < 3; i += 1) {
      expect(
        await join({ joinCode: "small123", displayName: `A${i}` }, fromAddress("192.0.2.10")),
      ).toMatchObject({ role: "attendee" });
    }
    await expect(
      join({ joinCode: "SMALL123", displayName: "Fourth" }, fromAddress("192.0.2.10")),
    ).rejects.toThrow("event_full");
  });

  it("gives the attendee the class's language, unless they chose one with the switch", async () => {
    const join = provider("attendee");
    const event = await createEvent(await db(), {
      name: "English class",
      joinCode: "ENGLISH1",
      region: REGION,
      endsAt: new Date(Date.now() + 3_600_000),
      createdBy: null,
    });
    await (
      await db()
    )
      .updateTable("events")
      .set({ language: "en" })
      .where("id", "=", event.id)
      .execute();
    jar.clear();
    await join({ joinCode: "ENGLISH1", displayName: "New" }, fromAddress("192.0.2.11"));
    expect(jar.get(LOCALE_COOKIE)).toBe("en");

    jar.clear();
    jar.set(LOCALE_COOKIE, "ko");
    await join({ joinCode: "ENGLISH1", displayName: "Chose Korean" }, fromAddress("192.0.2.11"));
    expect(jar.get(LOCALE_COOKIE)).toBe("ko");
  });
});

// Each test makes an attendee and acts in the emulator; on a busy machine that alone takes 20 s.
describe("the runner's AWS work", { timeout: 120_000 }, () => {
  let database: PortalDb;
  beforeAll(async () => {
    database = await labDatabase();
  });
  afterAll(() => database.destroy());

  it("shares one read of AWS between concurrent Checks of one account", async () => {
    const { ref } = await sandboxAttendee(database);
    const runtime = labRuntime(database);
    await openStep(runtime, ref, "ec2-launch");
    const evaluations = () => evaluationCounts().byAttendee.get(ref.attendeeId) ?? 0;
    const before = evaluations();
    const checks = await Promise.all(
      Array.from({ length: 8 }, () => checkStep(runtime, ref, "ec2-launch")),
    );
    expect(evaluations() - before).toBe(1);
    expect(new Set(checks.map((check) => check?.checkedAt)).size).toBe(1);
    expect(checks.every((check) => check?.result?.state === "fail")).toBe(true);
  });

  it("records every do-it-for-me entry with who, for whom, what, the result and AWS request ids", async () => {
    const instructor = await createInstructor(database, {
      email: "owner@example.com",
      displayName: "Owner",
      passwordHash: "scrypt$x$y",
    });
    const other = await createInstructor(database, {
      email: "other@example.com",
      displayName: "Other",
      passwordHash: "scrypt$x$y",
    });
    const { ref, accountId } = await sandboxAttendee(database);
    await database
      .updateTable("events")
      .set({ created_by: instructor.id })
      .where("id", "=", ref.eventId)
      .execute();
    await addEventInstructor(database, {
      eventId: ref.eventId,
      instructorId: instructor.id,
      role: "owner",
    });
    const outcome = await applyStep(labRuntime(database), ref, "ec2-launch");
    expect(outcome.problem).toBeUndefined();

    const rows = await listEventAudit(database, {
      eventId: ref.eventId,
      instructorId: instructor.id,
    });
    expect(rows.map((row) => row.entry_id).sort()).toEqual(
      outcome.done.map((entry) => entry.id).sort(),
    );
    for (const row of rows) {
      expect(row).toMatchObject({
        actor_kind: "attendee",
        actor_id: ref.attendeeId,
        attendee_id: ref.attendeeId,
        account_id: accountId,
        action: "do",
        step_id: "ec2-launch",
        outcome: "ok",
        error_code: null,
        attendee_name: "Tester",
      });
      expect(row.awsRequests.length).toBeGreaterThan(0);
    }
    const launch = rows
      .flatMap((row) => row.awsRequests)
      .find((request) => request.operation === "EC2:RunInstances");
    expect(launch?.requestId).toMatch(/\S{8,}/);

    // Another instructor reads nothing of this event's log.
    expect(
      await listEventAudit(database, { eventId: ref.eventId, instructorId: other.id }),
    ).toEqual([]);
  });

  it("records a failed mutation with its AWS error code, and a credentials connect", async () => {
    const { attendee, event } = await attendeeIn(database);
    const ref: AttendeeRef = { attendeeId: attendee.id, eventId: event.id };
    const connected = await audited(
      database,
      credentialsSubject(ref, "credentials.sandbox"),
      () =>
        connectSandbox(database, {
          attendeeId: attendee.id,
          endpoint: emulatorEndpoint(),
          region: REGION,
        }),
      (result) => result.accountId,
    );
    const credentials = await assumeSandboxAccount({
      endpoint: emulatorEndpoint(),
      region: REGION,
      accountId: freshAccountId(),
      sessionName: "audit",
      durationSeconds: 900,
    });
    const aws = createAwsClients({ credentials, region: REGION, endpoint: emulatorEndpoint() });
    await expect(
      audited(database, { ...credentialsSubject(ref, "credentials.own"), action: "undo" }, () =>
        aws.ec2().send(new TerminateInstancesCommand({ InstanceIds: ["i-0123456789abcdef0"] })),
      ),
    ).rejects.toThrow();

    const rows = await database
      .selectFrom("audit_log")
      .selectAll()
      .where("attendee_id", "=", attendee.id)
      .orderBy("created_at")
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      action: "credentials.sandbox",
      account_id: connected.accountId,
      outcome: "ok",
    });
    expect(JSON.parse(rows[0]?.aws_requests ?? "[]")).toEqual(
      expect.arrayContaining([expect.objectContaining({ operation: "STS:AssumeRole" })]),
    );
    expect(rows[1]).toMatchObject({ outcome: "failed", error_code: "InvalidInstanceID.NotFound" });
    expect(JSON.parse(rows[1]?.aws_requests ?? "[]")).toEqual([
      expect.objectContaining({
        operation: "EC2:TerminateInstances",
        errorCode: "InvalidInstanceID.NotFound",
      }),
    ]);
  });

  it("after the event, shows what was recorded without reading AWS", async () => {
    const { ref } = await sandboxAttendee(database);
    const runtime = labRuntime(database);
    await applyStep(runtime, ref, "ec2-launch");
    const live = await moduleStatus(runtime, ref, "compute", { fresh: true });
    const before = evaluationCounts().total;
    const recorded = await recordedModuleStatus(database, ref.attendeeId, "compute");
    expect(evaluationCounts().total).toBe(before);
    expect(recorded?.problem).toEqual({ code: "event_ended" });
    expect(recorded?.awsCalls).toBe(0);
    expect(recorded?.steps.map((step) => [step.stepId, step.state])).toEqual(
      live?.steps.map((step) => [step.stepId, step.state]),
    );
  });
});

describe("one-time key downloads", () => {
  it("are swept once expired, whether or not anyone opens them", async () => {
    const database = await labDatabase();
    const { attendee } = await attendeeIn(database);
    const sealed = { ciphertext: "x", iv: "y", tag: "z" };
    for (const [token, expiresIn] of [
      ["expired-token-aaaaaaaaaa", -1000],
      ["live-token-bbbbbbbbbbbbb", 60_000],
    ] as const) {
      await createSecretDownload(database, {
        token,
        attendeeId: attendee.id,
        filename: "awslab.pem",
        sealed,
        expiresAt: new Date(Date.now() + expiresIn),
      });
    }
    await deleteExpiredDownloads(database);
    const left = await database.selectFrom("secret_downloads").select("token").execute();
    expect(left.map((row) => row.token)).toEqual(["live-token-bbbbbbbbbbbbb"]);
    await database.destroy();
  });
});
