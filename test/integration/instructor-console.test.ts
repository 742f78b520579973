import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, type PortalDb } from "@/lib/db/connection";
import {
  addEventInstructor,
  changeTimer,
  eventPulse,
  gridFingerprint,
  gridRows,
  isEventInstructor,
  openHelpRequests,
  removeEventInstructor,
  requestHelp,
  resetAttendeeProgress,
  resolveHelp,
} from "@/lib/db/console";
import {
  acceptInstructorInvite,
  createInstructorInvite,
  INVITE_LIFETIME_MS,
  listOpenInvites,
  openInvite,
  withdrawInvite,
} from "@/lib/db/invites";
import { migrationProvider } from "@/lib/db/migrations";
import {
  createAttendee,
  createEvent,
  createInstructor,
  findInstructorByEmail,
  listEventsOf,
  listStepStatus,
  recordActivity,
  recordStepStatus,
} from "@/lib/db/queries";
import type { Database } from "@/lib/db/schema";
import { csv } from "@/lib/instructor/csv";
import { buildGrid, summarise, type GridStep } from "@/lib/instructor/grid";
import { timerFor } from "@/lib/instructor/pulse";
import { labDatabase } from "./lab-harness";

const STEPS: GridStep[] = [
  { moduleId: "compute", stepId: "s1", title: "One" },
  { moduleId: "compute", stepId: "s2", title: "Two" },
  { moduleId: "compute", stepId: "s3", title: "Three" },
];

async function instructor(db: PortalDb, name: string) {
  return createInstructor(db, {
    email: `${name}-${Math.random().toString(36).slice(2)}@aws101.local`,
    displayName: name,
    passwordHash: "x",
  });
}

async function event(db: PortalDb, createdBy: string | null) {
  return createEvent(db, {
    name: "Console",
    joinCode: `C${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    region: "ap-northeast-2",
    endsAt: new Date(Date.now() + 3_600_000),
    createdBy,
  });
}

describe("instructor console: database", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await labDatabase();
  });
  afterAll(() => db.destroy());

  it("0007 gives every existing event its creator as owner", async () => {
    const sqlite = new SQLite(":memory:");
    const raw = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const before = await new Migrator({
      db: raw,
      provider: migrationProvider,
      allowUnorderedMigrations: true,
    }).migrateTo("0005_audit_log");
    expect(before.error).toBeUndefined();
    sqlite
      .prepare("insert into instructors values ('i1', 'a@x', 'A', 'h', '2026-01-01T00:00:00Z')")
      .run();
    sqlite
      .prepare(
        "insert into events (id, name, join_code, region, ends_at, created_by, created_at) values ('e1', 'Old', 'OLDCODE1', 'ap-northeast-2', '2030-01-01T00:00:00Z', 'i1', '2026-01-01T00:00:00Z')",
      )
      .run();
    await migrate(raw);
    expect(await isEventInstructor(raw, "e1", "i1")).toBe(true);
    const [old] = await listEventsOf(raw, "i1");
    expect(old).toMatchObject({
      name: "Old",
      joining_open: 1,
      aws_mode: "sandbox",
      language: "ko",
    });
    await raw.destroy();
  });

  it("an instructor sees the events they own or were added to, and the owner cannot be removed", async () => {
    const owner = await instructor(db, "owner");
    const co = await instructor(db, "co");
    const stranger = await instructor(db, "stranger");
    const mine = await event(db, owner.id);
    await addEventInstructor(db, { eventId: mine.id, instructorId: co.id, role: "co" });
    await addEventInstructor(db, { eventId: mine.id, instructorId: co.id, role: "co" });
    expect((await listEventsOf(db, owner.id)).map((row) => row.id)).toEqual([mine.id]);
    expect((await listEventsOf(db, co.id)).map((row) => row.id)).toEqual([mine.id]);
    expect(await listEventsOf(db, stranger.id)).toEqual([]);
    expect(await isEventInstructor(db, mine.id, stranger.id)).toBe(false);
    expect(await removeEventInstructor(db, mine.id, owner.id)).toBe(false);
    expect(await removeEventInstructor(db, mine.id, co.id)).toBe(true);
    expect(await isEventInstructor(db, mine.id, co.id)).toBe(false);
  });

  it("an invitation by link: kept as a hash, taken once, then gone; expired or withdrawn ones too", async () => {
    const owner = await instructor(db, "owner");
    const mine = await event(db, owner.id);
    const email = `new-${Math.random().toString(36).slice(2)}@aws101.local`;
    const { token, expiresAt } = await createInstructorInvite(db, {
      eventId: mine.id,
      email: email.toUpperCase(),
      invitedBy: owner.id,
    });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(INVITE_LIFETIME_MS - 60_000);
    const stored = await db.selectFrom("instructor_invites").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await openInvite(db, token)).toMatchObject({ email, event_name: "Console" });
    expect(await listOpenInvites(db, mine.id)).toHaveLength(1);

    // Two clicks at once: one account, one membership, the other click finds the link gone.
    const takes = await Promise.all(
      [1, 2].map(() =>
        acceptInstructorInvite(db, { token, displayName: "New", passwordHash: "scrypt$a$b" }),
      ),
    );
    expect(takes.map((take) => take.state).sort()).toEqual(["created", "gone"]);
    const made = await findInstructorByEmail(db, email);
    expect(made).toMatchObject({ display_name: "New", password_hash: "scrypt$a$b" });
    expect(await isEventInstructor(db, mine.id, made?.id ?? "")).toBe(true);
    expect(await openInvite(db, token)).toBeUndefined();
    expect(await listOpenInvites(db, mine.id)).toEqual([]);

    const late = await createInstructorInvite(
      db,
      { eventId: mine.id, email: "late@aws101.local", invitedBy: owner.id },
      new Date(Date.now() - INVITE_LIFETIME_MS - 1),
    );
    expect(await openInvite(db, late.token)).toBeUndefined();
    expect(
      await acceptInstructorInvite(db, { token: late.token, displayName: "L", passwordHash: "x" }),
    ).toEqual({ state: "gone" });

    const withdrawn = await createInstructorInvite(db, {
      eventId: mine.id,
      email: "withdrawn@aws101.local",
      invitedBy: owner.id,
    });
    const [open] = await listOpenInvites(db, mine.id);
    const other = await event(db, owner.id);
    expect(await withdrawInvite(db, other.id, open?.token_hash ?? "")).toBe(false);
    expect(await withdrawInvite(db, mine.id, open?.token_hash ?? "")).toBe(true);
    expect(await openInvite(db, withdrawn.token)).toBeUndefined();
    expect(await findInstructorByEmail(db, "withdrawn@aws101.local")).toBeUndefined();
  });

  it("an invitation to an email that got an account meanwhile adds that account, password unchanged", async () => {
    const owner = await instructor(db, "owner");
    const mine = await event(db, owner.id);
    const { token } = await createInstructorInvite(db, {
      eventId: mine.id,
      email: "meanwhile@aws101.local",
      invitedBy: owner.id,
    });
    const existing = await createInstructor(db, {
      email: "meanwhile@aws101.local",
      displayName: "Meanwhile",
      passwordHash: "scrypt$own$hash",
    });
    expect(
      await acceptInstructorInvite(db, { token, displayName: "Other", passwordHash: "scrypt$x$y" }),
    ).toMatchObject({ state: "existingAdded", eventId: mine.id });
    expect(await findInstructorByEmail(db, "meanwhile@aws101.local")).toMatchObject({
      id: existing.id,
      display_name: "Meanwhile",
      password_hash: "scrypt$own$hash",
    });
    expect(await isEventInstructor(db, mine.id, existing.id)).toBe(true);
  });

  it("the timer runs, extends for everyone or one attendee, pauses and resumes", async () => {
    const created = await event(db, null);
    const [a, b] = await Promise.all([
      createAttendee(db, { eventId: created.id, displayName: "A", email: null }),
      createAttendee(db, { eventId: created.id, displayName: "B", email: null }),
    ]);
    const left = async (attendeeId: string) => {
      const timer = timerFor(await eventPulse(db, created.id), attendeeId);
      if (!timer) return undefined;
      return timer.state === "paused" ? timer.remainingMs : Date.parse(timer.endsAt) - Date.now();
    };
    expect(await left(a.id)).toBeUndefined();
    await changeTimer(db, created.id, { kind: "start", minutes: 30 });
    expect(Math.round((await left(a.id))! / 60_000)).toBe(30);
    await changeTimer(db, created.id, { kind: "extend", minutes: 10 });
    await changeTimer(db, created.id, { kind: "extend", minutes: 5, attendeeId: b.id });
    expect(Math.round((await left(a.id))! / 60_000)).toBe(40);
    expect(Math.round((await left(b.id))! / 60_000)).toBe(45);
    await changeTimer(db, created.id, { kind: "pause" });
    const paused = timerFor(await eventPulse(db, created.id), a.id);
    expect(paused?.state).toBe("paused");
    await changeTimer(db, created.id, { kind: "extend", minutes: 5 });
    await changeTimer(db, created.id, { kind: "resume" });
    expect(Math.round((await left(a.id))! / 60_000)).toBe(45);
    expect(Math.round((await left(b.id))! / 60_000)).toBe(50);
  });

  it("one open help request per attendee, resolved by the instructor; reset clears progress", async () => {
    const created = await event(db, null);
    const attendee = await createAttendee(db, {
      eventId: created.id,
      displayName: "Asker",
      email: null,
    });
    const before = await gridFingerprint(db, created.id);
    await requestHelp(db, { eventId: created.id, attendeeId: attendee.id, stepId: "s1" });
    await requestHelp(db, { eventId: created.id, attendeeId: attendee.id, stepId: "s2" });
    expect(await openHelpRequests(db, created.id)).toEqual([
      expect.objectContaining({ attendee_id: attendee.id, step_id: "s2" }),
    ]);
    const asked = await gridFingerprint(db, created.id);
    expect(asked).not.toBe(before);
    await resolveHelp(db, { eventId: created.id, attendeeId: attendee.id, instructorId: "i" });
    expect(await openHelpRequests(db, created.id)).toEqual([]);
    await recordStepStatus(db, {
      attendeeId: attendee.id,
      moduleId: "compute",
      stepId: "s1",
      state: "pass",
      itemsJson: "[]",
    });
    expect(await gridFingerprint(db, created.id)).not.toBe(asked);
    await resetAttendeeProgress(db, attendee.id);
    expect(await listStepStatus(db, attendee.id)).toEqual([]);
  });

  it("the grid reads what was recorded: states, current step, credentials, a repeated failing item", async () => {
    const created = await event(db, null);
    const attendee = await createAttendee(db, {
      eventId: created.id,
      displayName: "Repeat",
      email: null,
    });
    await recordStepStatus(db, {
      attendeeId: attendee.id,
      moduleId: "compute",
      stepId: "s1",
      state: "pass",
      itemsJson: "[]",
    });
    await recordStepStatus(db, {
      attendeeId: attendee.id,
      moduleId: "compute",
      stepId: "s2",
      state: "fail",
      itemsJson: JSON.stringify([
        { id: "ok-item", status: "pass" },
        { id: "sg-port", status: "fail" },
      ]),
    });
    for (let i = 0; i < 3; i += 1) {
      await recordActivity(db, {
        attendeeId: attendee.id,
        stepId: "s2",
        kind: "check",
        outcome: "fail",
      });
    }
    const grid = buildGrid(STEPS, await gridRows(db, created.id));
    const [row] = grid.attendees;
    expect(row).toMatchObject({
      name: "Repeat",
      credential: "none",
      passed: 1,
      states: { s1: "pass", s2: "fail", s3: "not-started" },
      current: { stepId: "s2" },
      stuck: { kind: "repeat", itemId: "sg-port", checks: 3 },
    });
    expect(grid.totals.s2).toEqual({ fail: 1 });
  });
});

describe("instructor console: grid and summary", () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, minutes)).toISOString();
  const joined = at(0);
  const attendee = (id: string) => ({
    id,
    display_name: id,
    created_at: joined,
    last_seen_at: joined,
  });
  const pass = (attendeeId: string, stepId: string, minute: number) => ({
    attendee_id: attendeeId,
    step_id: stepId,
    state: "pass" as const,
    items_json: "[]",
    passed_at: at(minute),
  });

  it("flags someone on a step for more than twice the class median and five minutes", () => {
    const rows = {
      attendees: ["fast1", "fast2", "fast3", "slow"].map(attendee),
      // s1 took the fast ones 4 minutes; s2 took them 3.
      statuses: [
        ...["fast1", "fast2", "fast3"].flatMap((id) => [pass(id, "s1", 4), pass(id, "s2", 7)]),
        pass("slow", "s1", 4),
      ],
      credentials: [{ attendee_id: "fast1", source: "sandbox", expires_at: at(5) }],
      help: [],
      checks: [],
    };
    const grid = buildGrid(STEPS, rows, Date.parse(at(12)));
    const slow = grid.attendees.find((row) => row.id === "slow");
    expect(slow?.stuck).toEqual({ kind: "slow", minutes: 8, medianMinutes: 3 });
    expect(grid.attendees.find((row) => row.id === "fast1")).toMatchObject({
      credential: "expired",
      stuck: null,
      current: { stepId: "s3", since: at(7) },
    });
    // Six minutes is not more than twice a median of three: not stuck yet.
    expect(buildGrid(STEPS, rows, Date.parse(at(10))).attendees.at(-1)?.stuck).toBeNull();
  });

  it("summarises the funnel, the median time and the most frequent failing items", () => {
    const summary = summarise(STEPS, {
      attendees: ["a", "b", "c"].map(attendee),
      statuses: [
        pass("a", "s1", 2),
        pass("b", "s1", 4),
        pass("c", "s1", 6),
        pass("a", "s2", 12),
        {
          attendee_id: "b",
          step_id: "s2",
          state: "fail",
          items_json: JSON.stringify([{ id: "web-reach", status: "fail" }]),
          passed_at: null,
        },
        {
          attendee_id: "c",
          step_id: "s2",
          state: "fail",
          items_json: JSON.stringify([{ id: "web-reach", status: "fail" }]),
          passed_at: null,
        },
      ],
      credentials: [],
      help: [],
      checks: [],
    });
    expect(
      summary.map(({ reached, passed, medianMinutes }) => [reached, passed, medianMinutes]),
    ).toEqual([
      [3, 3, 4],
      [3, 1, 10],
      [0, 0, null],
    ]);
    expect(summary[1]?.failingItems).toEqual([{ itemId: "web-reach", count: 2 }]);
  });

  it("exports CSV a spreadsheet cannot run as a formula", () => {
    expect(
      csv([
        ["name", "note"],
        ["=HYPERLINK(1)", 'say "hi", ok'],
      ]),
    ).toBe(`name,note\r\n'=HYPERLINK(1),"say ""hi"", ok"\r\n`);
  });
});
