"use server";

import { z } from "zod";
import { attendeeAction } from "@/lib/auth/actions";
import { db } from "@/lib/db";
import { setAttendeeInitials } from "@/lib/db/queries";
import { initialsSchema } from "@/lib/lab/app-services";
import { forgetCachedStatus } from "@/lib/lab/runner";
import type { MessageKey } from "@/messages";

const initialsInput = z.object({ initials: z.string().max(64), email: z.string().max(254) });

const emailSchema = z.email();

/**
 * Chosen once per attendee and unique in the event: records, buckets and topics are named after
 * it in a zone the whole class shares, so changing it later would orphan what was made.
 */
export const chooseInitialsAction = attendeeAction(initialsInput, async (input, session, t) => {
  if (session.attendee.initials) return { ok: false, error: t("initials.alreadyChosen") };
  const initials = initialsSchema.safeParse(input.initials);
  if (!initials.success) {
    const key = (initials.error.issues[0]?.message ?? "initials.characters") as MessageKey;
    return { ok: false, error: t(key) };
  }
  const email = input.email.trim();
  if (email && !emailSchema.safeParse(email).success) {
    return { ok: false, error: t("initials.badEmail") };
  }
  const chosen = await setAttendeeInitials(await db(), {
    attendeeId: session.attendee.id,
    eventId: session.event.id,
    initials: initials.data,
    email: email || session.attendee.email,
  });
  if (!chosen) return { ok: false, error: t("initials.taken", { initials: initials.data }) };
  forgetCachedStatus(session.attendee.id);
  return { ok: true, data: initials.data };
});
