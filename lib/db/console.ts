import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { PortalDb } from "@/lib/db/connection";
import type { AwsMode } from "@/lib/db/schema";

const now = () => new Date().toISOString();

/** The one ownership question every instructor page, stream and action asks first. */
export async function isEventInstructor(
  db: PortalDb,
  eventId: string,
  instructorId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("event_instructors")
    .select("role")
    .where("event_id", "=", eventId)
    .where("instructor_id", "=", instructorId)
    .executeTakeFirst();
  return row !== undefined;
}

export function listEventInstructors(db: PortalDb, eventId: string) {
  return db
    .selectFrom("event_instructors")
    .innerJoin("instructors", "instructors.id", "event_instructors.instructor_id")
    .select([
      "instructors.id",
      "instructors.email",
      "instructors.display_name",
      "event_instructors.role",
      "event_instructors.added_at",
    ])
    .where("event_instructors.event_id", "=", eventId)
    .orderBy("event_instructors.added_at")
    .execute();
}

export async function addEventInstructor(
  db: PortalDb,
  input: { eventId: string; instructorId: string; role: "owner" | "co" },
) {
  await db
    .insertInto("event_instructors")
    .values({
      event_id: input.eventId,
      instructor_id: input.instructorId,
      role: input.role,
      added_at: now(),
    })
    .onConflict((conflict) => conflict.columns(["event_id", "instructor_id"]).doNothing())
    .execute();
}

/** The owner stays: an event is never left without an instructor who can see it. */
export async function removeEventInstructor(db: PortalDb, eventId: string, instructorId: string) {
  const result = await db
    .deleteFrom("event_instructors")
    .where("event_id", "=", eventId)
    .where("instructor_id", "=", instructorId)
    .where("role", "<>", "owner")
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export type EventSettings = {
  name: string;
  startsAt: Date | null;
  endsAt: Date;
  language: "ko" | "en";
  joiningOpen: boolean;
  attendeeCap: number | null;
  awsMode: AwsMode;
  roleArnTemplate: string | null;
  externalId: string | null;
  modulesEnabled: string[] | null;
  sharedDomain: string | null;
  sharedZoneId: string | null;
  instructorAccountId: string | null;
  crossaccountRole: string | null;
};

export async function updateEventSettings(db: PortalDb, eventId: string, settings: EventSettings) {
  await db
    .updateTable("events")
    .set({
      name: settings.name,
      starts_at: settings.startsAt?.toISOString() ?? null,
      ends_at: settings.endsAt.toISOString(),
      language: settings.language,
      joining_open: settings.joiningOpen ? 1 : 0,
      attendee_cap: settings.attendeeCap,
      aws_mode: settings.awsMode,
      role_arn_template: settings.roleArnTemplate,
      external_id: settings.externalId,
      modules_enabled: settings.modulesEnabled ? JSON.stringify(settings.modulesEnabled) : null,
      shared_domain: settings.sharedDomain,
      shared_zone_id: settings.sharedZoneId,
      instructor_account_id: settings.instructorAccountId,
      crossaccount_role: settings.crossaccountRole,
    })
    .where("id", "=", eventId)
    .execute();
}

export async function setJoinCode(db: PortalDb, eventId: string, joinCode: string) {
  await db.updateTable("events").set({ join_code: joinCode }).where("id", "=", eventId).execute();
}

export async function createBroadcast(
  db: PortalDb,
  input: { eventId: string; instructorId: string; body: string },
) {
  const row = {
    id: randomUUID(),
    event_id: input.eventId,
    instructor_id: input.instructorId,
    body: input.body,
    created_at: now(),
  };
  await db.insertInto("broadcasts").values(row).execute();
  return row;
}

export function recentBroadcasts(db: PortalDb, eventId: string, limit = 5) {
  return db
    .selectFrom("broadcasts")
    .select(["id", "body", "created_at"])
    .where("event_id", "=", eventId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

/** One open request per attendee: asking again moves it to the step they are on now. */
export async function requestHelp(
  db: PortalDb,
  input: { eventId: string; attendeeId: string; stepId: string },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("help_requests")
      .where("attendee_id", "=", input.attendeeId)
      .where("resolved_at", "is", null)
      .execute();
    await trx
      .insertInto("help_requests")
      .values({
        id: randomUUID(),
        event_id: input.eventId,
        attendee_id: input.attendeeId,
        step_id: input.stepId,
        created_at: now(),
        resolved_at: null,
        resolved_by: null,
      })
      .execute();
  });
}

export async function resolveHelp(
  db: PortalDb,
  input: { eventId: string; attendeeId: string; instructorId: string },
) {
  await db
    .updateTable("help_requests")
    .set({ resolved_at: now(), resolved_by: input.instructorId })
    .where("event_id", "=", input.eventId)
    .where("attendee_id", "=", input.attendeeId)
    .where("resolved_at", "is", null)
    .execute();
}

export function openHelpRequests(db: PortalDb, eventId: string) {
  return db
    .selectFrom("help_requests")
    .select(["attendee_id", "step_id", "created_at"])
    .where("event_id", "=", eventId)
    .where("resolved_at", "is", null)
    .execute();
}

export function helpRequestsOf(db: PortalDb, attendeeId: string) {
  return db
    .selectFrom("help_requests")
    .selectAll()
    .where("attendee_id", "=", attendeeId)
    .orderBy("created_at")
    .execute();
}

export type TimerChange =
  | { kind: "start"; minutes: number }
  | { kind: "extend"; minutes: number; attendeeId?: string }
  | { kind: "pause" }
  | { kind: "resume" }
  | { kind: "clear" };

/**
 * Running: `timer_ends_at` set. Paused: the time left in `timer_paused_ms`. One attendee's
 * extension lives on their row and adds to whatever the event's timer says.
 */
export async function changeTimer(db: PortalDb, eventId: string, change: TimerChange) {
  const ms = "minutes" in change ? change.minutes * 60_000 : 0;
  await db.transaction().execute(async (trx) => {
    const event = await trx
      .selectFrom("events")
      .select(["timer_ends_at", "timer_paused_ms"])
      .where("id", "=", eventId)
      .executeTakeFirstOrThrow();
    const remaining =
      event.timer_paused_ms ??
      (event.timer_ends_at ? Date.parse(event.timer_ends_at) - Date.now() : null);
    const set = (timer_ends_at: string | null, timer_paused_ms: number | null) =>
      trx
        .updateTable("events")
        .set({ timer_ends_at, timer_paused_ms })
        .where("id", "=", eventId)
        .execute();
    if (change.kind === "start") {
      await set(new Date(Date.now() + ms).toISOString(), null);
      await trx
        .updateTable("attendees")
        .set({ timer_extra_ms: 0 })
        .where("event_id", "=", eventId)
        .execute();
    } else if (change.kind === "extend" && change.attendeeId) {
      await trx
        .updateTable("attendees")
        .set((eb) => ({ timer_extra_ms: eb("timer_extra_ms", "+", ms) }))
        .where("id", "=", change.attendeeId)
        .where("event_id", "=", eventId)
        .execute();
    } else if (change.kind === "extend" && remaining !== null) {
      if (event.timer_paused_ms !== null) await set(null, event.timer_paused_ms + ms);
      else await set(new Date(Date.now() + remaining + ms).toISOString(), null);
    } else if (change.kind === "pause" && event.timer_ends_at && remaining !== null) {
      await set(null, Math.max(0, remaining));
    } else if (change.kind === "resume" && event.timer_paused_ms !== null) {
      await set(new Date(Date.now() + event.timer_paused_ms).toISOString(), null);
    } else if (change.kind === "clear") {
      await set(null, null);
    }
  });
}

export async function deleteAttendee(db: PortalDb, eventId: string, attendeeId: string) {
  await db
    .deleteFrom("attendees")
    .where("id", "=", attendeeId)
    .where("event_id", "=", eventId)
    .execute();
}

/** Progress starts over; the attendee, their credentials and what exists in AWS stay. */
export async function resetAttendeeProgress(db: PortalDb, attendeeId: string) {
  await db.transaction().execute(async (trx) => {
    for (const table of ["step_status", "activity", "step_memory", "help_requests"] as const) {
      await trx.deleteFrom(table).where("attendee_id", "=", attendeeId).execute();
    }
  });
}

/**
 * Changes to anything the grid shows, as one cheap string: a stream compares it every second and
 * rebuilds the grid only when it moved. Read from the database, so it sees other instances' writes.
 */
export async function gridFingerprint(db: PortalDb, eventId: string): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("step_status")
        .innerJoin("attendees", "attendees.id", "step_status.attendee_id")
        .where("attendees.event_id", "=", eventId)
        .select(
          sql<string>`coalesce(max(step_status.last_checked_at), '') || ':' || count(*)`.as("s"),
        )
        .as("status"),
      eb
        .selectFrom("attendees")
        .where("event_id", "=", eventId)
        .select(sql<string>`coalesce(max(created_at), '') || ':' || count(*)`.as("a"))
        .as("attendees"),
      eb
        .selectFrom("aws_credentials")
        .innerJoin("attendees", "attendees.id", "aws_credentials.attendee_id")
        .where("attendees.event_id", "=", eventId)
        .select(
          sql<string>`coalesce(max(aws_credentials.created_at), '') || ':' || count(*)`.as("c"),
        )
        .as("credentials"),
      eb
        .selectFrom("help_requests")
        .where("event_id", "=", eventId)
        .select(
          sql<string>`coalesce(max(created_at), '') || ':' || coalesce(max(resolved_at), '') || ':' || count(*)`.as(
            "h",
          ),
        )
        .as("help"),
      eb
        .selectFrom("activity")
        .innerJoin("attendees", "attendees.id", "activity.attendee_id")
        .where("attendees.event_id", "=", eventId)
        .select(sql<string>`coalesce(max(activity.created_at), '')`.as("x"))
        .as("activity"),
    ])
    .executeTakeFirst();
  return JSON.stringify(row ?? {});
}

/** Everything the grid is built from, in five queries whatever the class size. */
export async function gridRows(db: PortalDb, eventId: string) {
  const [attendees, statuses, credentials, help, checks] = await Promise.all([
    db
      .selectFrom("attendees")
      .select(["id", "display_name", "initials", "created_at", "last_seen_at", "timer_extra_ms"])
      .where("event_id", "=", eventId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("step_status")
      .innerJoin("attendees", "attendees.id", "step_status.attendee_id")
      .select([
        "step_status.attendee_id",
        "step_status.step_id",
        "step_status.state",
        "step_status.items_json",
        "step_status.first_checked_at",
        "step_status.last_checked_at",
        "step_status.passed_at",
      ])
      .where("attendees.event_id", "=", eventId)
      .execute(),
    db
      .selectFrom("aws_credentials")
      .innerJoin("attendees", "attendees.id", "aws_credentials.attendee_id")
      .select([
        "aws_credentials.attendee_id",
        "aws_credentials.source",
        "aws_credentials.expires_at",
      ])
      .where("attendees.event_id", "=", eventId)
      .execute(),
    openHelpRequests(db, eventId),
    db
      .selectFrom("activity")
      .innerJoin("attendees", "attendees.id", "activity.attendee_id")
      .select([
        "activity.attendee_id",
        "activity.step_id",
        "activity.outcome",
        "activity.created_at",
      ])
      .where("attendees.event_id", "=", eventId)
      .where("activity.kind", "=", "check")
      .orderBy("activity.created_at")
      .execute(),
  ]);
  return { attendees, statuses, credentials, help, checks };
}

export type GridRows = Awaited<ReturnType<typeof gridRows>>;

export function activityOf(db: PortalDb, attendeeId: string) {
  return db
    .selectFrom("activity")
    .selectAll()
    .where("attendee_id", "=", attendeeId)
    .orderBy("created_at")
    .execute();
}

/** The event's own timer and broadcasts, and which attendees have an extension: one read a second. */
export async function eventPulse(db: PortalDb, eventId: string) {
  const [event, broadcasts, extended] = await Promise.all([
    db
      .selectFrom("events")
      .select(["timer_ends_at", "timer_paused_ms"])
      .where("id", "=", eventId)
      .executeTakeFirst(),
    recentBroadcasts(db, eventId),
    db
      .selectFrom("attendees")
      .select(["id", "timer_extra_ms"])
      .where("event_id", "=", eventId)
      .where("timer_extra_ms", "<>", 0)
      .execute(),
  ]);
  return {
    timerEndsAt: event?.timer_ends_at ?? null,
    timerPausedMs: event?.timer_paused_ms ?? null,
    broadcasts,
    extraMs: new Map(extended.map((row) => [row.id, row.timer_extra_ms])),
  };
}

export type EventPulse = Awaited<ReturnType<typeof eventPulse>>;

export function listInstructorsWithEvents(db: PortalDb) {
  return db
    .selectFrom("instructors")
    .leftJoin("event_instructors", "event_instructors.instructor_id", "instructors.id")
    .leftJoin("events", "events.id", "event_instructors.event_id")
    .select([
      "instructors.email",
      "instructors.display_name",
      "events.join_code",
      "events.name as event_name",
      "event_instructors.role",
    ])
    .orderBy("instructors.email")
    .execute();
}

/** Their memberships go with them; events they created keep running under their co-instructors. */
export async function deleteInstructor(db: PortalDb, instructorId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("event_instructors").where("instructor_id", "=", instructorId).execute();
    await trx
      .updateTable("events")
      .set({ created_by: null })
      .where("created_by", "=", instructorId)
      .execute();
    await trx.deleteFrom("instructors").where("id", "=", instructorId).execute();
  });
}
