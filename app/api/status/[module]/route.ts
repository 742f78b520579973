import { NextResponse } from "next/server";
import { z } from "zod";
import { currentAttendee, noteAttendeeSeen } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getTranslator } from "@/lib/i18n";
import { moduleSteps } from "@/lib/lab/catalogue";
import { eventEnded, recordedModuleStatus } from "@/lib/lab/guard";
import { presentModuleStatus, presentRefreshing } from "@/lib/lab/present";
import { attendeeRef, runnerEnvironment, schedulerSettings } from "@/lib/lab/runtime";
import { refreshInBackground } from "@/lib/lab/status-scheduler";
import { loadStatus } from "@/lib/lab/status-store";

const paramsSchema = z.object({
  module: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/),
});

const noStore = { "Cache-Control": "no-store" };

/**
 * Answered from the store (memory, then the database), never waiting for AWS: with nothing stored,
 * or only something older than the refresh cadence, one refresh runs in the background and the
 * stream (or the next poll) brings its result.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ module: string }> }) {
  const session = await currentAttendee();
  if (!session)
    return NextResponse.json({ error: "unauthorized" }, { status: 401, headers: noStore });
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success || !(await moduleSteps(parsed.data.module)))
    return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
  const moduleId = parsed.data.module;
  const portalDb = await db();
  await noteAttendeeSeen(session, (await attendeeRef(session)).clientIp);
  // After the event only what was recorded: nothing is read from AWS any more.
  if (eventEnded(session.event)) {
    const recorded = await recordedModuleStatus(portalDb, session.attendee.id, moduleId);
    if (!recorded)
      return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
    const { t } = await getTranslator();
    return NextResponse.json(presentModuleStatus(recorded, t), { headers: noStore });
  }
  const stored = await loadStatus(portalDb, session.attendee.id, moduleId);
  const settings = schedulerSettings();
  if (!stored || Date.now() - Date.parse(stored.checkedAt) > settings.cadenceMs) {
    void refreshInBackground(
      await runnerEnvironment(),
      await attendeeRef(session),
      moduleId,
      settings,
    );
  }
  if (!stored) return NextResponse.json(presentRefreshing(moduleId), { headers: noStore });
  const { t } = await getTranslator();
  return NextResponse.json(presentModuleStatus(stored, t), { headers: noStore });
}
