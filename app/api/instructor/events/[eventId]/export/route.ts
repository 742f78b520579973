import { eventInstructor } from "@/lib/auth/instructor";
import { db } from "@/lib/db";
import { gridRows } from "@/lib/db/console";
import { getLocale } from "@/lib/i18n";
import { csv } from "@/lib/instructor/csv";
import { gridSteps } from "@/lib/instructor/load";

export const dynamic = "force-dynamic";

/** Progress per attendee per step with its timestamps, every step listed (not-started too). */
export async function GET(_request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  const session = await eventInstructor((await params).eventId);
  if (!session) return Response.json({ error: "not_found" }, { status: 404 });
  const database = await db();
  const [steps, rows] = await Promise.all([
    gridSteps(await getLocale(), session.event),
    gridRows(database, session.event.id),
  ]);
  const statusOf = new Map(rows.statuses.map((row) => [`${row.attendee_id}|${row.step_id}`, row]));
  const lines: (string | number | null)[][] = [
    [
      "attendee_id",
      "attendee",
      "joined_at",
      "module",
      "step",
      "state",
      "first_checked_at",
      "last_checked_at",
      "passed_at",
    ],
  ];
  for (const attendee of rows.attendees) {
    for (const step of steps) {
      const status = statusOf.get(`${attendee.id}|${step.stepId}`);
      lines.push([
        attendee.id,
        attendee.display_name,
        attendee.created_at,
        step.moduleId,
        step.stepId,
        status?.state ?? "not-started",
        status?.first_checked_at ?? null,
        status?.last_checked_at ?? null,
        status?.passed_at ?? null,
      ]);
    }
  }
  const filename = `progress-${session.event.join_code.toLowerCase()}.csv`;
  return new Response(csv(lines), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
