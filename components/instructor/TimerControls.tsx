"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ConsoleAction } from "@/components/instructor/ActionButton";
import { Countdown, type CountdownLabels } from "@/components/instructor/Countdown";
import type { TimerChange } from "@/lib/db/console";
import type { TimerView } from "@/lib/instructor/pulse";

export type TimerLabels = CountdownLabels & {
  minutes: string;
  start: string;
  extendAll: string;
  extendOne: string;
  attendee: string;
  pause: string;
  resume: string;
  clear: string;
};

const inputClass =
  "w-20 rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900";
const buttonClass =
  "rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800";

export function TimerControls({
  eventId,
  timer,
  attendees,
  labels,
  action,
}: {
  eventId: string;
  timer: TimerView;
  attendees: { id: string; name: string }[];
  labels: TimerLabels;
  action: ConsoleAction<{ eventId: string; change: TimerChange }>;
}) {
  const router = useRouter();
  const [minutes, setMinutes] = useState(60);
  const [extra, setExtra] = useState(5);
  const [attendeeId, setAttendeeId] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const run = (change: TimerChange) =>
    startTransition(async () => {
      const result = await action({ eventId, change });
      setError(result.ok ? "" : result.error);
      router.refresh();
    });
  return (
    <div className="space-y-3" data-timer-controls>
      <Countdown timer={timer} labels={labels} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block">{labels.minutes}</span>
          <input
            type="number"
            min={1}
            max={1440}
            value={minutes}
            onChange={(change) => setMinutes(Number(change.target.value))}
            className={inputClass}
          />
        </label>
        <button
          type="button"
          disabled={pending}
          className={buttonClass}
          onClick={() => run({ kind: "start", minutes })}
        >
          {labels.start}
        </button>
        {timer?.state === "running" ? (
          <button
            type="button"
            disabled={pending}
            className={buttonClass}
            onClick={() => run({ kind: "pause" })}
          >
            {labels.pause}
          </button>
        ) : null}
        {timer?.state === "paused" ? (
          <button
            type="button"
            disabled={pending}
            className={buttonClass}
            onClick={() => run({ kind: "resume" })}
          >
            {labels.resume}
          </button>
        ) : null}
        {timer ? (
          <button
            type="button"
            disabled={pending}
            className={buttonClass}
            onClick={() => run({ kind: "clear" })}
          >
            {labels.clear}
          </button>
        ) : null}
      </div>
      {timer ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="block">{labels.minutes}</span>
            <input
              type="number"
              min={1}
              max={240}
              value={extra}
              onChange={(change) => setExtra(Number(change.target.value))}
              className={inputClass}
              aria-label={labels.extendAll}
            />
          </label>
          <button
            type="button"
            disabled={pending}
            className={buttonClass}
            onClick={() => run({ kind: "extend", minutes: extra })}
          >
            {labels.extendAll}
          </button>
          <label className="text-sm">
            <span className="block">{labels.attendee}</span>
            <select
              value={attendeeId}
              onChange={(change) => setAttendeeId(change.target.value)}
              className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">—</option>
              {attendees.map((attendee) => (
                <option key={attendee.id} value={attendee.id}>
                  {attendee.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={pending || !attendeeId}
            className={buttonClass}
            onClick={() => run({ kind: "extend", minutes: extra, attendeeId })}
          >
            {labels.extendOne}
          </button>
        </div>
      ) : null}
      <p aria-live="polite" className="text-sm text-rose-700">
        {error}
      </p>
    </div>
  );
}
