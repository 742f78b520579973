import "server-only";
import type { PortalDb } from "@/lib/db/connection";
import { eventPulse, type EventPulse } from "@/lib/db/console";

export type TimerView =
  { state: "running"; endsAt: string } | { state: "paused"; remainingMs: number } | null;

export type AttendeePulse = {
  broadcasts: { id: string; body: string; at: string }[];
  timer: TimerView;
};

type Cached = { at: number; pulse: Promise<EventPulse> };

// Every attendee tab of an event polls; one database read per event a second serves them all.
const cache = ((globalThis as { __aws101EventPulse?: Map<string, Cached> }).__aws101EventPulse ??=
  new Map());

function sharedPulse(db: PortalDb, eventId: string, maxAgeMs: number): Promise<EventPulse> {
  const found = cache.get(eventId);
  if (found && Date.now() - found.at < maxAgeMs) return found.pulse;
  const pulse = eventPulse(db, eventId);
  cache.set(eventId, { at: Date.now(), pulse });
  pulse.catch(() => cache.delete(eventId));
  return pulse;
}

export function timerFor(pulse: Omit<EventPulse, "broadcasts">, attendeeId?: string): TimerView {
  const extra = attendeeId ? (pulse.extraMs.get(attendeeId) ?? 0) : 0;
  if (pulse.timerPausedMs !== null)
    return { state: "paused", remainingMs: pulse.timerPausedMs + extra };
  if (!pulse.timerEndsAt) return null;
  return {
    state: "running",
    endsAt: new Date(Date.parse(pulse.timerEndsAt) + extra).toISOString(),
  };
}

export async function attendeePulse(
  db: PortalDb,
  eventId: string,
  attendeeId: string,
  maxAgeMs = 900,
): Promise<AttendeePulse> {
  const pulse = await sharedPulse(db, eventId, maxAgeMs);
  return {
    broadcasts: pulse.broadcasts.map((row) => ({ id: row.id, body: row.body, at: row.created_at })),
    timer: timerFor(pulse, attendeeId),
  };
}
