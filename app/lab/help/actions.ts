"use server";

import { z } from "zod";
import { attendeeAction } from "@/lib/auth/actions";
import { db } from "@/lib/db";
import { requestHelp } from "@/lib/db/console";
import { isKnownStep } from "@/lib/lab/registry";

export const requestHelpAction = attendeeAction(
  z.object({ stepId: z.string().max(64).refine(isKnownStep) }),
  async ({ stepId }, session, t) => {
    await requestHelp(await db(), {
      eventId: session.event.id,
      attendeeId: session.attendee.id,
      stepId,
    });
    return { ok: true, data: t("console.help.asked") };
  },
);
