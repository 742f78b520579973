import type { AwsClients } from "@/lib/aws/client";
import type { ResourceTags } from "@/lib/aws/types";
import type { SharedZone } from "@/lib/lab/app-services";
import type { FactKind, Facts } from "@/lib/lab/facts";
import type { SandboxApp, SandboxUpload } from "@/lib/sandbox/client";
import type { MessageKey } from "@/messages";

/** warn: right enough to go on, but worth knowing (an idle address that costs money). */
export type CheckStatus = "pass" | "warn" | "fail" | "pending" | "unobservable";

export type MessageParams = Record<string, string | number>;

export type MessageRef = { key: MessageKey; params?: MessageParams };

/** How far along AWS is with something slow (an RDS instance being created), as best known. */
export type ItemProgress = { percent: number; etaMinutes: number; status: string };

export type CheckItem = {
  id: string;
  status: CheckStatus;
  message: MessageRef;
  fix?: MessageRef;
  progress?: ItemProgress;
  /** A hands-on the attendee may skip: never a fail, and nothing later depends on it. */
  optional?: true;
};

/** exists: already there; create/remove/update: do it for me will do it; manual: left to the attendee. */
export type PlanEntryKind = "exists" | "create" | "remove" | "update" | "manual" | "blocked";

export type SecretFile = { filename: string; content: string };

export type OperationContext = {
  aws: AwsClients;
  ctx: StepContext;
  /** The aws101:* tags on everything the portal creates, so clean-up can tell it apart. */
  tags: ResourceTags;
  /** Ids made by earlier entries of the same apply (e.g. the group a new instance joins). */
  results: Map<string, string>;
  /** A secret for the attendee (a private key): sealed and stored now, offered once as a download. */
  handOver: (file: SecretFile) => Promise<void>;
};

/** An operation may say what it did instead of the entry's `done` (e.g. what it could not delete, and why). */
export type Operation = (op: OperationContext) => Promise<void | MessageRef>;

/** Entries of kind create/remove/update carry the operation that performs them, and say so when done. */
export type PlanEntry = {
  id: string;
  kind: PlanEntryKind;
  message: MessageRef;
  done?: MessageRef;
  run?: Operation;
};

export type ProbeResult =
  | { ok: true; status: number; looksLikeSampleApp: boolean }
  | { ok: false; reason: "timeout" | "refused" | "http_status" | "network"; status?: number };

/** What a step remembers for one attendee across refreshes (validate what `read` returns). */
export type StepMemory = {
  read: (stepId: string) => Promise<unknown>;
  write: (stepId: string, value: unknown) => Promise<void>;
};

/** The attendee's sandbox Web as SSH would reach it; outside the sandbox, nothing to read or save. */
export type SandboxConfigFile = {
  read: (instanceId: string) => Promise<string | undefined>;
  /** Saves config.env and restarts the app; false when the instance has no app (yet). */
  save: (instanceId: string, text: string) => Promise<boolean>;
};

export type StepContext = {
  attendeeId: string;
  eventId: string;
  /** The AWS account the attendee's credentials act in (their emulator account in the sandbox). */
  accountId: string;
  region: string;
  sandbox: boolean;
  clientIp?: string;
  /**
   * In the sandbox, the attendee's own copy of the app behind an emulated instance: the probe goes
   * there, never to an address the emulator invented.
   */
  sandboxApp: (instanceId: string) => Promise<SandboxApp>;
  probe: (url: string) => Promise<ProbeResult>;
  /** The sample app's /healthz as JSON (validate it before use); undefined when unreadable. */
  readHealth: (appUrl: string) => Promise<unknown>;
  userData: string;
  memory: StepMemory;
  sandboxConfig: SandboxConfigFile;
  /**
   * In the sandbox, an upload to `bucket` with the instance's role through the S3 gate, as its app
   * would make one; undefined outside the sandbox or when the instance runs no app.
   */
  sandboxUpload: (instanceId: string, bucket: string) => Promise<SandboxUpload | undefined>;
  /** The event's class zone in the instructor's account; undefined until the event has one. */
  sharedZone?: SharedZone;
  /** The DNS label the attendee chose for Module 4; undefined until they choose. */
  initials?: string;
  /** Where the attendee asked to be notified (the health check's SNS subscription). */
  email?: string;
  /** When the attendee joined the event (ISO): what they made in AWS is newer. */
  joinedAt?: string;
  /** The IAM principal the portal's credentials act as. */
  principalArn?: string;
  /** Which attendee of the event was last seen with this public IP, if any. */
  addressOwner: (publicIp: string) => Promise<AddressOwner | undefined>;
};

export type AddressOwner = { attendeeId: string; displayName: string; initials?: string };

/** A plan may need to ask more than AWS first (what the step remembered, the attendee's app). */
export type PlanResult = PlanEntry[] | Promise<PlanEntry[]>;

/**
 * A step reads only the facts it declares: a refresh reads the union of what its steps need,
 * each kind once. `planNeeds` are read only when do-it-for-me plans, never on a status refresh.
 */
export type StepDefinition<
  N extends FactKind = FactKind,
  P extends FactKind = never,
  R extends PlanResult = PlanResult,
> = {
  id: string;
  needs: readonly N[];
  planNeeds?: readonly P[];
  /** Whether anything of this step exists yet: if not, and the attendee never opened it, it's not-started. */
  started: (facts: Pick<Facts, N>, ctx: StepContext) => boolean;
  check: (facts: Pick<Facts, N>, ctx: StepContext) => CheckItem[] | Promise<CheckItem[]>;
  plan: (facts: Pick<Facts, N | P>, ctx: StepContext) => R;
  /** What `<UndoIt />` takes back of do-it-for-me's work (the public bucket policy), planned alike. */
  undo?: (facts: Pick<Facts, N | P>, ctx: StepContext) => R;
};

/** Do it for me, or its undo: each is planned first and run only as planned. */
export type StepOperation = "do" | "undo";

export type LabStep<R extends PlanResult = PlanResult> = StepDefinition<FactKind, FactKind, R>;

export function defineStep<
  const N extends FactKind,
  const P extends FactKind = never,
  R extends PlanResult = PlanEntry[],
>(step: StepDefinition<N, P, R>): LabStep<R> {
  return step as unknown as LabStep<R>;
}

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
