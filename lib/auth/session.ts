import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { REQUEST_PATH_HEADER, safeReturnPath } from "@/lib/auth/return-path";
import { db } from "@/lib/db";
import { findAttendee, findEventById, findInstructorById, touchAttendee } from "@/lib/db/queries";
import type { Attendee, Instructor, PortalEvent } from "@/lib/db/schema";

export type AttendeeSession = { attendee: Attendee; event: PortalEvent };

/**
 * The session only names the attendee; the row is loaded from the database on every request, so a
 * deleted attendee or event loses access at once and nothing is trusted from the token alone.
 */
export async function currentAttendee(): Promise<AttendeeSession | undefined> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (user?.role !== "attendee" || !user.eventId) return undefined;
  const database = await db();
  const attendee = await findAttendee(database, user.id);
  if (!attendee || attendee.event_id !== user.eventId) return undefined;
  const event = await findEventById(database, attendee.event_id);
  return event ? { attendee, event } : undefined;
}

const LAST_SEEN_RESOLUTION_MS = 30_000;

/** Last seen to within 30 s: each request of a watching page is not a database write. */
export async function noteAttendeeSeen(session: AttendeeSession, clientIp?: string) {
  if (Date.now() - Date.parse(session.attendee.last_seen_at) <= LAST_SEEN_RESOLUTION_MS) return;
  await touchAttendee(await db(), session.attendee.id, clientIp);
}

export async function currentInstructor(): Promise<Instructor | undefined> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (user?.role !== "instructor") return undefined;
  return findInstructorById(await db(), user.id);
}

export async function currentRole() {
  const session = await getServerSession(authOptions);
  return session?.user?.role;
}

/** A signed-out visitor is sent to the join page, which brings them back here after joining. */
export async function requireAttendeePage(): Promise<AttendeeSession> {
  const current = await currentAttendee();
  if (current) return current;
  const returnTo = safeReturnPath((await headers()).get(REQUEST_PATH_HEADER));
  redirect(returnTo ? `/?next=${encodeURIComponent(returnTo)}` : "/");
}
