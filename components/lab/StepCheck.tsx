"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { checkStepAction } from "@/app/lab/actions";
import { ItemList } from "@/components/lab/ItemList";
import { announceStatusChanged, onStatusChanged } from "@/components/lab/status-events";
import type { CheckView } from "@/lib/lab/views";

export type StepCheckLabels = {
  button: string;
  running: string;
  checkedAt: string;
  fix: string;
  goCredentials: string;
  summary: Record<CheckView["state"], string>;
  status: Record<CheckView["items"][number]["status"], string>;
};

export function StepCheck({
  stepId,
  moduleId,
  labels,
}: {
  stepId: string;
  moduleId: string;
  labels: StepCheckLabels;
}) {
  const [view, setView] = useState<CheckView>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const source = `check:${stepId}`;

  // A result made stale by do-it-for-me elsewhere on the page is dropped rather than left misleading.
  useEffect(
    () => onStatusChanged(moduleId, (changedBy) => changedBy !== source && setView(undefined)),
    [moduleId, source],
  );

  const run = () =>
    startTransition(async () => {
      const result = await checkStepAction({ stepId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(undefined);
      setView(result.data);
      announceStatusChanged(moduleId, source);
    });

  return (
    <section
      className="my-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-check={stepId}
    >
      <button
        type="button"
        onClick={run}
        disabled={pending}
        className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {pending ? labels.running : labels.button}
      </button>
      <div aria-live="polite" className="mt-3 space-y-2">
        {error ? <p className="text-rose-700">{error}</p> : null}
        {view ? (
          <>
            <p className="font-semibold" data-check-state={view.state}>
              {view.problem ?? labels.summary[view.state]}{" "}
              <span className="text-xs font-normal text-slate-500">
                {labels.checkedAt.replace("{time}", new Date(view.checkedAt).toLocaleTimeString())}
              </span>
            </p>
            {view.needsCredentials ? (
              <Link href="/credentials" className="text-sky-700 underline">
                {labels.goCredentials}
              </Link>
            ) : null}
            <ItemList items={view.items} statusLabels={labels.status} fixLabel={labels.fix} />
          </>
        ) : null}
      </div>
    </section>
  );
}
