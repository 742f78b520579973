import "server-only";
import { headers } from "next/headers";
import { addressKey, type Client } from "@/lib/auth/attempts";
import { requestClient } from "@/lib/auth/options";
import type { AttendeeSession } from "@/lib/auth/session";
import type { PortalDb } from "@/lib/db/connection";
import { listStepStatus } from "@/lib/db/queries";
import type { PortalEvent } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { WindowLimiter, sharedLimiter, takeAll } from "@/lib/limits";
import { moduleSteps, stepEnabled } from "@/lib/lab/catalogue";
import { presentModuleStatus, presentRefreshing } from "@/lib/lab/present";
import type { ModuleStatus } from "@/lib/lab/runner";
import { loadStatus } from "@/lib/lab/status-store";
import type { ModuleStatusView } from "@/lib/lab/views";
import type { CheckItem } from "@/lib/lab/types";
import type { Translator } from "@/messages";

/** Why the portal won't act in AWS for an attendee right now. */
export type Refusal =
  | { reason: "event_ended" }
  | { reason: "attendee" | "event"; retryAfterMs: number }
  | { reason: "credentials"; retryAfterMs: number };

export function eventEnded(event: Pick<PortalEvent, "ends_at">, now = Date.now()): boolean {
  return Date.parse(event.ends_at) <= now;
}

export type ActionLimiters = { attendee: WindowLimiter; event: WindowLimiter };

/** Check, plan and apply share one budget per attendee and one per event. */
export function actionLimiters(): ActionLimiters {
  const config = env();
  return {
    attendee: sharedLimiter("actions.attendee", config.ACTION_LIMIT_PER_MINUTE, 60_000),
    event: sharedLimiter("actions.event", config.EVENT_ACTION_LIMIT_PER_MINUTE, 60_000),
  };
}

export const CREDENTIAL_LIMITS = {
  perAttendee: 10,
  /** Per browser (or per address without a device cookie): joining again buys no new tries. */
  perClient: 20,
  perEvent: 1000,
  windowMs: 60 * 60 * 1000,
};

export type CredentialLimiters = {
  attendee: WindowLimiter;
  client: WindowLimiter;
  event: WindowLimiter;
};

export function credentialLimiters(): CredentialLimiters {
  const { windowMs } = CREDENTIAL_LIMITS;
  return {
    attendee: sharedLimiter("credentials.attendee", CREDENTIAL_LIMITS.perAttendee, windowMs),
    client: sharedLimiter("credentials.client", CREDENTIAL_LIMITS.perClient, windowMs),
    event: sharedLimiter("credentials.event", CREDENTIAL_LIMITS.perEvent, windowMs),
  };
}

/** Whether the attendee may have the portal check, plan or apply now; counts the action if so. */
export async function actionRefusal(
  session: AttendeeSession,
  limiters: ActionLimiters = actionLimiters(),
  now = Date.now(),
): Promise<Refusal | undefined> {
  if (eventEnded(session.event, now)) return { reason: "event_ended" };
  const refused = await takeAll([
    [limiters.attendee, session.attendee.id],
    [limiters.event, session.event.id],
  ]);
  if (!refused) return undefined;
  return { reason: refused.index === 0 ? "attendee" : "event", retryAfterMs: refused.retryAfterMs };
}

/**
 * Every validation of pasted keys asks AWS whose they are: limited per attendee, per browser and
 * per event, so the form can't be used to test a pile of stolen keys.
 */
export async function credentialsRefusal(
  session: AttendeeSession,
  client: Client,
  limiters: CredentialLimiters = credentialLimiters(),
  now = Date.now(),
): Promise<Refusal | undefined> {
  if (eventEnded(session.event, now)) return { reason: "event_ended" };
  const refused = await takeAll([
    [limiters.attendee, session.attendee.id],
    [limiters.client, client.device ?? `address:${addressKey(client.address)}`],
    [limiters.event, session.event.id],
  ]);
  return refused ? { reason: "credentials", retryAfterMs: refused.retryAfterMs } : undefined;
}

export function refusalMessage(refusal: Refusal, t: Translator): string {
  switch (refusal.reason) {
    case "event_ended":
      return t("limits.eventEnded");
    case "attendee":
    case "event":
      return t(refusal.reason === "attendee" ? "limits.attendee" : "limits.event", {
        seconds: Math.max(1, Math.ceil(refusal.retryAfterMs / 1000)),
      });
    case "credentials":
      return t("limits.credentials", {
        minutes: Math.max(1, Math.ceil(refusal.retryAfterMs / 60_000)),
      });
  }
}

/** For server actions: the message to answer with instead of acting, or undefined to go ahead. */
export async function refusedAction(
  session: AttendeeSession,
  t: Translator,
  stepId: string,
): Promise<string | undefined> {
  if (!(await stepEnabled(session.event, stepId))) return t("limits.moduleDisabled");
  const refusal = await actionRefusal(session);
  return refusal ? refusalMessage(refusal, t) : undefined;
}

export async function refusedCredentials(
  session: AttendeeSession,
  t: Translator,
): Promise<string | undefined> {
  const refusal = await credentialsRefusal(session, requestClient(await headers()));
  return refusal ? refusalMessage(refusal, t) : undefined;
}

/**
 * After the event: what was last recorded for the module, read from the database and never from
 * AWS, with the reason nothing is refreshed.
 */
export async function recordedModuleStatus(
  db: PortalDb,
  attendeeId: string,
  moduleId: string,
): Promise<ModuleStatus | undefined> {
  const steps = await moduleSteps(moduleId);
  if (!steps) return undefined;
  const rows = new Map((await listStepStatus(db, attendeeId)).map((row) => [row.step_id, row]));
  const checked = [...rows.values()].map((row) => row.last_checked_at).sort();
  return {
    moduleId,
    checkedAt: checked.at(-1) ?? new Date().toISOString(),
    steps: steps.map((step) => {
      const row = rows.get(step.id);
      return row
        ? { stepId: step.id, state: row.state, items: JSON.parse(row.items_json) as CheckItem[] }
        : { stepId: step.id, state: "not-started" as const, items: [] };
    }),
    problem: { code: "event_ended" },
    awsCalls: 0,
  };
}

/**
 * The module's status a lab page is rendered with, so the panel paints at once and asks nothing
 * on opening: the stored status, "reading your account for the first time" while nothing is
 * stored, and after the event what was recorded.
 */
export async function shownStatuses(
  db: PortalDb,
  session: AttendeeSession,
  moduleId: string,
  t: Translator,
): Promise<Record<string, ModuleStatusView>> {
  if (eventEnded(session.event)) {
    const recorded = await recordedModuleStatus(db, session.attendee.id, moduleId);
    return recorded ? { [moduleId]: presentModuleStatus(recorded, t) } : {};
  }
  const stored = await loadStatus(db, session.attendee.id, moduleId);
  return { [moduleId]: stored ? presentModuleStatus(stored, t) : presentRefreshing(moduleId) };
}
