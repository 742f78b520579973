"use client";

import { useEffect, useState } from "react";
import { Countdown, type CountdownLabels } from "@/components/instructor/Countdown";
import type { AttendeePulse } from "@/lib/instructor/pulse";

export type EventBannerLabels = CountdownLabels & { from: string; dismiss: string };

const DISMISSED_KEY = "aws101-dismissed-broadcasts";

function readDismissed(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(DISMISSED_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/** The instructor's messages and the event's timer, live on every attendee page. */
export function EventBanner({ labels }: { labels: EventBannerLabels }) {
  const [pulse, setPulse] = useState<AttendeePulse>();
  // Nothing is shown before the first message, so the server's empty list can't mismatch.
  const [dismissed, setDismissed] = useState<string[]>(() =>
    typeof window === "undefined" ? [] : readDismissed(),
  );
  useEffect(() => {
    const source = new EventSource("/api/event/stream");
    source.onmessage = (message) => setPulse(JSON.parse(message.data as string) as AttendeePulse);
    return () => source.close();
  }, []);
  const dismiss = (id: string) => {
    const next = [...dismissed, id].slice(-50);
    setDismissed(next);
    window.localStorage.setItem(DISMISSED_KEY, JSON.stringify(next));
  };
  const shown = (pulse?.broadcasts ?? []).filter((broadcast) => !dismissed.includes(broadcast.id));
  return (
    <div className="mb-4 space-y-2" data-event-banner={pulse ? "live" : "connecting"}>
      <div aria-live="assertive" aria-atomic="false" className="space-y-2">
        {shown.map((broadcast) => (
          <div
            key={broadcast.id}
            className="flex items-start gap-3 rounded border border-sky-400 bg-sky-50 px-3 py-2 text-sky-950 dark:bg-sky-950 dark:text-sky-100"
            data-broadcast={broadcast.id}
          >
            <p className="flex-1">
              <span className="font-semibold">{labels.from}: </span>
              {broadcast.body}
            </p>
            <button
              type="button"
              onClick={() => dismiss(broadcast.id)}
              className="rounded border border-sky-500 px-2 text-sm"
            >
              {labels.dismiss}
            </button>
          </div>
        ))}
      </div>
      {pulse?.timer ? <Countdown timer={pulse.timer} labels={labels} /> : null}
    </div>
  );
}
