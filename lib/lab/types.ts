import type { AwsClients } from "@/lib/aws/client";
import type { MessageKey } from "@/messages";

/** warn: right enough to go on, but worth knowing (an idle address that costs money). */
export type CheckStatus = "pass" | "warn" | "fail" | "pending" | "unobservable";

export type MessageParams = Record<string, string | number>;

export type MessageRef = { key: MessageKey; params?: MessageParams };

export type CheckItem = {
  id: string;
  status: CheckStatus;
  message: MessageRef;
  fix?: MessageRef;
};

/** exists: already there; create/remove/update: do it for me will do it; manual: left to the attendee. */
export type PlanEntryKind = "exists" | "create" | "remove" | "update" | "manual" | "blocked";

export type PlanEntry = { id: string; kind: PlanEntryKind; message: MessageRef };

export type SecretFile = { filename: string; content: string };

export type ApplyEffects = { done: PlanEntry[]; secrets: SecretFile[] };

export type ProbeResult =
  | { ok: true; status: number; looksLikeSampleApp: boolean }
  | { ok: false; reason: "timeout" | "refused" | "http_status" | "network"; status?: number };

export type StepContext = {
  attendeeId: string;
  eventId: string;
  region: string;
  sandbox: boolean;
  clientIp?: string;
  /** Where the web-app probe may go in the sandbox; never an address the emulator invented. */
  sandboxAppUrl?: string;
  probe: (url: string) => Promise<ProbeResult>;
  userData: string;
};

export type StepDefinition<Snapshot> = {
  id: string;
  moduleId: string;
  check: (snapshot: Snapshot, ctx: StepContext) => CheckItem[] | Promise<CheckItem[]>;
  plan: (snapshot: Snapshot, ctx: StepContext) => PlanEntry[];
  /** Records progress in `effects` as it goes, so a failure halfway still reports (and keeps) what was made. */
  apply: (
    aws: AwsClients,
    snapshot: Snapshot,
    ctx: StepContext,
    effects: ApplyEffects,
  ) => Promise<void>;
};

export type ModuleDefinition<Snapshot> = {
  id: string;
  readSnapshot: (aws: AwsClients) => Promise<Snapshot>;
  steps: StepDefinition<Snapshot>[];
};

/** not-started: nothing of the step exists and the attendee has not opened or checked it yet. */
export type StepState = "not-started" | "pending" | "fail" | "pass" | "unobservable" | "error";

/** A step passes only when every item passes; an item the sandbox can't observe never counts as a pass. */
export function stepStateOf(items: CheckItem[]): StepState {
  if (items.some((item) => item.status === "fail")) return "fail";
  if (items.some((item) => item.status === "pending")) return "pending";
  if (items.some((item) => item.status === "unobservable")) return "unobservable";
  return items.length > 0 ? "pass" : "pending";
}

export function portalTags(
  ctx: Pick<StepContext, "eventId" | "attendeeId">,
): Record<string, string> {
  return { "aws101:event": ctx.eventId, "aws101:attendee": ctx.attendeeId };
}
