import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionUserFromCookies, type SessionUser } from "@/lib/auth/session-token";
import { REQUEST_PATH_HEADER, safeReturnPath } from "@/lib/auth/return-path";
import { db } from "@/lib/db";
import { env, servedOverHttps } from "@/lib/env";
import { findAttendee, findEventById, findInstructorById, touchAttendee } from "@/lib/db/queries";
import type { Attendee, Instructor, PortalEvent } from "@/lib/db/schema";

export type AttendeeSession = { attendee: Attendee; event: PortalEvent };

/**
 * The session only names the attendee; the row is loaded from the database on every request, so a
 * deleted attendee or event loses access at once and nothing is trusted from the token alone.
 */
/** Who the request's session cookie names, read without re-issuing the cookie on every request. */
export async function currentUser(): Promise<SessionUser | undefined> {
  const config = env();
  return sessionUserFromCookies((await cookies()).getAll(), {
    secret: config.NEXTAUTH_SECRET,
    secure: servedOverHttps(config),
  });
}

export async function currentAttendee(): Promise<AttendeeSession | undefined> {
  const user = await currentUser();
  if (user?.role !== "attendee" || !user.eventId) return undefined;
  const database = await db();
  const attendee = await findAttendee(database, user.sub);
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
  const user = await currentUser();
  if (user?.role !== "instructor") return undefined;
  return findInstructorById(await db(), user.sub);
}

export async function currentRole() {
  return (await currentUser())?.role;
}

/** A signed-out visitor is sent to the join page, which brings them back here after joining. */
export async function requireAttendeePage(): Promise<AttendeeSession> {
  const current = await currentAttendee();
  if (current) return current;
  const returnTo = safeReturnPath((await headers()).get(REQUEST_PATH_HEADER));
  redirect(returnTo ? `/?next=${encodeURIComponent(returnTo)}` : "/");
}
