import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { PortalDb } from "@/lib/db/connection";
import type {
  Attendee,
  AwsCredentialRow,
  CredentialSource,
  Instructor,
  PortalEvent,
  StepState,
  ActivityKind,
  StepStatusRow,
} from "@/lib/db/schema";
import { EVENT_CONSOLE_DEFAULTS } from "@/lib/db/schema";
import type { Sealed } from "@/lib/crypto";
import { claimPeriodicRun } from "@/lib/db/leases";

const now = () => new Date().toISOString();

export async function createInstructor(
  db: PortalDb,
  input: { email: string; displayName: string; passwordHash: string },
): Promise<Instructor> {
  const row = {
    id: randomUUID(),
    email: input.email.toLowerCase(),
    display_name: input.displayName,
    password_hash: input.passwordHash,
    created_at: now(),
  };
  await db.insertInto("instructors").values(row).execute();
  return row;
}

export async function updateInstructorPassword(db: PortalDb, email: string, passwordHash: string) {
  await db
    .updateTable("instructors")
    .set({ password_hash: passwordHash })
    .where("email", "=", email.toLowerCase())
    .execute();
}

export function findInstructorByEmail(db: PortalDb, email: string) {
  return db
    .selectFrom("instructors")
    .selectAll()
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
}

export function findInstructorById(db: PortalDb, id: string) {
  return db.selectFrom("instructors").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function createEvent(
  db: PortalDb,
  input: { name: string; joinCode: string; region: string; endsAt: Date; createdBy: string | null },
): Promise<PortalEvent> {
  const row = {
    id: randomUUID(),
    name: input.name,
    join_code: input.joinCode.toUpperCase(),
    region: input.region,
    ends_at: input.endsAt.toISOString(),
    created_by: input.createdBy,
    created_at: now(),
    shared_domain: null,
    shared_zone_id: null,
    instructor_account_id: null,
    crossaccount_role: null,
    ...EVENT_CONSOLE_DEFAULTS,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("events").values(row).execute();
    if (input.createdBy) {
      await trx
        .insertInto("event_instructors")
        .values({
          event_id: row.id,
          instructor_id: input.createdBy,
          role: "owner",
          added_at: now(),
        })
        .execute();
    }
  });
  return row;
}

export function findEventByJoinCode(db: PortalDb, joinCode: string) {
  return db
    .selectFrom("events")
    .selectAll()
    .where("join_code", "=", joinCode.trim().toUpperCase())
    .executeTakeFirst();
}

export async function setEventEnd(db: PortalDb, id: string, endsAt: Date) {
  await db
    .updateTable("events")
    .set({ ends_at: endsAt.toISOString() })
    .where("id", "=", id)
    .execute();
}

export function findEventById(db: PortalDb, id: string) {
  return db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
}

/** An instructor sees the events they own or were added to, never another instructor's attendees. */
export function listEventsOf(db: PortalDb, instructorId: string) {
  return db
    .selectFrom("events")
    .innerJoin("event_instructors", "event_instructors.event_id", "events.id")
    .selectAll("events")
    .where("event_instructors.instructor_id", "=", instructorId)
    .orderBy("events.created_at", "desc")
    .execute();
}

export async function createAttendee(
  db: PortalDb,
  input: { eventId: string; displayName: string; email: string | null },
): Promise<Attendee> {
  const at = now();
  const row = {
    id: randomUUID(),
    event_id: input.eventId,
    display_name: input.displayName,
    email: input.email,
    created_at: at,
    last_seen_at: at,
    initials: null,
    last_client_ip: null,
    timer_extra_ms: 0,
  };
  await db.insertInto("attendees").values(row).execute();
  return row;
}

export function findAttendee(db: PortalDb, id: string) {
  return db.selectFrom("attendees").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listAttendees(db: PortalDb, eventId: string) {
  return db
    .selectFrom("attendees")
    .selectAll()
    .where("event_id", "=", eventId)
    .orderBy("created_at")
    .execute();
}

export async function countAttendees(db: PortalDb, eventId: string): Promise<number> {
  const row = await db
    .selectFrom("attendees")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function touchAttendee(db: PortalDb, id: string, clientIp?: string) {
  await db
    .updateTable("attendees")
    .set(clientIp ? { last_seen_at: now(), last_client_ip: clientIp } : { last_seen_at: now() })
    .where("id", "=", id)
    .execute();
}

export type BackgroundCandidate = {
  attendeeId: string;
  eventId: string;
  clientIp: string | null;
  moduleId: string;
  checkedAt: string | null;
};

/**
 * Modules attendees have started whose stored status is older than `staleBefore`, oldest first:
 * only attendees seen since `activeSince`, in an event still running, with live credentials.
 */
export async function listStaleModules(
  db: PortalDb,
  input: { staleBefore: string; activeSince: string; limit: number },
): Promise<BackgroundCandidate[]> {
  const at = now();
  const started = db
    .selectFrom("step_status")
    .select(["attendee_id", "module_id"])
    .distinct()
    .as("started");
  const rows = await db
    .selectFrom("attendees")
    .innerJoin("events", "events.id", "attendees.event_id")
    .innerJoin("aws_credentials", "aws_credentials.attendee_id", "attendees.id")
    .innerJoin(started, "started.attendee_id", "attendees.id")
    .leftJoin("module_status", (join) =>
      join
        .onRef("module_status.attendee_id", "=", "attendees.id")
        .onRef("module_status.module_id", "=", "started.module_id"),
    )
    .select([
      "attendees.id as attendeeId",
      "attendees.event_id as eventId",
      "attendees.last_client_ip as clientIp",
      "started.module_id as moduleId",
      "module_status.checked_at as checkedAt",
    ])
    .where("events.ends_at", ">", at)
    .where("aws_credentials.expires_at", ">", at)
    .where("attendees.last_seen_at", ">=", input.activeSince)
    .where((eb) =>
      eb.or([
        eb("module_status.checked_at", "is", null),
        eb("module_status.checked_at", "<", input.staleBefore),
      ]),
    )
    .orderBy((eb) => eb.fn.coalesce("module_status.checked_at", eb.val("")))
    .limit(input.limit)
    .execute();
  return rows;
}

export async function saveCredentials(
  db: PortalDb,
  input: {
    attendeeId: string;
    source: CredentialSource;
    accountId: string;
    principalArn: string;
    region: string;
    sealed: Sealed;
    expiresAt: Date;
  },
) {
  const row: AwsCredentialRow = {
    attendee_id: input.attendeeId,
    source: input.source,
    account_id: input.accountId,
    principal_arn: input.principalArn,
    region: input.region,
    ciphertext: input.sealed.ciphertext,
    iv: input.sealed.iv,
    tag: input.sealed.tag,
    expires_at: input.expiresAt.toISOString(),
    created_at: now(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("aws_credentials").where("attendee_id", "=", input.attendeeId).execute();
    await trx.insertInto("aws_credentials").values(row).execute();
  });
}

const EXPIRY_SWEEP_INTERVAL_MS = 60_000;
const sweepClock = ((
  globalThis as { __aws101ExpirySweep?: { checkedAt: number } }
).__aws101ExpirySweep ??= { checkedAt: 0 });

/**
 * Everyone's expired rows (credentials and key downloads) are swept at most once a minute, and by
 * one portal instance of all those sharing the database (a lease), so polling panels don't turn
 * into a stream of deletes.
 */
async function sweepExpiredSecrets(db: PortalDb) {
  if (Date.now() - sweepClock.checkedAt <= EXPIRY_SWEEP_INTERVAL_MS) return;
  sweepClock.checkedAt = Date.now();
  if (!(await claimPeriodicRun(db, "sweep:expired-secrets", EXPIRY_SWEEP_INTERVAL_MS))) return;
  await deleteExpiredCredentials(db);
  await deleteExpiredDownloads(db);
}

/** An expired secret is deleted the moment it is read and never returned. */
export async function findLiveCredentials(db: PortalDb, attendeeId: string) {
  await sweepExpiredSecrets(db);
  const row = await db
    .selectFrom("aws_credentials")
    .selectAll()
    .where("attendee_id", "=", attendeeId)
    .executeTakeFirst();
  if (row && row.expires_at <= now()) {
    await deleteCredentials(db, attendeeId);
    return undefined;
  }
  return row;
}

export async function deleteCredentials(db: PortalDb, attendeeId: string) {
  await db.deleteFrom("aws_credentials").where("attendee_id", "=", attendeeId).execute();
}

export async function deleteExpiredCredentials(db: PortalDb) {
  await db.deleteFrom("aws_credentials").where("expires_at", "<=", now()).execute();
}

/** One statement, so two refreshes recording the same step at once can't collide. */
export async function recordStepStatus(
  db: PortalDb,
  input: {
    attendeeId: string;
    moduleId: string;
    stepId: string;
    state: StepState;
    itemsJson: string;
  },
) {
  const at = now();
  await db
    .insertInto("step_status")
    .values({
      attendee_id: input.attendeeId,
      step_id: input.stepId,
      module_id: input.moduleId,
      state: input.state,
      items_json: input.itemsJson,
      first_checked_at: at,
      last_checked_at: at,
      passed_at: input.state === "pass" ? at : null,
      fail_count: input.state === "fail" ? 1 : 0,
    })
    .onConflict((conflict) =>
      conflict.columns(["attendee_id", "step_id"]).doUpdateSet((eb) => ({
        state: eb.ref("excluded.state"),
        items_json: eb.ref("excluded.items_json"),
        last_checked_at: eb.ref("excluded.last_checked_at"),
        passed_at: sql<
          string | null
        >`case when excluded.state = 'pass' then coalesce(step_status.passed_at, excluded.last_checked_at) else step_status.passed_at end`,
        fail_count: sql<number>`step_status.fail_count + case when excluded.state = 'fail' and step_status.state <> 'fail' then 1 else 0 end`,
      })),
    )
    .execute();
}

export function listStepStatus(db: PortalDb, attendeeId: string): Promise<StepStatusRow[]> {
  return db.selectFrom("step_status").selectAll().where("attendee_id", "=", attendeeId).execute();
}

export function listEventStepStatus(db: PortalDb, eventId: string) {
  return db
    .selectFrom("step_status")
    .innerJoin("attendees", "attendees.id", "step_status.attendee_id")
    .select([
      "step_status.attendee_id",
      "step_status.step_id",
      "step_status.state",
      "step_status.last_checked_at",
      "step_status.fail_count",
    ])
    .where("attendees.event_id", "=", eventId)
    .execute();
}

export async function recordActivity(
  db: PortalDb,
  input: { attendeeId: string; stepId: string; kind: ActivityKind; outcome: string },
) {
  await db
    .insertInto("activity")
    .values({
      id: randomUUID(),
      attendee_id: input.attendeeId,
      step_id: input.stepId,
      kind: input.kind,
      outcome: input.outcome,
      created_at: now(),
    })
    .execute();
}

/** Records the first time an attendee opens a step; returns whether this was that first time. */
export async function markStepOpened(db: PortalDb, attendeeId: string, stepId: string) {
  const seen = await db
    .selectFrom("activity")
    .select("id")
    .where("attendee_id", "=", attendeeId)
    .where("step_id", "=", stepId)
    .executeTakeFirst();
  if (seen) return false;
  await recordActivity(db, { attendeeId, stepId, kind: "open", outcome: "opened" });
  return true;
}

/** Steps the attendee opened, checked or asked do-it-for-me about. */
export async function listTouchedSteps(db: PortalDb, attendeeId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("activity")
    .select("step_id")
    .distinct()
    .where("attendee_id", "=", attendeeId)
    .execute();
  return new Set(rows.map((row) => row.step_id));
}

export async function createSecretDownload(
  db: PortalDb,
  input: { token: string; attendeeId: string; filename: string; sealed: Sealed; expiresAt: Date },
) {
  await db
    .insertInto("secret_downloads")
    .values({
      token: input.token,
      attendee_id: input.attendeeId,
      filename: input.filename,
      ciphertext: input.sealed.ciphertext,
      iv: input.sealed.iv,
      tag: input.sealed.tag,
      expires_at: input.expiresAt.toISOString(),
      created_at: now(),
    })
    .execute();
}

/** A key link nobody opened in time is deleted with the sealed key in it, not kept forever. */
export async function deleteExpiredDownloads(db: PortalDb) {
  await db.deleteFrom("secret_downloads").where("expires_at", "<=", now()).execute();
}

/** Which of these downloads of the attendee are still there to take. */
export async function liveDownloadTokens(db: PortalDb, attendeeId: string, tokens: string[]) {
  if (tokens.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom("secret_downloads")
    .select("token")
    .where("attendee_id", "=", attendeeId)
    .where("token", "in", tokens)
    .where("expires_at", ">", now())
    .execute();
  return new Set(rows.map((row) => row.token));
}

/** One-time: the row is deleted in the same transaction that reads it. */
export async function takeSecretDownload(db: PortalDb, token: string, attendeeId: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("secret_downloads")
      .selectAll()
      .where("token", "=", token)
      .where("attendee_id", "=", attendeeId)
      .where("expires_at", ">", now())
      .executeTakeFirst();
    if (row) await trx.deleteFrom("secret_downloads").where("token", "=", token).execute();
    return row;
  });
}

export async function readStepMemory(
  db: PortalDb,
  attendeeId: string,
  stepId: string,
): Promise<unknown> {
  const row = await db
    .selectFrom("step_memory")
    .select("value_json")
    .where("attendee_id", "=", attendeeId)
    .where("step_id", "=", stepId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as unknown) : undefined;
}

export async function writeStepMemory(
  db: PortalDb,
  input: { attendeeId: string; stepId: string; value: unknown },
) {
  const values = {
    attendee_id: input.attendeeId,
    step_id: input.stepId,
    value_json: JSON.stringify(input.value),
    updated_at: now(),
  };
  await db
    .insertInto("step_memory")
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(["attendee_id", "step_id"]).doUpdateSet({
        value_json: values.value_json,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}

export type SharedZoneSettings = {
  domain: string;
  zoneId: string | null;
  instructorAccountId: string;
  roleName: string;
};

export async function setEventSharedZone(db: PortalDb, eventId: string, zone: SharedZoneSettings) {
  await db
    .updateTable("events")
    .set({
      shared_domain: zone.domain,
      shared_zone_id: zone.zoneId,
      instructor_account_id: zone.instructorAccountId,
      crossaccount_role: zone.roleName,
    })
    .where("id", "=", eventId)
    .execute();
}

/** False when another attendee of the event has these initials, or the attendee already chose. */
export async function setAttendeeInitials(
  db: PortalDb,
  input: { attendeeId: string; eventId: string; initials: string; email: string | null },
): Promise<boolean> {
  const taken = await db
    .selectFrom("attendees")
    .select("id")
    .where("event_id", "=", input.eventId)
    .where("initials", "=", input.initials)
    .where("id", "!=", input.attendeeId)
    .executeTakeFirst();
  if (taken) return false;
  try {
    const result = await db
      .updateTable("attendees")
      .set({ initials: input.initials, email: input.email })
      .where("id", "=", input.attendeeId)
      .where("initials", "is", null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  } catch (error) {
    // Two attendees choosing the same initials at once: the unique index decides.
    if (/unique/i.test(String(error))) return false;
    throw error;
  }
}

/** Replaces the attendee's known public IPs with what their account shows now. */
export async function rememberAddresses(
  db: PortalDb,
  input: { attendeeId: string; eventId: string; publicIps: string[] },
) {
  const at = now();
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("attendee_addresses")
      .where("attendee_id", "=", input.attendeeId)
      .execute();
    for (const publicIp of new Set(input.publicIps)) {
      await trx
        .insertInto("attendee_addresses")
        .values({
          attendee_id: input.attendeeId,
          event_id: input.eventId,
          public_ip: publicIp,
          seen_at: at,
        })
        .execute();
    }
  });
}

/** Which attendee of the event was last seen with this public IP (their display name and initials). */
export function findAddressOwner(db: PortalDb, eventId: string, publicIp: string) {
  return db
    .selectFrom("attendee_addresses")
    .innerJoin("attendees", "attendees.id", "attendee_addresses.attendee_id")
    .select(["attendees.id", "attendees.display_name", "attendees.initials"])
    .where("attendee_addresses.event_id", "=", eventId)
    .where("attendee_addresses.public_ip", "=", publicIp)
    .orderBy("attendee_addresses.seen_at", "desc")
    .executeTakeFirst();
}
