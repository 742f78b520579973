"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/auth/actions";
import { currentInstructor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createCleanupRun, latestCleanupRun } from "@/lib/db/cleanup-runs";
import { findEventById } from "@/lib/db/queries";
import { getTranslator } from "@/lib/i18n";
import { driveCleanupRun, resumeCleanupRuns } from "@/lib/lab/cleanup-everyone";
import { runnerEnvironment } from "@/lib/lab/runtime";
import { log } from "@/lib/log";

const startInput = z.object({
  eventId: z.uuid(),
  /** The instructor ticked "I understand this deletes every attendee's lab resources". */
  confirm: z.literal(true),
});

/** Starts cleaning up every attendee of the event in the background: its own instructor only. */
export async function startCleanupEveryoneAction(raw: unknown): Promise<ActionResult<string>> {
  const { t } = await getTranslator();
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false, error: t("cleanupEveryone.forbidden"), signedOut: true };
  const parsed = startInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: t("join.error.invalid") };
  const database = await db();
  const event = await findEventById(database, parsed.data.eventId);
  if (!event || event.created_by !== instructor.id) {
    return { ok: false, error: t("cleanupEveryone.forbidden") };
  }
  const runtime = await runnerEnvironment();
  await resumeCleanupRuns(runtime);
  const latest = await latestCleanupRun(database, {
    eventId: event.id,
    instructorId: instructor.id,
  });
  if (latest?.run.state === "running") {
    return { ok: false, error: t("cleanupEveryone.alreadyRunning") };
  }
  const id = await createCleanupRun(database, { eventId: event.id, instructorId: instructor.id });
  log().info(
    { runId: id, eventId: event.id, instructorId: instructor.id },
    "clean up everyone started",
  );
  void driveCleanupRun(runtime, { id, eventId: event.id });
  return { ok: true, data: id };
}
