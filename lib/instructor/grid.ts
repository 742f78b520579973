import type { StepState } from "@/lib/lab/types";

export type GridStep = { moduleId: string; stepId: string; title: string };
export type CredentialState = "none" | "sandbox" | "own" | "assumed" | "expired";

export type Stuck =
  | { kind: "slow"; minutes: number; medianMinutes: number }
  | { kind: "repeat"; itemId: string; checks: number };

export type GridAttendee = {
  id: string;
  name: string;
  credential: CredentialState;
  states: Record<string, StepState>;
  passed: number;
  current: { stepId: string; since: string } | null;
  stuck: Stuck | null;
  help: { stepId: string; at: string } | null;
  lastSeenAt: string;
};

export type GridSnapshot = {
  at: string;
  steps: GridStep[];
  attendees: GridAttendee[];
  /** Per step: how many attendees are in each state. */
  totals: Record<string, Partial<Record<StepState, number>>>;
};

type Input = {
  attendees: { id: string; display_name: string; created_at: string; last_seen_at: string }[];
  statuses: {
    attendee_id: string;
    step_id: string;
    state: StepState;
    items_json: string;
    passed_at: string | null;
  }[];
  credentials: { attendee_id: string; source: string; expires_at: string }[];
  help: { attendee_id: string; step_id: string; created_at: string }[];
  checks: { attendee_id: string; step_id: string; outcome: string; created_at: string }[];
};

export const STUCK = {
  /** Time on a step counts as stuck past this multiple of the class median … */
  medianFactor: 2,
  /** … and past this many minutes, so a fast class doesn't flag someone at 90 seconds. */
  minMinutes: 5,
  /** The same item failing this many checks in a row. */
  repeatedChecks: 3,
} as const;

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const high = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? high : ((sorted[middle - 1] ?? high) + high) / 2;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function firstFailingItem(itemsJson: string): string | undefined {
  try {
    const items = JSON.parse(itemsJson) as { id?: unknown; status?: unknown }[];
    const failing = items.find((item) => item.status === "fail");
    return typeof failing?.id === "string" ? failing.id : undefined;
  } catch {
    return undefined;
  }
}

/** Consecutive checks of the step, newest first, that came back failing. */
function failingStreak(checks: Input["checks"], stepId: string): number {
  let streak = 0;
  for (let i = checks.length - 1; i >= 0; i -= 1) {
    const check = checks[i];
    if (!check || check.step_id !== stepId) continue;
    if (check.outcome !== "fail") break;
    streak += 1;
  }
  return streak;
}

/**
 * A step's duration for one attendee runs from when they passed the step before it (or joined)
 * to when they passed it; the current step is the first one in course order not yet passed.
 */
export function buildGrid(steps: GridStep[], rows: Input, nowMs = Date.now()): GridSnapshot {
  const statusBy = groupBy(rows.statuses, (row) => row.attendee_id);
  const checksBy = groupBy(rows.checks, (row) => row.attendee_id);
  const helpBy = new Map(rows.help.map((row) => [row.attendee_id, row]));
  const credentialBy = new Map(rows.credentials.map((row) => [row.attendee_id, row]));
  const durations = new Map<string, number[]>();
  const base = rows.attendees.map((attendee) => {
    const mine = new Map((statusBy.get(attendee.id) ?? []).map((row) => [row.step_id, row]));
    const states: Record<string, StepState> = {};
    let previousPass = attendee.created_at;
    let current: GridAttendee["current"] = null;
    let passed = 0;
    for (const step of steps) {
      const row = mine.get(step.stepId);
      const state = row?.state ?? "not-started";
      states[step.stepId] = state;
      if (state === "pass" && row?.passed_at) {
        passed += 1;
        const took = Date.parse(row.passed_at) - Date.parse(previousPass);
        if (took >= 0 && !current) {
          durations.set(step.stepId, [...(durations.get(step.stepId) ?? []), took]);
        }
        if (row.passed_at > previousPass) previousPass = row.passed_at;
      } else if (!current) {
        current = { stepId: step.stepId, since: previousPass };
      }
    }
    const credential = credentialBy.get(attendee.id);
    const credentialState: CredentialState = !credential
      ? "none"
      : Date.parse(credential.expires_at) <= nowMs
        ? "expired"
        : credential.source === "own" || credential.source === "assumed"
          ? credential.source
          : "sandbox";
    const help = helpBy.get(attendee.id);
    return {
      attendee,
      mine,
      row: {
        id: attendee.id,
        name: attendee.display_name,
        credential: credentialState,
        states,
        passed,
        current,
        stuck: null,
        help: help ? { stepId: help.step_id, at: help.created_at } : null,
        lastSeenAt: attendee.last_seen_at,
      } satisfies GridAttendee,
    };
  });
  // Where no one has finished a step yet, the class's time on it so far stands in for the median.
  const onStep = groupBy(
    base.filter(({ row }) => row.current),
    ({ row }) => row.current?.stepId ?? "",
  );
  const medianOf = (stepId: string) =>
    median(durations.get(stepId) ?? []) ??
    median(
      (onStep.get(stepId) ?? []).map(({ row }) => nowMs - Date.parse(row.current?.since ?? "")),
    );
  const attendees = base.map(({ row, mine }) => {
    if (!row.current) return row;
    const { stepId, since } = row.current;
    const status = mine.get(stepId);
    const failing = status?.state === "fail" ? firstFailingItem(status.items_json) : undefined;
    const streak = failingStreak(checksBy.get(row.id) ?? [], stepId);
    if (failing && streak >= STUCK.repeatedChecks) {
      return { ...row, stuck: { kind: "repeat", itemId: failing, checks: streak } as const };
    }
    const spent = nowMs - Date.parse(since);
    const typical = medianOf(stepId);
    if (
      typical !== undefined &&
      spent > STUCK.medianFactor * typical &&
      spent > STUCK.minMinutes * 60_000
    ) {
      const minutes = Math.round(spent / 60_000);
      return {
        ...row,
        stuck: { kind: "slow", minutes, medianMinutes: Math.round(typical / 60_000) } as const,
      };
    }
    return row;
  });
  const totals: GridSnapshot["totals"] = {};
  for (const step of steps) {
    const counts: Partial<Record<StepState, number>> = {};
    for (const attendee of attendees) {
      const state = attendee.states[step.stepId] ?? "not-started";
      counts[state] = (counts[state] ?? 0) + 1;
    }
    totals[step.stepId] = counts;
  }
  return { at: new Date(nowMs).toISOString(), steps, attendees, totals };
}

export type StepSummary = {
  step: GridStep;
  reached: number;
  passed: number;
  medianMinutes: number | null;
  failingItems: { itemId: string; count: number }[];
};

/** The post-event view: how far the class got, how long each step took, what failed most. */
export function summarise(steps: GridStep[], rows: Input): StepSummary[] {
  const grid = buildGrid(steps, rows);
  const statusByStep = groupBy(rows.statuses, (row) => row.step_id);
  const statusByAttendee = groupBy(rows.statuses, (row) => row.attendee_id);
  return steps.map((step, index) => {
    const durations: number[] = [];
    for (const attendee of rows.attendees) {
      const mine = statusByAttendee.get(attendee.id) ?? [];
      const passedAt = mine.find((row) => row.step_id === step.stepId)?.passed_at;
      if (!passedAt) continue;
      const previous = steps[index - 1];
      const from = previous
        ? mine.find((row) => row.step_id === previous.stepId)?.passed_at
        : attendee.created_at;
      if (from && passedAt >= from) durations.push(Date.parse(passedAt) - Date.parse(from));
    }
    const failing = new Map<string, number>();
    for (const row of statusByStep.get(step.stepId) ?? []) {
      const item = row.state === "fail" ? firstFailingItem(row.items_json) : undefined;
      if (item) failing.set(item, (failing.get(item) ?? 0) + 1);
    }
    const typical = median(durations);
    return {
      step,
      reached: grid.attendees.filter((attendee) => {
        const state = attendee.states[step.stepId];
        return state !== undefined && state !== "not-started";
      }).length,
      passed: grid.totals[step.stepId]?.pass ?? 0,
      medianMinutes: typical === undefined ? null : Math.round((typical / 60_000) * 10) / 10,
      failingItems: [...failing]
        .map(([itemId, count]) => ({ itemId, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 3),
    };
  });
}
