import "server-only";
import type { z } from "zod";
import { currentAttendee, type AttendeeSession } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n";
import { withLogContext } from "@/lib/log";
import type { Translator } from "@/messages";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; signedOut?: boolean };

/**
 * Server actions are public endpoints: every one validates its input and loads the attendee from
 * the session before doing anything; the handler only ever sees the caller's own attendee row.
 */
export function attendeeAction<Schema extends z.ZodType, T>(
  schema: Schema,
  handler: (
    input: z.infer<Schema>,
    session: AttendeeSession,
    t: Translator,
  ) => Promise<ActionResult<T>>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const { t } = await getTranslator();
    const session = await currentAttendee();
    if (!session) return { ok: false, error: t("credentials.needed"), signedOut: true };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: t("join.error.invalid") };
    return withLogContext({ attendeeId: session.attendee.id }, () =>
      handler(parsed.data, session, t),
    );
  };
}
