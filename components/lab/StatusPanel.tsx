"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ItemList, statusStyle } from "@/components/lab/ItemList";
import { onStatusChanged } from "@/components/lab/status-events";
import { refreshModuleStatus, subscribeToModuleStatus } from "@/components/lab/status-poller";
import type { ItemView, ModuleStatusView, StepView } from "@/lib/lab/views";

export type StatusPanelLabels = {
  title: string;
  refreshing: string;
  updated: string;
  needsCredentials: string;
  goCredentials: string;
  fix: string;
  passedItems: string;
  state: Record<StepView["state"], string>;
  status: Record<StepView["items"][number]["status"], string>;
};

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
  locale,
  steps,
  labels,
  intervalMs = 5000,
  compact = false,
}: {
  moduleId: string;
  locale: string;
  steps: { id: string; title: string; href: string }[];
  labels: StatusPanelLabels;
  intervalMs?: number;
  compact?: boolean;
}) {
  const [status, setStatus] = useState<ModuleStatusView>();
  const [refreshing, setRefreshing] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef<Map<string, StepView["state"]>>(undefined);

  useEffect(() => {
    const unsubscribe = subscribeToModuleStatus(moduleId, intervalMs, (next, busy) => {
      setStatus(next);
      setRefreshing(busy);
    });
    const stopListening = onStatusChanged(moduleId, () => refreshModuleStatus(moduleId));
    return () => {
      unsubscribe();
      stopListening();
    };
  }, [moduleId, intervalMs]);

  // Status text arrives localized from the server, so a language switch asks for it again.
  useEffect(() => refreshModuleStatus(moduleId), [moduleId, locale]);

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
  const time = status ? new Date(status.checkedAt).toLocaleTimeString() : undefined;

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
          {refreshing ? labels.refreshing : time ? labels.updated.replace("{time}", time) : ""}
        </span>
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>
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
          const state = view?.state ?? "pending";
          const style = statusStyle[state];
          return (
            <li key={step.id} data-step-status={step.id} data-state={view ? state : "unknown"}>
              <div className="flex items-center gap-2">
                <span
                  className={`inline-flex h-6 w-6 items-center justify-center rounded-full border text-sm font-bold ${style.className}`}
                  aria-hidden="true"
                >
                  {style.icon}
                </span>
                <Link href={step.href} className="font-medium hover:underline">
                  {step.title}
                </Link>
                <span className="ml-auto text-xs text-slate-600">
                  {view ? labels.state[state] : "—"}
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
