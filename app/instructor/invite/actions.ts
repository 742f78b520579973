"use server";

import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/auth/actions";
import { inviteAttempts } from "@/lib/auth/attempts";
import { requestClient } from "@/lib/auth/options";
import { hashPassword } from "@/lib/crypto";
import { db } from "@/lib/db";
import { acceptInstructorInvite, openInvite } from "@/lib/db/invites";
import { getTranslator } from "@/lib/i18n";
import { log } from "@/lib/log";

const acceptInput = z
  .object({
    token: z.string().min(20).max(100),
    displayName: z.string().trim().min(1).max(60),
    password: z.string().min(8).max(200),
    confirm: z.string().max(200),
  })
  .refine((input) => input.password === input.confirm, { path: ["confirm"] });

const FIELD_ERRORS = {
  displayName: "invite.error.displayName",
  password: "invite.error.password",
  confirm: "invite.error.confirm",
} as const;
const isFormField = (field: unknown): field is keyof typeof FIELD_ERRORS =>
  typeof field === "string" && Object.hasOwn(FIELD_ERRORS, field);

export type AcceptInviteResult = ActionResult<{
  state: "created" | "existingAdded";
  email: string;
  eventId: string;
  message?: string;
}> & { fieldErrors?: Record<string, string> };

/**
 * Public like the sign-in form, but only with an open invitation's token: a wrong one counts
 * against the client as a failed sign-in does.
 */
export async function acceptInviteAction(raw: unknown): Promise<AcceptInviteResult> {
  const { t } = await getTranslator();
  const parsed = acceptInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isFormField(field)) fieldErrors[field] ??= t(FIELD_ERRORS[field]);
    }
    // A field the form shows is named there; a malformed token is a link that can't be used.
    return Object.keys(fieldErrors).length > 0
      ? { ok: false, error: t("join.error.invalid"), fieldErrors }
      : { ok: false, error: t("invite.gone") };
  }
  const client = requestClient(await headers());
  if (await inviteAttempts.blockedBy(client)) {
    return { ok: false, error: t("invite.error.tooManyAttempts") };
  }
  const database = await db();
  if (!(await openInvite(database, parsed.data.token))) {
    await inviteAttempts.fail(client);
    return { ok: false, error: t("invite.gone") };
  }
  const accepted = await acceptInstructorInvite(database, {
    token: parsed.data.token,
    displayName: parsed.data.displayName,
    passwordHash: await hashPassword(parsed.data.password),
  });
  if (accepted.state === "gone") return { ok: false, error: t("invite.gone") };
  log().info(
    { eventId: accepted.eventId, state: accepted.state },
    "co-instructor invitation taken",
  );
  return {
    ok: true,
    data: {
      state: accepted.state,
      email: accepted.email,
      eventId: accepted.eventId,
      ...(accepted.state === "existingAdded"
        ? { message: t("invite.existing", { email: accepted.email }) }
        : {}),
    },
  };
}
