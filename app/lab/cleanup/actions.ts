"use server";

import { z } from "zod";
import { attendeeAction } from "@/lib/auth/actions";
import { db } from "@/lib/db";
import { USER_CONFIRMATION } from "@/lib/lab/cleanup-inventory";
import { confirmCleanupItem } from "@/lib/lab/cleanup-confirm";
import { forgetCachedStatus } from "@/lib/lab/runner";

/** An S3 bucket name (3–63 lower-case letters, digits, dots, hyphens), or `user:` and an IAM user name. */
const BUCKET = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";
const USER = `${USER_CONFIRMATION}[\\w+=,.@-]{1,64}`;
const confirmInput = z.object({ name: z.string().regex(new RegExp(`^(?:${BUCKET}|${USER})$`)) });

/** The attendee's word that an ambiguous bucket or IAM user may be deleted by the next clean-up. */
export const confirmCleanupAction = attendeeAction(confirmInput, async ({ name }, session, t) => {
  if (!(await confirmCleanupItem(await db(), session.attendee.id, name))) {
    return { ok: false, error: t("cleanup.confirm.unknown") };
  }
  forgetCachedStatus(session.attendee.id);
  return { ok: true, data: name };
});
