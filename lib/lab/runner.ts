import "server-only";
import { AwsCallCounter } from "@/lib/aws/call-counter";
import { createAwsClients, type AwsClients } from "@/lib/aws/client";
import { classifyAwsError, type AwsProblem } from "@/lib/aws/errors";
import { randomToken, seal } from "@/lib/crypto";
import type { PortalDb } from "@/lib/db/connection";
import { createSecretDownload, recordActivity, recordStepStatus } from "@/lib/db/queries";
import { forgetIfRejected, resolveCredentials } from "@/lib/credentials";
import { findModule, findStep } from "@/lib/lab/modules";
import {
  stepStateOf,
  type ApplyEffects,
  type CheckItem,
  type ModuleDefinition,
  type PlanEntry,
  type StepContext,
  type StepDefinition,
  type StepState,
} from "@/lib/lab/types";

export type Problem = AwsProblem | { code: "no_credentials" } | { code: "busy" };

export type StepResult = { stepId: string; state: StepState; items: CheckItem[] };

export type ModuleStatus = {
  moduleId: string;
  checkedAt: string;
  steps: StepResult[];
  problem?: Problem;
  awsCalls: number;
};

export type RunnerEnvironment = {
  db: PortalDb;
  sandboxEndpoint?: string;
  sandboxAppUrl?: string;
  cacheMs: number;
  makeProbe: (options: { sandbox: boolean }) => StepContext["probe"];
  userData: string;
};

export type AttendeeRef = { attendeeId: string; eventId: string; clientIp?: string };

type CacheEntry = { at: number; status: Promise<ModuleStatus> };

const cache = new Map<string, CacheEntry>();
const recorded = new Map<string, string>();
const locks = new Set<string>();

const cacheKey = (attendee: AttendeeRef, moduleId: string) =>
  `${attendee.attendeeId}|${moduleId}|${attendee.clientIp ?? ""}`;

export function forgetCachedStatus(attendeeId: string) {
  for (const key of cache.keys()) if (key.startsWith(`${attendeeId}|`)) cache.delete(key);
}

type Session = { aws: AwsClients; ctx: StepContext; counter: AwsCallCounter };

async function openSession(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
): Promise<Session | undefined> {
  const resolved = await resolveCredentials(
    runtime.db,
    attendee.attendeeId,
    runtime.sandboxEndpoint,
  );
  if (!resolved) return undefined;
  const counter = new AwsCallCounter();
  return {
    counter,
    aws: createAwsClients(resolved.target, counter),
    ctx: {
      attendeeId: attendee.attendeeId,
      eventId: attendee.eventId,
      region: resolved.target.region,
      sandbox: resolved.source === "sandbox",
      clientIp: attendee.clientIp,
      sandboxAppUrl: runtime.sandboxAppUrl,
      probe: runtime.makeProbe({ sandbox: resolved.source === "sandbox" }),
      userData: runtime.userData,
    },
  };
}

async function evaluate(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  labModule: ModuleDefinition<unknown>,
): Promise<ModuleStatus> {
  const checkedAt = new Date().toISOString();
  const session = await openSession(runtime, attendee);
  if (!session) {
    return {
      moduleId: labModule.id,
      checkedAt,
      steps: [],
      problem: { code: "no_credentials" },
      awsCalls: 0,
    };
  }
  let steps: StepResult[];
  try {
    const snapshot = await labModule.readSnapshot(session.aws);
    steps = await Promise.all(
      labModule.steps.map(async (step) => {
        const items = await step.check(snapshot, session.ctx);
        return { stepId: step.id, state: stepStateOf(items), items };
      }),
    );
  } catch (error) {
    await forgetIfRejected(runtime.db, attendee.attendeeId, error);
    return {
      moduleId: labModule.id,
      checkedAt,
      steps: [],
      problem: classifyAwsError(error),
      awsCalls: session.counter.total,
    };
  }
  const status = { moduleId: labModule.id, checkedAt, steps, awsCalls: session.counter.total };
  await record(runtime.db, attendee.attendeeId, status);
  return status;
}

/** Writes only what changed, so a panel polling every few seconds doesn't become a write load. */
async function record(db: PortalDb, attendeeId: string, status: ModuleStatus) {
  for (const step of status.steps) {
    const itemsJson = JSON.stringify(step.items);
    const key = `${attendeeId}|${step.stepId}`;
    if (recorded.get(key) === `${step.state}|${itemsJson}`) continue;
    await recordStepStatus(db, {
      attendeeId,
      moduleId: status.moduleId,
      stepId: step.stepId,
      state: step.state,
      itemsJson,
    });
    recorded.set(key, `${step.state}|${itemsJson}`);
  }
}

/** One snapshot serves every step of the module; concurrent callers share the same read. */
export function moduleStatus(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  moduleId: string,
  options: { fresh?: boolean } = {},
): Promise<ModuleStatus> | undefined {
  const labModule = findModule(moduleId);
  if (!labModule) return undefined;
  const key = cacheKey(attendee, moduleId);
  const cached = cache.get(key);
  if (!options.fresh && cached && Date.now() - cached.at < runtime.cacheMs) return cached.status;
  const status = evaluate(runtime, attendee, labModule);
  cache.set(key, { at: Date.now(), status });
  status.catch(() => cache.delete(key));
  return status;
}

export async function checkStep(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  stepId: string,
): Promise<{ result?: StepResult; problem?: Problem; checkedAt: string } | undefined> {
  const found = findStep(stepId);
  if (!found) return undefined;
  const status = await moduleStatus(runtime, attendee, found.module.id, { fresh: true });
  if (!status) return undefined;
  const result = status.steps.find((step) => step.stepId === stepId);
  await recordActivity(runtime.db, {
    attendeeId: attendee.attendeeId,
    stepId,
    kind: "check",
    outcome: result?.state ?? status.problem?.code ?? "unknown",
  });
  return { result, problem: status.problem, checkedAt: status.checkedAt };
}

export type PlanOutcome = { entries: PlanEntry[]; problem?: Problem };

export async function planStep(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  stepId: string,
): Promise<PlanOutcome | undefined> {
  const found = findStep(stepId);
  if (!found) return undefined;
  const session = await openSession(runtime, attendee);
  if (!session) return { entries: [], problem: { code: "no_credentials" } };
  try {
    const snapshot = await found.module.readSnapshot(session.aws);
    return { entries: found.step.plan(snapshot, session.ctx) };
  } catch (error) {
    await forgetIfRejected(runtime.db, attendee.attendeeId, error);
    return { entries: [], problem: classifyAwsError(error) };
  }
}

export type ApplyOutcome = {
  done: PlanEntry[];
  downloads: { token: string; filename: string }[];
  problem?: Problem;
};

/**
 * Re-reads AWS under a per-attendee lock and creates only what is still missing, so a double
 * click or a stale plan can never create a second instance or address.
 */
export async function applyStep(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  stepId: string,
): Promise<ApplyOutcome | undefined> {
  const found = findStep(stepId);
  if (!found) return undefined;
  if (locks.has(attendee.attendeeId)) return { done: [], downloads: [], problem: { code: "busy" } };
  locks.add(attendee.attendeeId);
  try {
    const session = await openSession(runtime, attendee);
    if (!session) return { done: [], downloads: [], problem: { code: "no_credentials" } };
    const outcome = await applyWithSession(runtime, attendee, found.step, found.module, session);
    await recordActivity(runtime.db, {
      attendeeId: attendee.attendeeId,
      stepId,
      kind: "apply",
      outcome: outcome.problem ? outcome.problem.code : `done:${outcome.done.length}`,
    });
    return outcome;
  } finally {
    locks.delete(attendee.attendeeId);
    forgetCachedStatus(attendee.attendeeId);
  }
}

async function applyWithSession(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  step: StepDefinition<unknown>,
  labModule: ModuleDefinition<unknown>,
  session: Session,
): Promise<ApplyOutcome> {
  const effects: ApplyEffects = { done: [], secrets: [] };
  let problem: Problem | undefined;
  try {
    const snapshot = await labModule.readSnapshot(session.aws);
    await step.apply(session.aws, snapshot, session.ctx, effects);
  } catch (error) {
    await forgetIfRejected(runtime.db, attendee.attendeeId, error);
    problem = classifyAwsError(error);
  }
  const downloads = [];
  for (const secret of effects.secrets) {
    const token = randomToken();
    await createSecretDownload(runtime.db, {
      token,
      attendeeId: attendee.attendeeId,
      filename: secret.filename,
      sealed: seal(secret.content, `download:${token}`),
      expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    });
    downloads.push({ token, filename: secret.filename });
  }
  return { done: effects.done, downloads, ...(problem ? { problem } : {}) };
}
