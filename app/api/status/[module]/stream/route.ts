import { z } from "zod";
import { currentAttendee, noteAttendeeSeen } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n";
import { moduleSteps } from "@/lib/lab/catalogue";
import { eventEnded, recordedModuleStatus } from "@/lib/lab/guard";
import { presentModuleStatus } from "@/lib/lab/present";
import type { ModuleStatus } from "@/lib/lab/runner";
import { attendeeRef, runnerEnvironment, schedulerSettings } from "@/lib/lab/runtime";
import { watchModule } from "@/lib/lab/status-scheduler";
import { followOtherInstances, loadStatus, subscribeToStatus } from "@/lib/lab/status-store";
import { eventStream } from "@/lib/sse";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  module: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/),
});

/**
 * The attendee's module status as server-sent events: what is stored at once, then every change.
 * While the stream is open the scheduler keeps the module fresh within the portal's budget.
 */
export async function GET(request: Request, { params }: { params: Promise<{ module: string }> }) {
  const session = await currentAttendee();
  if (!session) return Response.json({ error: "unauthorized" }, { status: 401 });
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success || !(await moduleSteps(parsed.data.module))) {
    return Response.json({ error: "not_found" }, { status: 404 });
  }
  const moduleId = parsed.data.module;
  const attendeeId = session.attendee.id;
  const [runtime, attendee, { t }] = await Promise.all([
    runnerEnvironment(),
    attendeeRef(session),
    getTranslator(),
  ]);
  await noteAttendeeSeen(session, attendee.clientIp);
  await followOtherInstances(runtime.db);
  // After the event the panel shows what was recorded, once, and nothing is refreshed from AWS.
  const ended = eventEnded(session.event)
    ? await recordedModuleStatus(runtime.db, attendeeId, moduleId)
    : undefined;
  const stored = ended ?? (await loadStatus(runtime.db, attendeeId, moduleId));
  return eventStream(request, (send) => {
    const sendStatus = (status: ModuleStatus) => send(presentModuleStatus(status, t));
    if (stored) sendStatus(stored);
    if (ended) return () => {};
    const unsubscribe = subscribeToStatus(attendeeId, moduleId, sendStatus);
    const unwatch = watchModule(runtime, attendee, moduleId, schedulerSettings());
    return () => {
      unsubscribe();
      unwatch();
    };
  });
}
