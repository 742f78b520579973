import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/auth/actions";
import { currentInstructor, currentRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isEventInstructor } from "@/lib/db/console";
import { findEventById } from "@/lib/db/queries";
import type { Instructor, PortalEvent } from "@/lib/db/schema";
import { getTranslator } from "@/lib/i18n";
import { withLogContext } from "@/lib/log";
import type { Translator } from "@/messages";

export type EventInstructorSession = { instructor: Instructor; event: PortalEvent };

export const eventIdSchema = z.uuid();

/** The instructor behind the request, only if they own or were added to this event. */
export async function eventInstructor(
  eventId: unknown,
): Promise<EventInstructorSession | undefined> {
  const parsed = eventIdSchema.safeParse(eventId);
  if (!parsed.success) return undefined;
  const instructor = await currentInstructor();
  if (!instructor) return undefined;
  const database = await db();
  if (!(await isEventInstructor(database, parsed.data, instructor.id))) return undefined;
  const event = await findEventById(database, parsed.data);
  return event ? { instructor, event } : undefined;
}

/**
 * Per-event pages: signed out goes to sign-in; an attendee is forbidden; another event's
 * instructor gets "not found", so event ids aren't confirmed to them.
 */
export async function requireEventInstructorPage(eventId: string): Promise<EventInstructorSession> {
  const found = await eventInstructor(eventId);
  if (found) return found;
  if ((await currentRole()) === "instructor") notFound();
  if ((await currentRole()) === "attendee") redirect("/instructor");
  redirect("/instructor/sign-in");
}

/** Every console action: input checked, then the session, then membership of the event it names. */
export function eventInstructorAction<Schema extends z.ZodType<{ eventId: string }>, T>(
  schema: Schema,
  handler: (
    input: z.infer<Schema>,
    session: EventInstructorSession,
    t: Translator,
  ) => Promise<ActionResult<T>>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const { t } = await getTranslator();
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: t("console.error.invalid") };
    const session = await eventInstructor(parsed.data.eventId);
    if (!session) return { ok: false, error: t("console.error.forbidden"), signedOut: true };
    return withLogContext({ instructorId: session.instructor.id, eventId: session.event.id }, () =>
      handler(parsed.data, session, t),
    );
  };
}
