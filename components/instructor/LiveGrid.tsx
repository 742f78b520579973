"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { stateStyle } from "@/components/lab/StateBadge";
import { ActionButton, type ConsoleAction } from "@/components/instructor/ActionButton";
import { formatTime, type Clock } from "@/components/lab/time";
import type { CredentialState, GridAttendee, GridSnapshot } from "@/lib/instructor/grid";
import type { StepState } from "@/lib/lab/types";

export type LiveGridLabels = {
  search: string;
  filter: string;
  sort: string;
  filters: Record<GridFilter, string>;
  sorts: Record<GridSort, string>;
  attendee: string;
  credential: string;
  current: string;
  lastSeen: string;
  totals: string;
  done: string;
  states: Record<StepState, string>;
  credentials: Record<CredentialState, string>;
  /** Templates: {minutes}, {median}, {item}, {checks}, {step}. */
  stuckSlow: string;
  stuckRepeat: string;
  help: string;
  markHelped: string;
  page: string;
  previous: string;
  next: string;
  live: string;
  reconnecting: string;
  empty: string;
  minutes: string;
  shown: string;
};

type GridFilter = "all" | "attention" | "noCredentials" | "finished";
type GridSort = "joined" | "name" | "progress" | "timeOnStep";

const PAGE_SIZE = 50;

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );

const dark: Record<StepState, string> = {
  pass: "dark:bg-emerald-950 dark:text-emerald-200 dark:border-emerald-700",
  "not-started": "dark:bg-slate-900 dark:text-slate-400 dark:border-slate-600",
  fail: "dark:bg-rose-950 dark:text-rose-200 dark:border-rose-700",
  pending: "dark:bg-sky-950 dark:text-sky-200 dark:border-sky-700",
  unobservable: "dark:bg-slate-900 dark:text-slate-300 dark:border-slate-500",
  error: "dark:bg-rose-900 dark:text-rose-100 dark:border-rose-500",
};

const credentialTone: Record<CredentialState, string> = {
  none: "text-slate-500 dark:text-slate-400",
  sandbox: "text-emerald-800 dark:text-emerald-300",
  own: "text-sky-800 dark:text-sky-300",
  assumed: "text-sky-800 dark:text-sky-300",
  expired: "text-rose-800 dark:text-rose-300",
};

function minutesSince(iso: string, nowMs: number) {
  return Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 60_000));
}

/**
 * The event's attendees × steps, live: the stream sends the whole grid whenever it changes;
 * search, filter, sort and paging happen here, so 300 rows never go back to the server.
 */
export function LiveGrid({
  eventId,
  initial,
  labels,
  clock,
  resolveHelp,
}: {
  eventId: string;
  initial: GridSnapshot;
  labels: LiveGridLabels;
  clock: Clock;
  resolveHelp: ConsoleAction<{ eventId: string; attendeeId: string }>;
}) {
  const [snapshot, setSnapshot] = useState(initial);
  const [connected, setConnected] = useState(false);
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState<GridFilter>("all");
  const [sort, setSort] = useState<GridSort>("joined");
  const [page, setPage] = useState(0);
  const [nowMs, setNowMs] = useState(() => Date.parse(initial.at));

  useEffect(() => {
    const source = new EventSource(`/api/instructor/events/${eventId}/stream`);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.onmessage = (message) => {
      setSnapshot(JSON.parse(message.data as string) as GridSnapshot);
      setConnected(true);
    };
    const clock = setInterval(() => setNowMs(Date.now()), 15_000);
    return () => {
      source.close();
      clearInterval(clock);
    };
  }, [eventId]);

  const titles = useMemo(
    () => new Map(snapshot.steps.map((step) => [step.stepId, step.title])),
    [snapshot.steps],
  );
  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const attention = (row: GridAttendee) => row.help !== null || row.stuck !== null;
    const kept = snapshot.attendees.filter(
      (row) =>
        (!needle || row.name.toLowerCase().includes(needle)) &&
        (filter === "all" ||
          (filter === "attention" && attention(row)) ||
          (filter === "noCredentials" &&
            (row.credential === "none" || row.credential === "expired")) ||
          (filter === "finished" && row.current === null)),
    );
    const order: Record<GridSort, (a: GridAttendee, b: GridAttendee) => number> = {
      joined: () => 0,
      name: (a, b) => a.name.localeCompare(b.name),
      progress: (a, b) => b.passed - a.passed,
      timeOnStep: (a, b) =>
        Date.parse(a.current?.since ?? "9999") - Date.parse(b.current?.since ?? "9999"),
    };
    // Whoever needs the instructor comes first, whatever the chosen order.
    return [...kept].sort(
      (a, b) => Number(attention(b)) - Number(attention(a)) || order[sort](a, b),
    );
  }, [snapshot.attendees, query, filter, sort]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  const reason = (row: GridAttendee) => {
    const parts: string[] = [];
    if (row.help) {
      parts.push(
        fill(labels.help, {
          step: titles.get(row.help.stepId) ?? row.help.stepId,
          minutes: minutesSince(row.help.at, nowMs),
        }),
      );
    }
    if (row.stuck?.kind === "slow") {
      parts.push(
        fill(labels.stuckSlow, { minutes: row.stuck.minutes, median: row.stuck.medianMinutes }),
      );
    } else if (row.stuck?.kind === "repeat") {
      parts.push(fill(labels.stuckRepeat, { item: row.stuck.itemId, checks: row.stuck.checks }));
    }
    return parts.join(" · ");
  };

  return (
    <div className="space-y-3" data-live-grid data-grid-at={snapshot.at}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">{labels.search}</span>
          <input
            type="search"
            value={query}
            onChange={(change) => {
              setQuery(change.target.value);
              setPage(0);
            }}
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">{labels.filter}</span>
          <select
            value={filter}
            onChange={(change) => {
              setFilter(change.target.value as GridFilter);
              setPage(0);
            }}
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {(Object.keys(labels.filters) as GridFilter[]).map((key) => (
              <option key={key} value={key}>
                {labels.filters[key]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{labels.sort}</span>
          <select
            value={sort}
            onChange={(change) => setSort(change.target.value as GridSort)}
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {(Object.keys(labels.sorts) as GridSort[]).map((key) => (
              <option key={key} value={key}>
                {labels.sorts[key]}
              </option>
            ))}
          </select>
        </label>
        <p className="ml-auto text-sm" data-grid-connection={connected ? "live" : "down"}>
          <span aria-hidden="true">{connected ? "●" : "○"}</span>{" "}
          {connected ? labels.live : labels.reconnecting} ·{" "}
          {fill(labels.shown, { shown: rows.length, total: snapshot.attendees.length })}
        </p>
      </div>
      {snapshot.attendees.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{labels.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 dark:border-slate-700">
          <table className="min-w-full text-xs">
            <thead className="bg-slate-100 dark:bg-slate-800">
              <tr>
                <th
                  scope="col"
                  className="sticky left-0 bg-slate-100 px-2 py-1 text-left dark:bg-slate-800"
                >
                  {labels.attendee}
                </th>
                <th scope="col" className="px-2 py-1 text-left whitespace-nowrap">
                  {labels.credential}
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  {labels.current}
                </th>
                <th scope="col" className="px-2 py-1 text-left whitespace-nowrap">
                  {labels.lastSeen}
                </th>
                {snapshot.steps.map((step, index) => (
                  <th
                    key={step.stepId}
                    scope="col"
                    title={step.title}
                    className="max-w-24 truncate px-1 py-1 text-left font-medium"
                  >
                    {index + 1}. {step.title}
                  </th>
                ))}
              </tr>
              <tr data-grid-totals>
                <th
                  scope="row"
                  className="sticky left-0 bg-slate-100 px-2 py-1 text-left dark:bg-slate-800"
                >
                  {labels.totals}
                </th>
                <td />
                <td />
                <td />
                {snapshot.steps.map((step) => {
                  const counts = snapshot.totals[step.stepId] ?? {};
                  return (
                    <td
                      key={step.stepId}
                      className="px-1 py-1 whitespace-nowrap"
                      data-step-total={step.stepId}
                    >
                      <span className="text-emerald-800 dark:text-emerald-300">
                        ✓{counts.pass ?? 0}
                      </span>{" "}
                      <span className="text-rose-800 dark:text-rose-300">✗{counts.fail ?? 0}</span>
                    </td>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => {
                const why = reason(row);
                return (
                  <tr
                    key={row.id}
                    data-attendee-row={row.name}
                    data-attention={row.help ? "help" : row.stuck ? "stuck" : undefined}
                    className={`border-t border-slate-100 dark:border-slate-800 ${
                      row.help
                        ? "bg-amber-50 dark:bg-amber-950"
                        : row.stuck
                          ? "bg-rose-50 dark:bg-rose-950"
                          : "bg-white dark:bg-slate-900"
                    }`}
                  >
                    <th
                      scope="row"
                      className="sticky left-0 min-w-48 bg-inherit px-2 py-1 text-left align-top font-medium"
                    >
                      <Link
                        href={`/instructor/events/${eventId}/attendees/${row.id}`}
                        className="text-sky-800 underline dark:text-sky-300"
                      >
                        {row.name}
                      </Link>
                      {why ? (
                        <p
                          className="max-w-56 font-normal text-amber-900 dark:text-amber-200"
                          data-attention-reason
                        >
                          <span aria-hidden="true">{row.help ? "⚑ " : "⚠ "}</span>
                          {why}
                        </p>
                      ) : null}
                      {row.help ? (
                        <ActionButton
                          action={resolveHelp}
                          payload={{ eventId, attendeeId: row.id }}
                          label={labels.markHelped}
                        />
                      ) : null}
                    </th>
                    <td
                      className={`px-2 py-1 align-top whitespace-nowrap ${credentialTone[row.credential]}`}
                    >
                      {labels.credentials[row.credential]}
                    </td>
                    <td className="px-2 py-1 align-top whitespace-nowrap">
                      {row.current ? (
                        <>
                          {titles.get(row.current.stepId) ?? row.current.stepId}
                          <br />
                          <span className="text-slate-600 dark:text-slate-400" data-time-on-step>
                            {fill(labels.minutes, {
                              minutes: minutesSince(row.current.since, nowMs),
                            })}
                          </span>
                        </>
                      ) : (
                        labels.done
                      )}
                    </td>
                    <td className="px-2 py-1 align-top text-slate-600 dark:text-slate-400">
                      <time dateTime={row.lastSeenAt}>{formatTime(row.lastSeenAt, clock)}</time>
                    </td>
                    {snapshot.steps.map((step) => {
                      const state = row.states[step.stepId] ?? "not-started";
                      const style = stateStyle[state];
                      return (
                        <td key={step.stepId} className="px-1 py-1 align-top">
                          <span
                            className={`inline-flex items-center gap-0.5 rounded border px-1 whitespace-nowrap ${style.tone} ${style.box} ${dark[state]}`}
                            data-cell={`${step.stepId}:${state}`}
                            data-state-badge={state}
                          >
                            <span aria-hidden="true">{style.icon}</span>
                            {labels.states[state]}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="flex items-center gap-3 text-sm" aria-label={labels.page}>
          <button
            type="button"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
            className="rounded border border-slate-400 px-2 py-1 disabled:opacity-50"
          >
            {labels.previous}
          </button>
          <span>{fill(labels.page, { page: current + 1, pages })}</span>
          <button
            type="button"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
            className="rounded border border-slate-400 px-2 py-1 disabled:opacity-50"
          >
            {labels.next}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
