"use server";

import { z } from "zod";
import { attendeeAction } from "@/lib/auth/actions";
import { db } from "@/lib/db";
import { confirmCleanupBucket } from "@/lib/lab/cleanup-confirm";
import { forgetCachedStatus } from "@/lib/lab/runner";

/** S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens. */
const confirmInput = z.object({ bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/) });

/** The attendee's word that an ambiguous lab bucket may be deleted by the next clean-up. */
export const confirmCleanupBucketAction = attendeeAction(
  confirmInput,
  async ({ bucket }, session, t) => {
    if (!(await confirmCleanupBucket(await db(), session.attendee.id, bucket))) {
      return { ok: false, error: t("cleanup.confirm.unknown") };
    }
    forgetCachedStatus(session.attendee.id);
    return { ok: true, data: bucket };
  },
);
