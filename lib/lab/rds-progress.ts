import type { ItemProgress } from "@/lib/lab/types";

/**
 * How long a small Multi-AZ MySQL instance usually stays in each working status. AWS reports no
 * progress of its own, so the bar is an estimate from the time the status began.
 */
const TYPICAL_MINUTES: Record<string, number> = {
  creating: 15,
  "backing-up": 5,
  modifying: 15,
  rebooting: 4,
  starting: 6,
  upgrading: 20,
  "configuring-enhanced-monitoring": 5,
  "configuring-log-exports": 5,
  "configuring-iam-database-auth": 5,
  "resetting-master-credentials": 3,
  renaming: 5,
  "storage-optimization": 30,
  maintenance: 15,
};

/** Statuses in which AWS is still working on the instance and the attendee should wait. */
export function isRdsBusy(status: string | undefined): boolean {
  return status !== undefined && status in TYPICAL_MINUTES;
}

const MAX_ESTIMATE_PERCENT = 95;

export function rdsProgress(status: string, since: string, now = Date.now()): ItemProgress {
  return estimatedProgress(status, since, TYPICAL_MINUTES[status] ?? 10, now);
}

/** A bar from the time a slow AWS status began and how long that status usually lasts. */
export function estimatedProgress(
  status: string,
  since: string,
  typicalMinutes: number,
  now = Date.now(),
): ItemProgress {
  const elapsed = Math.max(0, (now - Date.parse(since)) / 60_000);
  return {
    status,
    // Never 100 % while AWS still says it is working, and never an empty bar.
    percent: Math.min(
      MAX_ESTIMATE_PERCENT,
      Math.max(1, Math.round((elapsed / typicalMinutes) * 100)),
    ),
    etaMinutes: Math.max(0, Math.ceil(typicalMinutes - elapsed)),
  };
}
