"use server";

import { z } from "zod";
import { attendeeAction } from "@/lib/auth/actions";
import { eventEnded } from "@/lib/lab/guard";
import { saveSandboxInstanceConfig } from "@/lib/lab/runner";
import { attendeeRef, runnerEnvironment } from "@/lib/lab/runtime";
import { presentMysql, runSandboxMysql } from "@/lib/lab/sandbox-mysql";
import { logInternalError } from "@/lib/log";
import { MAX_LAB_SQL_LENGTH } from "@/lib/sandbox/database";

const MAX_CONFIG_BYTES = 16 * 1024;

const configInput = z.object({
  instanceId: z.string().regex(/^i-[0-9a-f]{8,17}$/),
  text: z.string().refine((text) => Buffer.byteLength(text) <= MAX_CONFIG_BYTES),
});

/** Only the attendee's own sandbox account is ever addressed: the account comes from the session. */
export const saveSandboxConfigAction = attendeeAction(configInput, async (input, session, t) => {
  if (eventEnded(session.event)) return { ok: false, error: t("limits.eventEnded") };
  const saved = await saveSandboxInstanceConfig(
    await runnerEnvironment(),
    await attendeeRef(session),
    input,
  );
  return saved
    ? { ok: true, data: t("sandbox.config.saved") }
    : { ok: false, error: t("sandbox.config.failed") };
});

const sqlInput = z.object({ sql: z.string().min(1).max(MAX_LAB_SQL_LENGTH) });

/**
 * The sandbox's `mysql -h <endpoint> -u admin -p` on Web: runs in the session's own sandbox
 * account. The SQL may hold passwords, so neither it nor its results are logged.
 */
export const runSandboxMysqlAction = attendeeAction(sqlInput, async (input, session, t) => {
  if (eventEnded(session.event)) return { ok: false, error: t("limits.eventEnded") };
  try {
    const outcome = await runSandboxMysql(
      await runnerEnvironment(),
      await attendeeRef(session),
      input.sql,
    );
    return outcome
      ? { ok: true, data: presentMysql(outcome, t) }
      : { ok: false, error: t("sandbox.notSandbox") };
  } catch (error) {
    // Only the kind of failure: a driver's message may quote the statement, passwords included.
    const kind = new Error(`sandbox mysql failed: ${(error as Error)?.name ?? "unknown"}`);
    return {
      ok: false,
      error: t("problem.internal", { reference: logInternalError(kind, kind.message) }),
    };
  }
});
