"use client";

import { useId, useState, type ReactNode } from "react";
import { useModuleStatus } from "@/components/lab/module-status";
import { stateStyle, unknownStyle } from "@/components/lab/StateBadge";

/**
 * The one status panel of a step page: a sidebar on large screens, a folded summary at the top
 * on a phone, so the live state is never a long scroll away.
 */
export function StatusDock({
  moduleId,
  stepIds,
  labels,
  children,
}: {
  moduleId: string;
  stepIds: string[];
  labels: { title: string; summary: string };
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { data: status } = useModuleStatus(moduleId);
  const panelId = useId();
  const stateOf = new Map(status?.steps.map((step) => [step.stepId, step.state]));
  const passed = stepIds.filter((id) => stateOf.get(id) === "pass").length;

  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((shown) => !shown)}
        className="flex w-full items-center gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-left font-semibold shadow-sm lg:hidden"
        data-status-summary={moduleId}
      >
        <span aria-hidden="true" className="text-slate-500">
          {open ? "▾" : "▸"}
        </span>
        <span>
          {status
            ? labels.summary
                .replace("{passed}", String(passed))
                .replace("{total}", String(stepIds.length))
            : labels.title}
        </span>
        <span aria-hidden="true" className="ml-auto flex gap-1">
          {stepIds.map((id) => {
            const state = stateOf.get(id);
            const style = state ? stateStyle[state] : unknownStyle;
            return (
              <span
                key={id}
                className={`inline-flex h-5 w-5 items-center justify-center rounded-full border text-xs ${style.tone} ${style.box}`}
              >
                {style.icon}
              </span>
            );
          })}
        </span>
      </button>
      <div id={panelId} className={open ? "mt-2" : "hidden lg:block"}>
        {children}
      </div>
    </>
  );
}
