import "server-only";
import { claimPeriodicRun } from "@/lib/db/leases";
import { listStaleModules } from "@/lib/db/queries";
import type { AttendeeRef, RunnerEnvironment } from "@/lib/lab/runner";
import { refreshTogether, type SchedulerSettings } from "@/lib/lab/status-scheduler";
import { log } from "@/lib/log";

export type BackgroundSettings = {
  /** A started module is refreshed when its stored status is older than this. */
  cadenceMs: number;
  /**
   * Attendees refreshed at once in the background, in this instance: what is left of the AWS
   * budget. Each attendee's stale modules are refreshed together, with one read of their account.
   */
  concurrency: number;
  /** Attendees not seen for this long (tab closed and gone home) are left alone. */
  activeWindowMs: number;
  tickMs: number;
};

type BackgroundState = { timer?: NodeJS.Timeout; inFlight: number; refreshes: number };

// Per process, not per route bundle: instrumentation starts it once.
const state: BackgroundState = ((
  globalThis as { __aws101Background?: BackgroundState }
).__aws101Background ??= { inFlight: 0, refreshes: 0 });

/**
 * Keeps every active attendee's started modules fresh with nobody watching (the instructor's
 * grid), oldest first, a few attendees at a time, all of an attendee's stale modules in one read of
 * their account. With several portal instances each stale module is taken by one of them (a lease
 * for the cadence), so the class is refreshed once, not once per instance.
 */
export async function refreshStaleModules(
  runtime: RunnerEnvironment,
  settings: BackgroundSettings,
  scheduler: SchedulerSettings,
): Promise<Promise<void>[]> {
  const free = settings.concurrency - state.inFlight;
  if (free <= 0) return [];
  const now = Date.now();
  const stale = await listStaleModules(runtime.db, {
    staleBefore: new Date(now - settings.cadenceMs).toISOString(),
    activeSince: new Date(now - settings.activeWindowMs).toISOString(),
    // Enough rows for every module of `free` attendees, past ones another instance holds.
    limit: free * 12,
  });
  const due = new Map<string, { attendee: AttendeeRef; moduleIds: string[] }>();
  for (const candidate of stale) {
    const taken = due.get(candidate.attendeeId);
    if (!taken && due.size >= free) continue;
    const lease = `background:${candidate.attendeeId}|${candidate.moduleId}`;
    if (!(await claimPeriodicRun(runtime.db, lease, settings.cadenceMs))) continue;
    if (taken) taken.moduleIds.push(candidate.moduleId);
    else {
      due.set(candidate.attendeeId, {
        attendee: {
          attendeeId: candidate.attendeeId,
          eventId: candidate.eventId,
          clientIp: candidate.clientIp ?? undefined,
        },
        moduleIds: [candidate.moduleId],
      });
    }
  }
  const started = [...due.values()].map(({ attendee, moduleIds }) => {
    state.inFlight += 1;
    state.refreshes += moduleIds.length;
    return refreshTogether(runtime, attendee, moduleIds, scheduler).finally(() => {
      state.inFlight -= 1;
    });
  });
  return started;
}

export function startBackgroundRefresh(
  runtime: () => Promise<RunnerEnvironment>,
  settings: BackgroundSettings,
  scheduler: SchedulerSettings,
) {
  if (state.timer) return;
  let ticking = false;
  state.timer = setInterval(() => {
    if (ticking) return;
    ticking = true;
    runtime()
      .then((environment) => refreshStaleModules(environment, settings, scheduler))
      .catch((error: unknown) => log().warn({ err: error }, "background refresh tick failed"))
      .finally(() => {
        ticking = false;
      });
  }, settings.tickMs);
  state.timer.unref();
}

/** For the benchmark and the instructor: how much the background refresh is doing. */
export function backgroundStats() {
  return { inFlight: state.inFlight, refreshes: state.refreshes };
}
