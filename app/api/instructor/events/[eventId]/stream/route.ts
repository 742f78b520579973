import { eventInstructor } from "@/lib/auth/instructor";
import { db } from "@/lib/db";
import { getLocale } from "@/lib/i18n";
import { loadGrid, sharedFingerprint } from "@/lib/instructor/load";
import { pollingStream } from "@/lib/sse";

export const dynamic = "force-dynamic";

const POLL_MS = 1_000;
/** Time on a step and stuck flags move with the clock, not only with writes. */
const REBUILD_MS = 30_000;

/**
 * The event's grid as server-sent events: the whole grid at once, then again whenever the
 * database's fingerprint of it moves (any instance's write) or half a minute passed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  const session = await eventInstructor((await params).eventId);
  if (!session) return Response.json({ error: "not_found" }, { status: 404 });
  const { event } = session;
  const [database, locale] = await Promise.all([db(), getLocale()]);
  let sent = "";
  let sentAt = 0;
  return pollingStream(request, POLL_MS, async () => {
    const fingerprint = await sharedFingerprint(database, event.id, POLL_MS - 100);
    if (fingerprint === sent && Date.now() - sentAt < REBUILD_MS) return undefined;
    sent = fingerprint;
    sentAt = Date.now();
    return loadGrid(database, event, locale);
  });
}
