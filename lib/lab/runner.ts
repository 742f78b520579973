import "server-only";
import { z } from "zod";
import { AwsCallCounter, countingCalls } from "@/lib/aws/call-counter";
import { createAwsClients, type AwsClients } from "@/lib/aws/client";
import { classifyAwsError, isAwsFailure, type AwsProblem } from "@/lib/aws/errors";
import type { AddressSummary, AwsTarget } from "@/lib/aws/types";
import { randomToken, seal } from "@/lib/crypto";
import type { PortalDb } from "@/lib/db/connection";
import type { PortalEvent } from "@/lib/db/schema";
import type { SharedZone } from "@/lib/lab/app-services";
import {
  createSecretDownload,
  findAddressOwner,
  findAttendee,
  findEventById,
  listTouchedSteps,
  liveDownloadTokens,
  rememberAddresses,
  markStepOpened,
  readStepMemory,
  recordActivity,
  recordStepStatus,
  writeStepMemory,
} from "@/lib/db/queries";
import { forgetIfRejected, resolveCredentials } from "@/lib/credentials";
import { audited, planEntrySubject } from "@/lib/lab/audit";
import { moduleOfStep, moduleSteps } from "@/lib/lab/catalogue";
import { factReader, invalidateFacts, type FactKind } from "@/lib/lab/facts";
import { invalidateClassZone } from "@/lib/lab/class-zone";
import { findWebInstance } from "@/lib/lab/compute-facts";
import { stepDefinition } from "@/lib/lab/registry";
import {
  portalTags,
  stepStateOf,
  type CheckItem,
  type LabStep,
  type PlanEntry,
  type SecretFile,
  type StepContext,
  type StepOperation,
  type StepState,
} from "@/lib/lab/types";
import { forgetStatuses, putStatus, storedStatus } from "@/lib/lab/status-store";
import { log, logInternalError, withLogContext } from "@/lib/log";
import { withLease } from "@/lib/db/leases";
import {
  sandboxApp,
  sandboxInstanceFiles,
  saveSandboxConfig,
  uploadAsSandboxInstance,
  type InstanceFiles,
  type SandboxApp,
  type SandboxRuntimeConnection,
} from "@/lib/sandbox/client";
import { sandboxInstructorAccountId } from "@/lib/sandbox/accounts";

export type Problem =
  | AwsProblem
  | { code: "no_credentials" }
  | { code: "busy" }
  | { code: "event_ended" }
  | { code: "internal"; reference: string };

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
  sandboxRuntime?: SandboxRuntimeConnection;
  cacheMs: number;
  makeProbe: (options: { sandbox: boolean }) => StepContext["probe"];
  makeHealthReader: (options: { sandbox: boolean }) => StepContext["readHealth"];
  userData: string;
};

export type AttendeeRef = {
  attendeeId: string;
  eventId: string;
  clientIp?: string;
  /** Who asked, when not the attendee: an instructor doing it for them. */
  actor?: { kind: "instructor"; id: string };
};

type Evaluation = { startedAt: number; status: Promise<ModuleStatus> };

type RunnerState = {
  inFlight: Map<string, Evaluation>;
  /** When each attendee's account last changed through the portal (apply, new credentials). */
  changedAt: Map<string, number>;
  recorded: Map<string, string>;
  knownAddresses: Map<string, string>;
  evaluations: { total: number; byAttendee: Map<string, number> };
};

// Per process, not per route bundle: a production build bundles this module more than once.
const state = ((globalThis as { __aws101Runner?: RunnerState }).__aws101Runner ??= {
  inFlight: new Map(),
  changedAt: new Map(),
  recorded: new Map(),
  knownAddresses: new Map(),
  evaluations: { total: 0, byAttendee: new Map() },
});

/** What is stored for the attendee is out of date: the next request evaluates afresh. */
export function forgetCachedStatus(attendeeId: string) {
  state.changedAt.set(attendeeId, Date.now());
  forgetStatuses(attendeeId);
}

/** How many module evaluations (each one read of AWS) have run, overall and per attendee. */
export function evaluationCounts(): { total: number; byAttendee: ReadonlyMap<string, number> } {
  return state.evaluations;
}

type Session = {
  aws: AwsClients;
  ctx: StepContext;
  counter: AwsCallCounter;
  facts: ReturnType<typeof factReader>;
  accountKey: string;
  accountId: string;
};

const MAX_REUSED_CLIENTS = 2_000;
/** Renewed every 5 s while the plan runs; a portal that dies mid-apply frees the account within this. */
const APPLY_LEASE_MS = 15_000;

// Per process: one set of SDK clients (and their sockets) per attendee and credentials.
const clientSets = ((
  globalThis as { __aws101Clients?: Map<string, AwsClients> }
).__aws101Clients ??= new Map());

/** Clients are reused across refreshes; calls are counted per refresh by `countingCalls`. */
function reusableClients(attendeeId: string, target: AwsTarget): AwsClients {
  const key = `${attendeeId}|${target.credentials.accessKeyId}|${target.region}|${target.endpoint ?? ""}`;
  let clients = clientSets.get(key);
  if (!clients) {
    for (const [known] of clientSets) {
      if (known.startsWith(`${attendeeId}|`)) clientSets.delete(known);
    }
    if (clientSets.size >= MAX_REUSED_CLIENTS) {
      const oldest = clientSets.keys().next().value;
      if (oldest) clientSets.delete(oldest);
    }
    clients = createAwsClients(target);
    clientSets.set(key, clients);
  }
  return clients;
}

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
  const aws = reusableClients(attendee.attendeeId, resolved.target);
  const accountKey = `${attendee.attendeeId}|${resolved.target.region}`;
  const [event, person] = await Promise.all([
    findEventById(runtime.db, attendee.eventId),
    findAttendee(runtime.db, attendee.attendeeId),
  ]);
  const sharedZone = event ? sharedZoneOf(event, runtime.sandboxEndpoint) : undefined;
  const initials = person?.initials ?? undefined;
  // Any account on the emulator (pasted emulator keys in tests too) has invented public addresses.
  const onEmulator = { sandbox: resolved.target.endpoint !== undefined };
  return {
    counter,
    aws,
    accountKey,
    accountId: resolved.accountId,
    facts: factReader(aws, accountKey, {
      accountId: resolved.accountId,
      principalArn: resolved.principalArn,
      sharedZone,
      initials,
    }),
    ctx: {
      sharedZone,
      initials,
      email: person?.email ?? undefined,
      joinedAt: person?.created_at,
      principalArn: resolved.principalArn,
      addressOwner: async (publicIp) => {
        const owner = await findAddressOwner(runtime.db, attendee.eventId, publicIp);
        return owner
          ? {
              attendeeId: owner.id,
              displayName: owner.display_name,
              initials: owner.initials ?? undefined,
            }
          : undefined;
      },
      attendeeId: attendee.attendeeId,
      eventId: attendee.eventId,
      accountId: resolved.accountId,
      region: resolved.target.region,
      sandbox: resolved.source === "sandbox",
      clientIp: attendee.clientIp,
      sandboxApp: (instanceId) =>
        resolved.source === "sandbox"
          ? sandboxApp(runtime.sandboxRuntime, { accountId: resolved.accountId, instanceId })
          : Promise.resolve({ state: "unavailable" }),
      // Several steps look at the same app in one refresh: each URL is asked once.
      probe: oncePerKey(runtime.makeProbe(onEmulator)),
      readHealth: oncePerKey(runtime.makeHealthReader(onEmulator)),
      userData: runtime.userData,
      memory: {
        read: (stepId) => readStepMemory(runtime.db, attendee.attendeeId, stepId),
        write: (stepId, value) =>
          writeStepMemory(runtime.db, { attendeeId: attendee.attendeeId, stepId, value }),
      },
      sandboxConfig: sandboxConfigFile(
        resolved.source === "sandbox" ? runtime.sandboxRuntime : undefined,
        resolved.accountId,
      ),
      sandboxUpload: async (instanceId, bucket) =>
        resolved.source === "sandbox" && runtime.sandboxRuntime
          ? uploadAsSandboxInstance(
              runtime.sandboxRuntime,
              { accountId: resolved.accountId, instanceId },
              bucket,
            )
          : undefined,
    },
  };
}

/** The event's class zone, once the instructor (or the sandbox) has set all of it. */
function sharedZoneOf(event: PortalEvent, sandboxEndpoints?: string): SharedZone | undefined {
  if (
    !event.shared_domain ||
    !event.shared_zone_id ||
    !event.instructor_account_id ||
    !event.crossaccount_role
  ) {
    return undefined;
  }
  return {
    domain: event.shared_domain,
    zoneId: event.shared_zone_id,
    instructorAccountId: event.instructor_account_id,
    roleName: event.crossaccount_role,
    ...(sandboxEndpoints && event.instructor_account_id === sandboxInstructorAccountId(event.id)
      ? { sandboxEndpoints }
      : {}),
  };
}

function sandboxConfigFile(
  connection: SandboxRuntimeConnection | undefined,
  accountId: string,
): StepContext["sandboxConfig"] {
  return {
    read: async (instanceId) =>
      connection
        ? (await sandboxInstanceFiles(connection, { accountId, instanceId }))?.config
        : undefined,
    save: async (instanceId, text) =>
      connection ? saveSandboxConfig(connection, { accountId, instanceId }, text) : false,
  };
}

function oncePerKey<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    let result = seen.get(key);
    if (!result) {
      result = read(key);
      seen.set(key, result);
    }
    return result;
  };
}

/** AWS's refusals are the attendee's to fix; anything else is ours, logged with a reference. */
async function problemOf(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  error: unknown,
): Promise<Problem> {
  if (!isAwsFailure(error)) {
    return { code: "internal", reference: logInternalError(error, "lab step failed") };
  }
  await forgetIfRejected(runtime.db, attendee.attendeeId, error);
  return classifyAwsError(error);
}

const needsOf = (steps: LabStep[]): FactKind[] => [...new Set(steps.flatMap((step) => step.needs))];

type ModuleSteps = { moduleId: string; steps: LabStep[] };

/**
 * The modules' statuses from one read of the facts all their steps need: several modules refreshed
 * together read each resource kind once. `awsCalls` is the calls of that one read.
 */
async function evaluate(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  modules: ModuleSteps[],
): Promise<ModuleStatus[]> {
  const checkedAt = new Date().toISOString();
  const failed = (problem: Problem, awsCalls: number) =>
    modules.map(({ moduleId }) => ({ moduleId, checkedAt, steps: [], problem, awsCalls }));
  const session = await openSession(runtime, attendee);
  if (!session) return failed({ code: "no_credentials" }, 0);
  const needs = needsOf(modules.flatMap((labModule) => labModule.steps));
  let statuses: ModuleStatus[];
  try {
    const [facts, touched] = await countingCalls(session.counter, () =>
      Promise.all([
        session.facts.readAll(needs),
        listTouchedSteps(runtime.db, attendee.attendeeId),
      ]),
    );
    const checked = async (step: LabStep): Promise<StepResult> => {
      const items = await withLogContext({ step: step.id }, () => step.check(facts, session.ctx));
      const state = stepStateOf(items);
      const untouched =
        (state === "fail" || state === "pending") &&
        !touched.has(step.id) &&
        !step.started(facts, session.ctx);
      return { stepId: step.id, state: untouched ? "not-started" : state, items };
    };
    statuses = await Promise.all(
      modules.map(async ({ moduleId, steps }) => ({
        moduleId,
        checkedAt,
        steps: await Promise.all(steps.map(checked)),
        awsCalls: session.counter.total,
      })),
    );
  } catch (error) {
    return failed(await problemOf(runtime, attendee, error), session.counter.total);
  }
  for (const status of statuses) {
    log().debug({ moduleId: status.moduleId, awsCalls: status.awsCalls }, "module refreshed");
    await record(runtime.db, attendee.attendeeId, status);
  }
  if (needs.includes("addresses")) {
    await rememberPublicIps(runtime.db, attendee, await session.facts.read("addresses"));
  }
  return statuses;
}

/** Kept so Module 4 can say whose Elastic IP a record points at; written only when it changes. */
async function rememberPublicIps(db: PortalDb, attendee: AttendeeRef, addresses: AddressSummary[]) {
  const publicIps = addresses.map((address) => address.publicIp).sort();
  const key = publicIps.join(",");
  if (state.knownAddresses.get(attendee.attendeeId) === key) return;
  await rememberAddresses(db, {
    attendeeId: attendee.attendeeId,
    eventId: attendee.eventId,
    publicIps,
  });
  state.knownAddresses.set(attendee.attendeeId, key);
}

/** Writes only what changed, so a panel polling every few seconds doesn't become a write load. */
async function record(db: PortalDb, attendeeId: string, status: ModuleStatus) {
  for (const step of status.steps) {
    const itemsJson = JSON.stringify(step.items);
    const key = `${attendeeId}|${step.stepId}`;
    if (state.recorded.get(key) === `${step.state}|${itemsJson}`) continue;
    await recordStepStatus(db, {
      attendeeId,
      moduleId: status.moduleId,
      stepId: step.stepId,
      state: step.state,
      itemsJson,
    });
    state.recorded.set(key, `${step.state}|${itemsJson}`);
  }
}

/**
 * The module's status: from the store when it is recent enough (never waiting for AWS), otherwise
 * evaluated with one read of the facts its steps need. Concurrent callers share one evaluation;
 * `fresh` never joins one that began before the attendee's last change.
 */
export async function moduleStatus(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  moduleId: string,
  options: { fresh?: boolean } = {},
): Promise<ModuleStatus | undefined> {
  const steps = await moduleSteps(moduleId);
  if (!steps) return undefined;
  if (!options.fresh) {
    const stored = storedStatus(attendee.attendeeId, moduleId);
    if (stored && Date.now() - Date.parse(stored.checkedAt) < runtime.cacheMs) return stored;
  }
  const running = state.inFlight.get(`${attendee.attendeeId}|${moduleId}`);
  const changedAt = state.changedAt.get(attendee.attendeeId) ?? 0;
  if (running && (!options.fresh || running.startedAt >= changedAt)) return running.status;
  return startEvaluation(runtime, attendee, [{ moduleId, steps }])[0];
}

/**
 * Several modules of one attendee refreshed with one read of AWS (the background cadence's whole
 * lab): a module whose refresh began after the attendee's last change joins that one instead.
 * Answers the statuses this call evaluated (not the joined ones).
 */
export async function refreshModules(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  moduleIds: string[],
): Promise<ModuleStatus[]> {
  const changedAt = state.changedAt.get(attendee.attendeeId) ?? 0;
  const joined: Promise<ModuleStatus>[] = [];
  const modules: ModuleSteps[] = [];
  for (const moduleId of new Set(moduleIds)) {
    const steps = await moduleSteps(moduleId);
    if (!steps) continue;
    const running = state.inFlight.get(`${attendee.attendeeId}|${moduleId}`);
    if (running && running.startedAt >= changedAt) joined.push(running.status);
    else modules.push({ moduleId, steps });
  }
  const started = modules.length > 0 ? startEvaluation(runtime, attendee, modules) : [];
  await Promise.all(joined);
  return Promise.all(started);
}

/** One evaluation of the modules, shared by every caller of each of them while it runs. */
function startEvaluation(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  modules: ModuleSteps[],
): Promise<ModuleStatus>[] {
  const startedAt = Date.now();
  const all = withLogContext({ attendeeId: attendee.attendeeId }, () =>
    evaluate(runtime, attendee, modules),
  );
  return modules.map(({ moduleId }) => {
    const key = `${attendee.attendeeId}|${moduleId}`;
    const evaluation: Evaluation = {
      startedAt,
      status: all.then((statuses) => {
        const status = statuses.find((candidate) => candidate.moduleId === moduleId);
        if (!status) throw new Error(`no status evaluated for ${moduleId}`);
        putStatus(runtime.db, attendee.attendeeId, status);
        return status;
      }),
    };
    state.evaluations.total += 1;
    state.evaluations.byAttendee.set(
      attendee.attendeeId,
      (state.evaluations.byAttendee.get(attendee.attendeeId) ?? 0) + 1,
    );
    state.inFlight.set(key, evaluation);
    const forget = () => {
      if (state.inFlight.get(key) === evaluation) state.inFlight.delete(key);
    };
    evaluation.status.then(forget, forget);
    return evaluation.status;
  });
}

/** The attendee looked at the step: from now on it is theirs to finish, not "not started". */
export async function openStep(runtime: RunnerEnvironment, attendee: AttendeeRef, stepId: string) {
  if (await markStepOpened(runtime.db, attendee.attendeeId, stepId)) {
    forgetCachedStatus(attendee.attendeeId);
  }
}

export async function checkStep(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  stepId: string,
): Promise<{ result?: StepResult; problem?: Problem; checkedAt: string } | undefined> {
  const moduleId = await moduleOfStep(stepId);
  if (!moduleId) return undefined;
  await openStep(runtime, attendee, stepId);
  const status = await moduleStatus(runtime, attendee, moduleId, { fresh: true });
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

async function planWith(
  session: Session,
  step: LabStep,
  operation: StepOperation,
): Promise<PlanEntry[]> {
  const planner = operation === "undo" ? step.undo : step.plan;
  if (!planner) return [];
  const facts = await session.facts.readAll([...step.needs, ...(step.planNeeds ?? [])]);
  return planner(facts, session.ctx);
}

export async function planStep(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  stepId: string,
  operation: StepOperation = "do",
): Promise<PlanOutcome> {
  const step = stepDefinition(stepId);
  return withLogContext({ attendeeId: attendee.attendeeId, step: stepId }, async () => {
    const session = await openSession(runtime, attendee);
    if (!session) return { entries: [], problem: { code: "no_credentials" } };
    try {
      return { entries: await planWith(session, step, operation) };
    } catch (error) {
      return { entries: [], problem: await problemOf(runtime, attendee, error) };
    }
  });
}

export type ApplyOutcome = {
  done: PlanEntry[];
  downloads: { token: string; filename: string }[];
  problem?: Problem;
};

/**
 * Re-reads AWS under a per-attendee lock, re-plans, and runs exactly the entries that plan shows
 * as create/remove/update, so a double click or a stale plan never creates a second instance.
 */
export async function applyStep(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  stepId: string,
  operation: StepOperation = "do",
): Promise<ApplyOutcome> {
  const step = stepDefinition(stepId);
  try {
    return await withLogContext({ attendeeId: attendee.attendeeId, step: stepId }, async () => {
      const session = await openSession(runtime, attendee);
      if (!session) return { done: [], downloads: [], problem: { code: "no_credentials" } };
      // Keyed by the AWS account and held in the database, so a double click, a second tab or a
      // second portal instance never runs two plans against one account at once.
      const held = await withLease(runtime.db, `apply:${session.accountId}`, APPLY_LEASE_MS, () =>
        runPlan(runtime, attendee, step, session, operation),
      );
      if (!held) return { done: [], downloads: [], problem: { code: "busy" } };
      const outcome = held.value;
      await recordActivity(runtime.db, {
        attendeeId: attendee.attendeeId,
        stepId,
        kind: operation === "undo" ? "undo" : "apply",
        outcome: outcome.problem ? outcome.problem.code : `done:${outcome.done.length}`,
      });
      return outcome;
    });
  } finally {
    forgetCachedStatus(attendee.attendeeId);
  }
}

async function runPlan(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  step: LabStep,
  session: Session,
  operation: StepOperation,
): Promise<ApplyOutcome> {
  const done: PlanEntry[] = [];
  const downloads: Download[] = [];
  let problem: Problem | undefined;
  // Reads begun before this apply may predate the attendee's last change: start afresh.
  invalidateFacts(session.accountKey);
  try {
    downloads.push(...(await undeliveredDownloads(runtime.db, attendee, step.id)));
    const context = {
      aws: session.aws,
      ctx: session.ctx,
      tags: portalTags(session.ctx),
      results: new Map<string, string>(),
      handOver: async (file: SecretFile) => {
        downloads.push(await storeDownload(runtime.db, attendee, file));
        await rememberUndelivered(runtime.db, attendee, step.id, downloads);
      },
    };
    for (const entry of await planWith(session, step, operation)) {
      const run = entry.run;
      if (!run) continue;
      const subject = { attendee, accountId: session.accountId, stepId: step.id, operation, entry };
      const said = await audited(runtime.db, planEntrySubject(subject), () => run(context));
      done.push(said ? { ...entry, done: said } : entry);
      log().info({ entry: entry.id, kind: entry.kind }, "do-it-for-me entry done");
    }
  } catch (error) {
    problem = await problemOf(runtime, attendee, error);
  } finally {
    invalidateFacts(session.accountKey);
    if (session.ctx.sharedZone) invalidateClassZone(session.ctx.sharedZone.zoneId);
  }
  if (downloads.length > 0) await rememberUndelivered(runtime.db, attendee, step.id, []);
  return { done, downloads, ...(problem ? { problem } : {}) };
}

type Download = { token: string; filename: string };

/** Stored as soon as the secret exists, so a portal that dies mid-apply leaves it to be taken. */
async function storeDownload(db: PortalDb, attendee: AttendeeRef, file: SecretFile) {
  const token = randomToken();
  await createSecretDownload(db, {
    token,
    attendeeId: attendee.attendeeId,
    filename: file.filename,
    sealed: seal(file.content, `download:${token}`),
    expiresAt: new Date(Date.now() + 60 * 60 * 1000),
  });
  return { token, filename: file.filename };
}

// Kept beside the step's own memory until the apply has returned its links to the attendee.
const undeliveredKey = (stepId: string) => `${stepId}#downloads`;

async function rememberUndelivered(
  db: PortalDb,
  attendee: AttendeeRef,
  stepId: string,
  downloads: Download[],
) {
  await writeStepMemory(db, {
    attendeeId: attendee.attendeeId,
    stepId: undeliveredKey(stepId),
    value: downloads,
  });
}

/** Links an apply of this step stored but never returned (its portal died): offered now. */
async function undeliveredDownloads(db: PortalDb, attendee: AttendeeRef, stepId: string) {
  const parsed = downloadList.safeParse(
    await readStepMemory(db, attendee.attendeeId, undeliveredKey(stepId)),
  );
  if (!parsed.success) return [];
  const live = await liveDownloadTokens(
    db,
    attendee.attendeeId,
    parsed.data.map((download) => download.token),
  );
  return parsed.data.filter((download) => live.has(download.token));
}

const downloadList = z.array(z.object({ token: z.string(), filename: z.string() }));

export type SandboxInstanceView = {
  accountId: string;
  web?: { id: string; state: string; publicIp?: string };
  app: SandboxApp;
  files?: InstanceFiles;
  health?: unknown;
};

/**
 * What the sandbox instance page shows: the attendee's Web, its app and the files an attendee
 * would reach over SSH. Undefined when the attendee is not on a sandbox account.
 */
export async function sandboxInstance(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
): Promise<SandboxInstanceView | { problem: Problem } | undefined> {
  const resolved = await resolveCredentials(
    runtime.db,
    attendee.attendeeId,
    runtime.sandboxEndpoint,
  );
  if (!resolved || resolved.source !== "sandbox") return undefined;
  const session = await openSession(runtime, attendee);
  if (!session) return undefined;
  let instances;
  try {
    instances = await session.facts.read("instances");
  } catch (error) {
    return { problem: await problemOf(runtime, attendee, error) };
  }
  const web = findWebInstance(instances);
  const accountId = session.accountId;
  if (!web) return { accountId, app: { state: "not-found" } };
  const app = await session.ctx.sandboxApp(web.id);
  const target = { accountId, instanceId: web.id };
  return {
    accountId,
    web: { id: web.id, state: web.state, publicIp: web.publicIp },
    app,
    files: runtime.sandboxRuntime
      ? await sandboxInstanceFiles(runtime.sandboxRuntime, target)
      : undefined,
    health: app.state === "running" ? await appHealth(app.url) : undefined,
  };
}

async function appHealth(url: string): Promise<unknown> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3000) });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the attendee's config.env on their sandbox Web and reloads its app. */
export async function saveSandboxInstanceConfig(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  input: { instanceId: string; text: string },
): Promise<boolean> {
  const resolved = await resolveCredentials(
    runtime.db,
    attendee.attendeeId,
    runtime.sandboxEndpoint,
  );
  if (!resolved || resolved.source !== "sandbox" || !runtime.sandboxRuntime) return false;
  return saveSandboxConfig(
    runtime.sandboxRuntime,
    { accountId: resolved.accountId, instanceId: input.instanceId },
    input.text,
  );
}
