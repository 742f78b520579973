"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ItemList } from "@/components/lab/ItemList";
import { useClock } from "@/components/lab/LabSettings";
import { useModuleStatus } from "@/components/lab/module-status";
import { stateStyle, unknownStyle } from "@/components/lab/StateBadge";
import { formatTime } from "@/components/lab/time";
import type { ItemView, StepView } from "@/lib/lab/views";

export type StatusPanelLabels = {
  title: string;
  refreshing: string;
  firstReading: string;
  updated: string;
  needsCredentials: string;
  goCredentials: string;
  fix: string;
  passedItems: string;
  state: Record<StepView["state"], string>;
  status: Record<StepView["items"][number]["status"], string>;
};

export type PanelStep = { id: string; title: string; href: string };

/** What needs attention stays open; what already passed folds away but stays one click from view. */
function StepItems({ items, labels }: { items: ItemView[]; labels: StatusPanelLabels }) {
  const open = items.filter((item) => item.status !== "pass");
  const passed = items.filter((item) => item.status === "pass");
  return (
    <div className="mt-2 ml-8 space-y-2">
      {open.length > 0 ? (
        <ItemList items={open} statusLabels={labels.status} fixLabel={labels.fix} />
      ) : null}
      {passed.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm text-emerald-800">
            {labels.passedItems.replace("{count}", String(passed.length))}
          </summary>
          <div className="mt-2">
            <ItemList items={passed} statusLabels={labels.status} fixLabel={labels.fix} />
          </div>
        </details>
      ) : null}
    </div>
  );
}

export function StatusPanel({
  moduleId,
  steps,
  labels,
  compact = false,
}: {
  moduleId: string;
  steps: PanelStep[];
  labels: StatusPanelLabels;
  compact?: boolean;
}) {
  const { data: status, isValidating } = useModuleStatus(moduleId);
  const clock = useClock();
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef<Map<string, StepView["state"]>>(undefined);

  useEffect(() => {
    if (!status) return;
    const current = new Map(status.steps.map((step) => [step.stepId, step.state]));
    const before = previous.current;
    previous.current = current;
    if (!before) return;
    const changed = steps.filter(
      (step) => current.get(step.id) && before.get(step.id) !== current.get(step.id),
    );
    if (changed.length > 0) {
      setAnnouncement(
        changed
          .map((step) => `${step.title}: ${labels.state[current.get(step.id) ?? "pending"]}`)
          .join(". "),
      );
    }
  }, [status, steps, labels.state]);

  const byStep = new Map(status?.steps.map((step) => [step.stepId, step]));

  return (
    <section
      aria-labelledby={`status-${moduleId}`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-status-panel={moduleId}
    >
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id={`status-${moduleId}`} className="text-lg font-semibold">
          {labels.title}
        </h2>
        <span className="text-xs text-slate-500">
          {status && !status.refreshing ? (
            <time dateTime={status.checkedAt}>
              {labels.updated.replace("{time}", formatTime(status.checkedAt, clock))}
            </time>
          ) : null}
          {isValidating ? <span> · {labels.refreshing}</span> : null}
        </span>
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>
      {status?.refreshing ? (
        <p className="mb-2 text-slate-600" data-status-first-reading>
          {labels.firstReading}
        </p>
      ) : null}
      {status?.problem ? <p className="mb-2 text-rose-700">{status.problem}</p> : null}
      {status?.needsCredentials ? (
        <p className="mb-2">
          {labels.needsCredentials}{" "}
          <Link className="text-sky-700 underline" href="/credentials">
            {labels.goCredentials}
          </Link>
        </p>
      ) : null}
      <ol className="space-y-3">
        {steps.map((step) => {
          const view = byStep.get(step.id);
          const style = view ? stateStyle[view.state] : unknownStyle;
          return (
            <li key={step.id} data-step-status={step.id} data-state={view ? view.state : "unknown"}>
              <div className="flex items-center gap-2">
                <span
                  className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-sm font-bold ${style.tone} ${style.box}`}
                  aria-hidden="true"
                >
                  {style.icon}
                </span>
                <Link href={step.href} className="font-medium hover:underline">
                  {step.title}
                </Link>
                <span className={`ml-auto text-xs font-semibold whitespace-nowrap ${style.tone}`}>
                  {view ? labels.state[view.state] : "—"}
                </span>
              </div>
              {!compact && view ? <StepItems items={view.items} labels={labels} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
