import { currentAttendee } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { attendeePulse } from "@/lib/instructor/pulse";
import { pollingStream } from "@/lib/sse";

export const dynamic = "force-dynamic";

/** The attendee's view of their event: the instructor's broadcasts and the timer, as they change. */
export async function GET(request: Request) {
  const session = await currentAttendee();
  if (!session) return Response.json({ error: "unauthorized" }, { status: 401 });
  const database = await db();
  let sent = "";
  return pollingStream(request, 1_000, async () => {
    const pulse = await attendeePulse(database, session.event.id, session.attendee.id);
    const text = JSON.stringify(pulse);
    if (text === sent) return undefined;
    sent = text;
    return pulse;
  });
}
