"use client";

import { useModuleStatus } from "@/components/lab/module-status";
import { StateBadge } from "@/components/lab/StateBadge";
import type { StepState } from "@/lib/lab/types";

/** A step card's live state, from the same request loop as the module's status panel. */
export function StepStateBadge({
  moduleId,
  stepId,
  labels,
}: {
  moduleId: string;
  stepId: string;
  labels: Record<StepState, string>;
}) {
  const { data: status } = useModuleStatus(moduleId);
  const state = status?.steps.find((step) => step.stepId === stepId)?.state;
  return (
    <span data-step-card-state={stepId} data-state={state ?? "unknown"}>
      {state ? <StateBadge state={state} label={labels[state]} /> : null}
    </span>
  );
}
