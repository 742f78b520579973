import "server-only";
import { AwsCallCounter, countingCalls } from "@/lib/aws/call-counter";
import { classifyAwsError, isAwsFailure } from "@/lib/aws/errors";
import { recordAudit, type AuditEntry } from "@/lib/db/audit";
import type { PortalDb } from "@/lib/db/connection";
import type { AuditAction } from "@/lib/db/schema";
import type { AttendeeRef } from "@/lib/lab/runner";
import type { PlanEntry, StepOperation } from "@/lib/lab/types";

export type AuditSubject = Omit<AuditEntry, "outcome" | "error_code" | "awsRequests">;

function errorCodeOf(error: unknown): string {
  if (!isAwsFailure(error)) return "internal";
  const problem = classifyAwsError(error);
  return problem.awsCode ?? problem.code;
}

/**
 * Runs one AWS mutation and records it whatever happens, with the request id of every AWS call it
 * made. `accountOf` names the account when only the answer knows it (connecting credentials).
 */
export async function audited<T>(
  db: PortalDb,
  subject: AuditSubject,
  work: () => Promise<T>,
  accountOf?: (value: T) => string,
): Promise<T> {
  const counter = new AwsCallCounter();
  let value: T;
  try {
    value = await countingCalls(counter, work);
  } catch (error) {
    await recordAudit(db, {
      ...subject,
      outcome: "failed",
      error_code: errorCodeOf(error),
      awsRequests: counter.requests,
    });
    throw error;
  }
  await recordAudit(db, {
    ...subject,
    ...(accountOf ? { account_id: accountOf(value) } : {}),
    outcome: "ok",
    error_code: null,
    awsRequests: counter.requests,
  });
  return value;
}

/** A do-it-for-me (or undo) entry, run by the portal at the attendee's (or their instructor's) request. */
export function planEntrySubject(input: {
  attendee: AttendeeRef;
  accountId: string;
  stepId: string;
  operation: StepOperation;
  entry: PlanEntry;
}): AuditSubject {
  return {
    event_id: input.attendee.eventId,
    actor_kind: input.attendee.actor?.kind ?? "attendee",
    actor_id: input.attendee.actor?.id ?? input.attendee.attendeeId,
    attendee_id: input.attendee.attendeeId,
    account_id: input.accountId,
    action: input.operation === "undo" ? "undo" : "do",
    step_id: input.stepId,
    entry_id: input.entry.id,
    entry_kind: input.entry.kind,
  };
}

/** Connecting credentials: an AssumeRole (sandbox or the event's role), or the GetCallerIdentity that validates pasted keys. */
export function credentialsSubject(
  attendee: AttendeeRef,
  action: Extract<AuditAction, `credentials.${string}`>,
): AuditSubject {
  return {
    event_id: attendee.eventId,
    actor_kind: "attendee",
    actor_id: attendee.attendeeId,
    attendee_id: attendee.attendeeId,
    account_id: null,
    action,
    step_id: null,
    entry_id: null,
    entry_kind: null,
  };
}
