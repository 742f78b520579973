"use server";

import { z } from "zod";
import { formatDateTime } from "@/components/lab/time";
import type { ActionResult } from "@/lib/auth/actions";
import { eventIdSchema, eventInstructorAction } from "@/lib/auth/instructor";
import { currentInstructor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import {
  addEventInstructor,
  changeTimer,
  createBroadcast,
  deleteAttendee,
  removeEventInstructor,
  resetAttendeeProgress,
  resolveHelp,
  setJoinCode,
  updateEventSettings,
  type EventSettings,
} from "@/lib/db/console";
import { createInstructorInvite, withdrawInvite } from "@/lib/db/invites";
import { createEvent, findAttendee, findInstructorByEmail } from "@/lib/db/queries";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n";
import { eventSettingsSchema } from "@/lib/instructor/schemas";
import { generateJoinCode } from "@/lib/join-code";
import { eventEnded } from "@/lib/lab/guard";
import { presentApply } from "@/lib/lab/present";
import { isKnownStep } from "@/lib/lab/registry";
import { applyStep } from "@/lib/lab/runner";
import { runnerEnvironment } from "@/lib/lab/runtime";
import { forgetStatuses } from "@/lib/lab/status-store";
import { log } from "@/lib/log";
import type { Translator } from "@/messages";

const eventInput = z.object({ eventId: eventIdSchema });
const attendeeInput = eventInput.extend({ attendeeId: z.uuid() });

function settingsOf(input: z.infer<typeof eventSettingsSchema>): EventSettings {
  return {
    ...input,
    startsAt: input.startsAt ? new Date(input.startsAt) : null,
    endsAt: new Date(input.endsAt),
    modulesEnabled: input.modulesEnabled.length > 0 ? input.modulesEnabled : null,
  };
}

/** A wrong role ARN template or a missing external ID is named; other mistakes the form prevents. */
function settingsRefusal(error: z.ZodError, t: Translator): string {
  const roleFields = new Set<PropertyKey>(["roleArnTemplate", "externalId"]);
  return error.issues.some((issue) => roleFields.has(issue.path[0] ?? ""))
    ? t("console.event.roleArnInvalid")
    : t("console.error.invalid");
}

/** Any signed-in instructor may create an event; they become its owner. */
export async function createEventAction(raw: unknown): Promise<ActionResult<{ eventId: string }>> {
  const { t } = await getTranslator();
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false, error: t("console.error.forbidden"), signedOut: true };
  const parsed = eventSettingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: settingsRefusal(parsed.error, t) };
  const settings = settingsOf(parsed.data);
  const database = await db();
  const event = await createEvent(database, {
    name: settings.name,
    joinCode: generateJoinCode(),
    region: "ap-northeast-2",
    endsAt: settings.endsAt,
    createdBy: instructor.id,
  });
  await updateEventSettings(database, event.id, settings);
  log().info({ eventId: event.id, instructorId: instructor.id }, "event created");
  return { ok: true, data: { eventId: event.id } };
}

export const updateEventAction = eventInstructorAction(
  eventInput.extend({ settings: z.unknown() }),
  async (input, { event }, t) => {
    const parsed = eventSettingsSchema.safeParse(input.settings);
    if (!parsed.success) return { ok: false, error: settingsRefusal(parsed.error, t) };
    await updateEventSettings(await db(), event.id, settingsOf(parsed.data));
    return { ok: true, data: t("console.saved") };
  },
);

export const rotateJoinCodeAction = eventInstructorAction(eventInput, async (_input, { event }) => {
  const joinCode = generateJoinCode();
  await setJoinCode(await db(), event.id, joinCode);
  return { ok: true, data: joinCode };
});

type InviteReply = { text: string; copy?: string };

/** An email with an account joins the event at once; any other gets a link, shown this once. */
export const inviteInstructorAction = eventInstructorAction(
  eventInput.extend({ email: z.string().trim().toLowerCase().pipe(z.email()) }),
  async ({ email }, { event, instructor }, t): Promise<ActionResult<InviteReply>> => {
    const database = await db();
    const invited = await findInstructorByEmail(database, email);
    if (invited) {
      await addEventInstructor(database, {
        eventId: event.id,
        instructorId: invited.id,
        role: "co",
      });
      return {
        ok: true,
        data: { text: t("console.instructors.added", { name: invited.display_name }) },
      };
    }
    const { token, expiresAt } = await createInstructorInvite(database, {
      eventId: event.id,
      email,
      invitedBy: instructor.id,
    });
    log().info({ eventId: event.id }, "co-instructor invited by link");
    const { locale } = await getTranslator();
    return {
      ok: true,
      data: {
        text: t("console.instructors.invited", {
          email,
          expires: formatDateTime(expiresAt.toISOString(), { locale, timeZone: env().TIME_ZONE }),
        }),
        copy: new URL(`/instructor/invite/${token}`, env().NEXTAUTH_URL).toString(),
      },
    };
  },
);

export const withdrawInviteAction = eventInstructorAction(
  eventInput.extend({ invite: z.string().min(1).max(100) }),
  async ({ invite }, { event }, t) =>
    (await withdrawInvite(await db(), event.id, invite))
      ? { ok: true, data: t("console.instructors.withdrawn") }
      : { ok: false, error: t("console.instructors.inviteGone") },
);

export const removeInstructorAction = eventInstructorAction(
  eventInput.extend({ instructorId: z.uuid() }),
  async ({ instructorId }, { event }, t) => {
    const removed = await removeEventInstructor(await db(), event.id, instructorId);
    return removed
      ? { ok: true, data: t("console.saved") }
      : { ok: false, error: t("console.instructors.ownerStays") };
  },
);

export const broadcastAction = eventInstructorAction(
  eventInput.extend({ body: z.string().trim().min(1).max(500) }),
  async ({ body }, { event, instructor }, t) => {
    await createBroadcast(await db(), { eventId: event.id, instructorId: instructor.id, body });
    return { ok: true, data: t("console.broadcast.sent") };
  },
);

export const timerAction = eventInstructorAction(
  eventInput.extend({
    change: z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("start"),
        minutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
      }),
      z.object({
        kind: z.literal("extend"),
        minutes: z.number().int().min(1).max(240),
        attendeeId: z.uuid().optional(),
      }),
      z.object({ kind: z.literal("pause") }),
      z.object({ kind: z.literal("resume") }),
      z.object({ kind: z.literal("clear") }),
    ]),
  }),
  async ({ change }, { event }, t) => {
    const database = await db();
    if ("attendeeId" in change && change.attendeeId) {
      const attendee = await findAttendee(database, change.attendeeId);
      if (attendee?.event_id !== event.id) return { ok: false, error: t("console.error.invalid") };
    }
    await changeTimer(database, event.id, change);
    return { ok: true, data: t("console.saved") };
  },
);

/** The attendee named must belong to the event the instructor was checked against. */
const attendeeAction = <Schema extends typeof attendeeInput, T>(
  schema: Schema,
  handler: Parameters<typeof eventInstructorAction<Schema, T>>[1],
) =>
  eventInstructorAction(schema, async (input, session, t) => {
    const attendee = await findAttendee(await db(), input.attendeeId);
    if (attendee?.event_id !== session.event.id) {
      return { ok: false, error: t("console.error.invalid") };
    }
    return handler(input, session, t);
  });

export const resolveHelpAction = attendeeAction(
  attendeeInput,
  async ({ attendeeId }, { event, instructor }, t) => {
    await resolveHelp(await db(), { eventId: event.id, attendeeId, instructorId: instructor.id });
    return { ok: true, data: t("console.saved") };
  },
);

export const resetAttendeeAction = attendeeAction(attendeeInput, async ({ attendeeId }, _s, t) => {
  await resetAttendeeProgress(await db(), attendeeId);
  forgetStatuses(attendeeId);
  log().info({ attendeeId }, "attendee progress reset by instructor");
  return { ok: true, data: t("console.saved") };
});

export const removeAttendeeAction = attendeeAction(
  attendeeInput,
  async ({ attendeeId }, { event }, t) => {
    await deleteAttendee(await db(), event.id, attendeeId);
    forgetStatuses(attendeeId);
    log().info({ attendeeId }, "attendee removed by instructor");
    return { ok: true, data: t("console.saved") };
  },
);

/** Do it for me, run by the instructor in the attendee's account: audited as the instructor's. */
export const doForAttendeeAction = attendeeAction(
  attendeeInput.extend({ stepId: z.string().max(64).refine(isKnownStep) }),
  async ({ attendeeId, stepId }, { event, instructor }, t) => {
    if (eventEnded(event)) return { ok: false, error: t("limits.eventEnded") };
    const outcome = await applyStep(
      await runnerEnvironment(),
      { attendeeId, eventId: event.id, actor: { kind: "instructor", id: instructor.id } },
      stepId,
      "do",
    );
    return { ok: true, data: presentApply(outcome, t) };
  },
);
