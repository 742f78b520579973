import "server-only";
import { randomUUID } from "node:crypto";
import type { PortalDb } from "@/lib/db/connection";
import type { CleanupAttendeeState } from "@/lib/db/schema";

const now = () => new Date().toISOString();

/** A new run over every attendee of the event, all queued; the caller has checked ownership. */
export async function createCleanupRun(
  db: PortalDb,
  input: { eventId: string; instructorId: string },
): Promise<string> {
  const id = randomUUID();
  const at = now();
  const attendees = await db
    .selectFrom("attendees")
    .select(["id", "display_name"])
    .where("event_id", "=", input.eventId)
    .orderBy("created_at")
    .execute();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("cleanup_runs")
      .values({
        id,
        event_id: input.eventId,
        instructor_id: input.instructorId,
        state: "running",
        created_at: at,
        finished_at: null,
      })
      .execute();
    if (attendees.length === 0) return;
    await trx
      .insertInto("cleanup_run_attendees")
      .values(
        attendees.map((attendee) => ({
          run_id: id,
          attendee_id: attendee.id,
          display_name: attendee.display_name,
          state: "queued" as const,
          deleted: 0,
          left_over: 0,
          report_json: "[]",
          updated_at: at,
        })),
      )
      .execute();
  });
  return id;
}

export function listRunningCleanupRuns(db: PortalDb) {
  return db
    .selectFrom("cleanup_runs")
    .innerJoin("events", "events.id", "cleanup_runs.event_id")
    .select(["cleanup_runs.id", "cleanup_runs.event_id"])
    .where("cleanup_runs.state", "=", "running")
    .execute();
}

/** The attendees a run still has to do; `running` ones were cut short by a restart. */
export function listUnfinishedCleanups(db: PortalDb, runId: string) {
  return db
    .selectFrom("cleanup_run_attendees")
    .select(["attendee_id"])
    .where("run_id", "=", runId)
    .where("state", "in", ["queued", "running"])
    .execute();
}

export async function recordCleanupOf(
  db: PortalDb,
  input: {
    runId: string;
    attendeeId: string;
    state: CleanupAttendeeState;
    deleted?: number;
    leftOver?: number;
    report?: unknown;
  },
) {
  await db
    .updateTable("cleanup_run_attendees")
    .set({
      state: input.state,
      updated_at: now(),
      ...(input.deleted !== undefined ? { deleted: input.deleted } : {}),
      ...(input.leftOver !== undefined ? { left_over: input.leftOver } : {}),
      ...(input.report !== undefined ? { report_json: JSON.stringify(input.report) } : {}),
    })
    .where("run_id", "=", input.runId)
    .where("attendee_id", "=", input.attendeeId)
    .execute();
}

export async function finishCleanupRun(db: PortalDb, runId: string) {
  await db
    .updateTable("cleanup_runs")
    .set({ state: "finished", finished_at: now() })
    .where("id", "=", runId)
    .execute();
}

/**
 * The event's latest run and its attendees, for the event's own instructor only: the ownership
 * check is part of the query, so another instructor gets nothing.
 */
export async function latestCleanupRun(
  db: PortalDb,
  input: { eventId: string; instructorId: string },
) {
  const run = await db
    .selectFrom("cleanup_runs")
    .innerJoin("events", "events.id", "cleanup_runs.event_id")
    .selectAll("cleanup_runs")
    .where("cleanup_runs.event_id", "=", input.eventId)
    .where("events.created_by", "=", input.instructorId)
    .orderBy("cleanup_runs.created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!run) return undefined;
  const attendees = await db
    .selectFrom("cleanup_run_attendees")
    .selectAll()
    .where("run_id", "=", run.id)
    .orderBy("display_name")
    .execute();
  return { run, attendees };
}
