import { z } from "zod";
import { currentAttendee, noteAttendeeSeen } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getTranslator } from "@/lib/i18n";
import { moduleSteps } from "@/lib/lab/catalogue";
import { eventEnded, recordedModuleStatus } from "@/lib/lab/guard";
import { presentModuleStatus } from "@/lib/lab/present";
import type { ModuleStatus } from "@/lib/lab/runner";
import { attendeeRef, runnerEnvironment, schedulerSettings } from "@/lib/lab/runtime";
import { watchModule } from "@/lib/lab/status-scheduler";
import { followOtherInstances, loadStatus, subscribeToStatus } from "@/lib/lab/status-store";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({
  module: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/),
});

const KEEP_ALIVE_MS = 15_000;

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
    ? await recordedModuleStatus(await db(), attendeeId, moduleId)
    : undefined;
  const stored = ended ?? (await loadStatus(await db(), attendeeId, moduleId));
  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (status: ModuleStatus) =>
        controller.enqueue(
          encoder.encode(`data: ${JSON.stringify(presentModuleStatus(status, t))}\n\n`),
        );
      if (stored) send(stored);
      const unsubscribe = ended ? () => {} : subscribeToStatus(attendeeId, moduleId, send);
      const unwatch = ended
        ? () => {}
        : watchModule(runtime, attendee, moduleId, schedulerSettings());
      const keepAlive = setInterval(
        () => controller.enqueue(encoder.encode(": keep-alive\n\n")),
        KEEP_ALIVE_MS,
      );
      stop = () => {
        clearInterval(keepAlive);
        unsubscribe();
        unwatch();
      };
      request.signal.addEventListener("abort", () => {
        stop?.();
        controller.close();
      });
    },
    cancel() {
      stop?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
    },
  });
}
