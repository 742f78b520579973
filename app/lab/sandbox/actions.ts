"use server";

import { z } from "zod";
import { attendeeAction } from "@/lib/auth/actions";
import { saveSandboxInstanceConfig } from "@/lib/lab/runner";
import { attendeeRef, runnerEnvironment } from "@/lib/lab/runtime";

const MAX_CONFIG_BYTES = 16 * 1024;

const configInput = z.object({
  instanceId: z.string().regex(/^i-[0-9a-f]{8,17}$/),
  text: z.string().refine((text) => Buffer.byteLength(text) <= MAX_CONFIG_BYTES),
});

/** Only the attendee's own sandbox account is ever addressed: the account comes from the session. */
export const saveSandboxConfigAction = attendeeAction(configInput, async (input, session, t) => {
  const saved = await saveSandboxInstanceConfig(
    await runnerEnvironment(),
    await attendeeRef(session),
    input,
  );
  return saved
    ? { ok: true, data: t("sandbox.config.saved") }
    : { ok: false, error: t("sandbox.config.failed") };
});
