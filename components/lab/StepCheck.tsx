"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { checkStepAction } from "@/app/lab/actions";
import { ItemList } from "@/components/lab/ItemList";
import { useClock } from "@/components/lab/LabSettings";
import { useModuleStatus, useShowStepResult } from "@/components/lab/module-status";
import { stateStyle } from "@/components/lab/StateBadge";
import { formatTime } from "@/components/lab/time";
import type { CheckView, ModuleStatusView } from "@/lib/lab/views";

export type StepCheckLabels = {
  button: string;
  running: string;
  checkedAt: string;
  fix: string;
  goCredentials: string;
  summary: Record<CheckView["state"], string>;
  status: Record<CheckView["items"][number]["status"], string>;
};

const outcomeOf = (state: string, items: CheckView["items"]) =>
  [state, ...items.map((item) => `${item.id}:${item.status}`)].join("|");

/** A newer status that disagrees (do it for me, or a change in the console) makes a result misleading. */
function isOutdated(view: CheckView, stepId: string, status: ModuleStatusView | undefined) {
  const latest = status?.steps.find((step) => step.stepId === stepId);
  if (!status || !latest) return false;
  if (Date.parse(status.checkedAt) <= Date.parse(view.checkedAt)) return false;
  return outcomeOf(latest.state, latest.items) !== outcomeOf(view.state, view.items);
}

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
  const { data: status } = useModuleStatus(moduleId);
  const showStepResult = useShowStepResult(moduleId);
  const clock = useClock();

  if (view && isOutdated(view, stepId, status)) setView(undefined);

  const run = () =>
    startTransition(async () => {
      const result = await checkStepAction({ stepId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(undefined);
      setView(result.data);
      showStepResult(stepId, result.data);
    });

  const style = view ? stateStyle[view.state] : undefined;

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
        {view && style ? (
          <>
            <div
              className={`flex flex-wrap items-baseline gap-x-2 font-semibold ${style.tone}`}
              data-check-state={view.state}
            >
              <span aria-hidden="true">{style.icon}</span>
              <span>{view.problem ?? labels.summary[view.state]}</span>
              <time dateTime={view.checkedAt} className="text-xs font-normal text-slate-500">
                {labels.checkedAt.replace("{time}", formatTime(view.checkedAt, clock))}
              </time>
            </div>
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
