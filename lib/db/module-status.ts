import "server-only";
import type { PortalDb } from "@/lib/db/connection";
import type { ModuleStatusTable } from "@/lib/db/schema";

export type ModuleStatusRow = ModuleStatusTable;

/**
 * Many statuses in one statement. A row only replaces one checked earlier, so an instance holding
 * an older status never overwrites what another instance has just written.
 */
export async function saveModuleStatuses(db: PortalDb, rows: ModuleStatusRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("module_status")
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .columns(["attendee_id", "module_id"])
        .doUpdateSet((eb) => ({
          status_json: eb.ref("excluded.status_json"),
          checked_at: eb.ref("excluded.checked_at"),
        }))
        .where((eb) => eb("module_status.checked_at", "<", eb.ref("excluded.checked_at"))),
    )
    .execute();
}

export function findModuleStatus(
  db: PortalDb,
  attendeeId: string,
  moduleId: string,
): Promise<ModuleStatusRow | undefined> {
  return db
    .selectFrom("module_status")
    .selectAll()
    .where("attendee_id", "=", attendeeId)
    .where("module_id", "=", moduleId)
    .executeTakeFirst();
}

/** The latest status of every module of every attendee of an event, in one query. */
export function listEventModuleStatuses(db: PortalDb, eventId: string): Promise<ModuleStatusRow[]> {
  return db
    .selectFrom("module_status")
    .innerJoin("attendees", "attendees.id", "module_status.attendee_id")
    .select([
      "module_status.attendee_id",
      "module_status.module_id",
      "module_status.status_json",
      "module_status.checked_at",
    ])
    .where("attendees.event_id", "=", eventId)
    .execute();
}
