"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startCleanupEveryoneAction } from "@/app/instructor/cleanup-everyone/actions";

export type StartCleanupEveryoneLabels = { confirm: string; start: string; started: string };

/** The instructor's deliberate start: a tick that says what it does, then the button. */
export function StartCleanupEveryone({
  eventId,
  labels,
}: {
  eventId: string;
  labels: StartCleanupEveryoneLabels;
}) {
  const router = useRouter();
  const [understood, setUnderstood] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const start = () =>
    startTransition(async () => {
      const result = await startCleanupEveryoneAction({ eventId, confirm: true });
      setSaid(result.ok ? { ok: true, text: labels.started } : { ok: false, text: result.error });
      router.refresh();
    });
  return (
    <div className="mt-3 space-y-2">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={understood}
          onChange={(event) => setUnderstood(event.target.checked)}
        />
        {labels.confirm}
      </label>
      <button
        type="button"
        disabled={!understood || pending}
        onClick={start}
        className="rounded bg-rose-700 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60"
      >
        {labels.start}
      </button>
      {said ? (
        <p role={said.ok ? "status" : "alert"} className="text-sm">
          {said.text}
        </p>
      ) : null}
    </div>
  );
}
