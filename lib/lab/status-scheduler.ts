import "server-only";
import { refreshModules, type AttendeeRef, type RunnerEnvironment } from "@/lib/lab/runner";
import { storedStatus } from "@/lib/lab/status-store";
import { log } from "@/lib/log";

export type SchedulerSettings = {
  /** How often a watched module is refreshed; each refresh is spread by ±25 % so none line up. */
  cadenceMs: number;
  /** Refreshes running at once, over all attendees: the AWS budget of the whole portal. */
  concurrency: number;
  /** A watcher with nothing stored yet is refreshed within this, spread, not all in one second. */
  firstRefreshSpreadMs: number;
  /**
   * Refreshes started per second over the whole portal: what keeps the AWS (or emulator) load set
   * by the budget, not by the number of watchers. A big class then sees each panel refreshed less
   * often, never slower answers. Unset: only `concurrency` bounds it.
   */
  perSecond?: number;
  /**
   * AWS calls per second one account may spend on these refreshes: after a refresh of N calls,
   * the account's next waits N / this seconds from the last one's start. Unset: only one refresh
   * of an account at a time.
   */
  accountCallsPerSecond?: number;
};

type Watched = {
  runtime: RunnerEnvironment;
  attendee: AttendeeRef;
  moduleId: string;
  watchers: number;
  timer?: NodeJS.Timeout;
};

/** One attendee's account: its refreshes run one after another, spaced by its calls budget. */
type Account = { tail: Promise<void>; readyAt: number; waiting: number };

type SchedulerState = {
  accounts: Map<string, Account>;
  watched: Map<string, Watched>;
  /** Refreshes queued or running, per attendee and module: one at a time (single-flight). */
  refreshing: Map<string, Promise<void>>;
  running: number;
  waiting: (() => void)[];
  refreshes: number;
  /** When the next paced refresh may start (epoch ms). */
  nextStartAt: number;
};

// Per process, not per route bundle.
const state: SchedulerState = ((
  globalThis as { __aws101Scheduler?: SchedulerState }
).__aws101Scheduler ??= {
  accounts: new Map(),
  watched: new Map(),
  refreshing: new Map(),
  running: 0,
  waiting: [],
  refreshes: 0,
  nextStartAt: 0,
});

const spread = (ms: number) => ms * (0.75 + Math.random() * 0.5);

async function withinBudget<T>(settings: SchedulerSettings, work: () => Promise<T>): Promise<T> {
  if (state.running >= settings.concurrency) {
    await new Promise<void>((resolve) => state.waiting.push(resolve));
  }
  state.running += 1;
  try {
    return await work();
  } finally {
    state.running -= 1;
    state.waiting.shift()?.();
  }
}

/**
 * Runs `work` (a refresh, answering the AWS calls it made) when the account's previous refresh has
 * finished and its calls budget allows, so no account is read twice at once or faster than that.
 */
async function inAccountTurn(
  attendeeId: string,
  settings: SchedulerSettings,
  work: () => Promise<number>,
): Promise<void> {
  const account = state.accounts.get(attendeeId) ?? {
    tail: Promise.resolve(),
    readyAt: 0,
    waiting: 0,
  };
  state.accounts.set(attendeeId, account);
  const previous = account.tail;
  let release = () => {};
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  account.tail = mine;
  account.waiting += 1;
  try {
    await previous;
    const wait = account.readyAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    account.waiting -= 1;
    const startedAt = Date.now();
    const calls = await work();
    if (settings.accountCallsPerSecond) {
      account.readyAt = startedAt + (calls / settings.accountCallsPerSecond) * 1000;
    }
  } finally {
    release();
    if (account.tail === mine) {
      // Nobody queued behind: forgotten once its budget no longer holds anything back.
      const forget = () => {
        if (account.tail === mine && state.accounts.get(attendeeId) === account) {
          state.accounts.delete(attendeeId);
        }
      };
      const left = account.readyAt - Date.now();
      if (left > 0) setTimeout(forget, left).unref();
      else forget();
    }
  }
}

/** Waits for this refresh's turn in the portal's refreshes-per-second budget. */
async function paced(settings: SchedulerSettings) {
  if (!settings.perSecond) return;
  const now = Date.now();
  const startAt = Math.max(now, state.nextStartAt);
  state.nextStartAt = startAt + 1000 / settings.perSecond;
  if (startAt > now) await new Promise((resolve) => setTimeout(resolve, startAt - now));
}

function schedule(watched: Watched, settings: SchedulerSettings, delayMs: number) {
  clearTimeout(watched.timer);
  watched.timer = setTimeout(() => void refresh(watched, settings), delayMs);
  watched.timer.unref();
}

/**
 * Nothing (or nothing recent) is stored: refreshed in the background, the caller need not wait;
 * the promise settles when the refresh is done (it never rejects).
 */
export function refreshInBackground(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  moduleId: string,
  settings: SchedulerSettings,
): Promise<void> {
  return refreshTogether(runtime, attendee, [moduleId], settings);
}

/**
 * Modules of one attendee in one refresh (one read of AWS for all of them), within the portal's
 * budget and the account's turn. One refresh per attendee and module at a time: a module already
 * queued or running is awaited instead. One that waited for its turn is dropped when it is no
 * longer wanted (its watchers left meanwhile). Never rejects.
 */
export function refreshTogether(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  moduleIds: string[],
  settings: SchedulerSettings,
  wanted: () => boolean = () => true,
): Promise<void> {
  const keyOf = (moduleId: string) => `${attendee.attendeeId}|${moduleId}`;
  const queued = moduleIds.flatMap((moduleId) => state.refreshing.get(keyOf(moduleId)) ?? []);
  const mine = moduleIds.filter((moduleId) => !state.refreshing.has(keyOf(moduleId)));
  if (mine.length === 0) return Promise.all(queued).then(() => undefined);
  const refresh = inAccountTurn(attendee.attendeeId, settings, () =>
    withinBudget(settings, async () => {
      if (!wanted()) return 0;
      await paced(settings);
      if (!wanted()) return 0;
      state.refreshes += 1;
      const statuses = await refreshModules(runtime, attendee, mine);
      // One read for all of them: each status carries that read's calls.
      return Math.max(0, ...statuses.map((status) => status.awsCalls));
    }),
  )
    .then(
      () => undefined,
      (error: unknown) => log().warn({ err: error, modules: mine }, "status refresh failed"),
    )
    .finally(() => {
      for (const moduleId of mine) {
        if (state.refreshing.get(keyOf(moduleId)) === refresh) {
          state.refreshing.delete(keyOf(moduleId));
        }
      }
    });
  for (const moduleId of mine) state.refreshing.set(keyOf(moduleId), refresh);
  return Promise.all([refresh, ...queued]).then(() => undefined);
}

async function refresh(watched: Watched, settings: SchedulerSettings) {
  await refreshTogether(
    watched.runtime,
    watched.attendee,
    [watched.moduleId],
    settings,
    () => watched.watchers > 0,
  );
  if (watched.watchers > 0) schedule(watched, settings, spread(settings.cadenceMs));
}

/**
 * Keeps a module of an attendee fresh while someone watches it (an open stream): refreshed on the
 * cadence, within the portal's budget, and not at all once nobody watches.
 */
export function watchModule(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  moduleId: string,
  settings: SchedulerSettings,
): () => void {
  const key = `${attendee.attendeeId}|${moduleId}`;
  let watched = state.watched.get(key);
  if (!watched) {
    watched = { runtime, attendee, moduleId, watchers: 0 };
    state.watched.set(key, watched);
    const stored = storedStatus(attendee.attendeeId, moduleId);
    const age = stored ? Date.now() - Date.parse(stored.checkedAt) : Infinity;
    schedule(
      watched,
      settings,
      age >= settings.cadenceMs
        ? Math.random() * settings.firstRefreshSpreadMs
        : spread(settings.cadenceMs - age),
    );
  }
  // The newest watcher's address is the one the SSH check should compare with.
  watched.attendee = attendee;
  watched.watchers += 1;
  const current = watched;
  return () => {
    current.watchers -= 1;
    if (current.watchers > 0) return;
    clearTimeout(current.timer);
    if (state.watched.get(key) === current) state.watched.delete(key);
  };
}

/** For the benchmark and the instructor: how much the scheduler is doing. */
export function schedulerStats() {
  return {
    watchedModules: state.watched.size,
    running: state.running,
    queued: state.refreshing.size,
    waiting: state.waiting.length,
    /** Refreshes waiting for their account's previous one, or its calls budget. */
    waitingForAccount: [...state.accounts.values()].reduce(
      (sum, account) => sum + account.waiting,
      0,
    ),
    refreshes: state.refreshes,
  };
}
