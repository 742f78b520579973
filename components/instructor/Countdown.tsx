"use client";

import { useEffect, useState } from "react";
import type { TimerView } from "@/lib/instructor/pulse";

export type CountdownLabels = {
  title: string;
  none: string;
  paused: string;
  over: string;
  warning: string;
};

export const WARN_AT_MINUTES = [15, 5] as const;

function remainingMs(timer: TimerView, nowMs: number): number | undefined {
  if (!timer) return undefined;
  return timer.state === "paused" ? timer.remainingMs : Date.parse(timer.endsAt) - nowMs;
}

function clock(ms: number) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (value: number) => String(value).padStart(2, "0");
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

/**
 * The event's countdown. Crossing 15 and 5 minutes is announced once each (the visible time
 * itself is not a live region, or a screen reader would read every second).
 */
export function Countdown({ timer, labels }: { timer: TimerView; labels: CountdownLabels }) {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const left = remainingMs(timer, nowMs);
  const minutesLeft = left === undefined ? undefined : left / 60_000;
  const warnAt = WARN_AT_MINUTES.filter((at) => minutesLeft !== undefined && minutesLeft <= at).at(
    -1,
  );
  const tone =
    minutesLeft === undefined
      ? "border-slate-300 dark:border-slate-600"
      : minutesLeft <= 5
        ? "border-rose-500 bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100"
        : minutesLeft <= 15
          ? "border-amber-500 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          : "border-slate-300 dark:border-slate-600";
  return (
    <div className={`rounded border px-3 py-2 ${tone}`} data-countdown={timer?.state ?? "none"}>
      <span className="text-sm font-medium">{labels.title}: </span>
      {left === undefined ? (
        <span>{labels.none}</span>
      ) : (
        <span
          className="font-mono text-lg font-bold"
          data-countdown-remaining={Math.round(left / 1000)}
        >
          {left <= 0 ? labels.over : clock(left)}
          {timer?.state === "paused" ? ` (${labels.paused})` : ""}
        </span>
      )}
      <span role="status" className="sr-only">
        {warnAt !== undefined && left !== undefined && left > 0
          ? labels.warning.replace("{minutes}", String(warnAt))
          : ""}
      </span>
      {warnAt !== undefined && left !== undefined && left > 0 ? (
        <p className="text-sm font-semibold" aria-hidden="true" data-countdown-warning={warnAt}>
          {labels.warning.replace("{minutes}", String(warnAt))}
        </p>
      ) : null}
    </div>
  );
}
