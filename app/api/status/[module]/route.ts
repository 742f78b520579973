import { NextResponse } from "next/server";
import { z } from "zod";
import { currentAttendee } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { touchAttendee } from "@/lib/db/queries";
import { getTranslator } from "@/lib/i18n";
import { eventEnded, recordedModuleStatus } from "@/lib/lab/guard";
import { presentModuleStatus } from "@/lib/lab/present";
import { moduleStatus } from "@/lib/lab/runner";
import { attendeeRef, runnerEnvironment } from "@/lib/lab/runtime";
import { storedStatus } from "@/lib/lab/status-store";
import { withLogContext } from "@/lib/log";

const paramsSchema = z.object({
  module: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/),
});

const noStore = { "Cache-Control": "no-store" };
const LAST_SEEN_RESOLUTION_MS = 30_000;

export async function GET(_request: Request, { params }: { params: Promise<{ module: string }> }) {
  const session = await currentAttendee();
  if (!session)
    return NextResponse.json({ error: "unauthorized" }, { status: 401, headers: noStore });
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success)
    return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
  if (Date.now() - Date.parse(session.attendee.last_seen_at) > LAST_SEEN_RESOLUTION_MS) {
    await touchAttendee(await db(), session.attendee.id);
  }
  // Answered from the store when there is anything there: the scheduler keeps it fresh. After the
  // event only what was recorded: nothing is read from AWS any more.
  const status = eventEnded(session.event)
    ? await recordedModuleStatus(await db(), session.attendee.id, parsed.data.module)
    : (storedStatus(session.attendee.id, parsed.data.module) ??
      (await withLogContext({ attendeeId: session.attendee.id }, async () =>
        moduleStatus(await runnerEnvironment(), await attendeeRef(session), parsed.data.module),
      )));
  if (!status) return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
  const { t } = await getTranslator();
  return NextResponse.json(presentModuleStatus(status, t), { headers: noStore });
}
