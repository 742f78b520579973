import { NextResponse } from "next/server";
import { z } from "zod";
import { currentInstructor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { latestCleanupRun } from "@/lib/db/cleanup-runs";
import { findEventById } from "@/lib/db/queries";
import { getTranslator } from "@/lib/i18n";
import { cleanupReportCsv } from "@/lib/lab/cleanup-report";

const noStore = { "Cache-Control": "no-store" };

/** The latest "clean up everyone" report of an event as CSV, for the event's own instructor only. */
export async function GET(_request: Request, { params }: { params: Promise<{ event: string }> }) {
  const instructor = await currentInstructor();
  if (!instructor)
    return NextResponse.json({ error: "unauthorized" }, { status: 401, headers: noStore });
  const eventId = z.uuid().safeParse((await params).event);
  const database = await db();
  const event = eventId.success ? await findEventById(database, eventId.data) : undefined;
  if (!event || event.created_by !== instructor.id)
    return NextResponse.json({ error: "not_found" }, { status: 404, headers: noStore });
  const latest = await latestCleanupRun(database, {
    eventId: event.id,
    instructorId: instructor.id,
  });
  const { t } = await getTranslator();
  return new NextResponse(cleanupReportCsv(latest?.attendees ?? [], t), {
    headers: {
      ...noStore,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cleanup-${event.id}.csv"`,
    },
  });
}
