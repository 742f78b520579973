"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { applyStepAction, planStepAction } from "@/app/lab/actions";
import { ItemList } from "@/components/lab/ItemList";
import { useShowStepResult } from "@/components/lab/module-status";
import { stateStyle } from "@/components/lab/StateBadge";
import { RichText } from "@/components/ui/RichText";
import type { ApplyView, PlanEntryView, PlanView } from "@/lib/lab/views";
import type { StepCheckLabels } from "@/components/lab/StepCheck";

export type DoItForMeLabels = {
  button: string;
  planning: string;
  planTitle: string;
  apply: string;
  applying: string;
  cancel: string;
  nothingToDo: string;
  done: string;
  completed: string;
  downloadNote: string;
  download: string;
  goCredentials: string;
  kinds: Record<PlanEntryView["kind"], string>;
  check: StepCheckLabels;
};

const kindStyle: Record<PlanEntryView["kind"], string> = {
  exists: "bg-slate-100 text-slate-700",
  create: "bg-sky-100 text-sky-800",
  remove: "bg-rose-100 text-rose-800",
  update: "bg-sky-100 text-sky-800",
  manual: "bg-amber-100 text-amber-800",
  blocked: "bg-amber-100 text-amber-800",
};

/** `completed` marks entries already carried out: they read as done, not as something to come. */
function PlanEntries({
  entries,
  kinds,
  completed,
}: {
  entries: PlanEntryView[];
  kinds: DoItForMeLabels["kinds"];
  completed?: string;
}) {
  return (
    <ul className="space-y-1">
      {entries.map((entry) => (
        <li key={entry.id} className="flex gap-2" data-plan-entry={entry.id} data-kind={entry.kind}>
          {completed ? (
            <span
              className={`h-fit shrink-0 rounded border px-2 py-0.5 text-xs font-semibold ${stateStyle.pass.tone} ${stateStyle.pass.box}`}
              data-completed
            >
              <span aria-hidden="true">{stateStyle.pass.icon} </span>
              {completed}
            </span>
          ) : (
            <span
              className={`h-fit shrink-0 rounded px-2 py-0.5 text-xs font-semibold ${kindStyle[entry.kind]}`}
            >
              {kinds[entry.kind]}
            </span>
          )}
          <span>
            <RichText text={entry.message} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Do it for me, or (operation "undo") taking back what it did: planned first, run as planned. */
export function DoItForMe({
  stepId,
  moduleId,
  labels,
  operation = "do",
}: {
  stepId: string;
  moduleId: string;
  labels: DoItForMeLabels;
  operation?: "do" | "undo";
}) {
  const [plan, setPlan] = useState<PlanView>();
  const [applied, setApplied] = useState<ApplyView>();
  // One-time links outlive the result that brought them, so a later plan or apply can't hide one.
  const [downloads, setDownloads] = useState<ApplyView["downloads"]>([]);
  const [error, setError] = useState<string>();
  const [planning, startPlanning] = useTransition();
  const [applying, startApplying] = useTransition();
  const showStepResult = useShowStepResult(moduleId);

  const showPlan = () =>
    startPlanning(async () => {
      setApplied(undefined);
      const result = await planStepAction({ stepId, operation });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setPlan(result.data);
    });

  const apply = () =>
    startApplying(async () => {
      const result = await applyStepAction({ stepId, operation });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setPlan(undefined);
      setApplied(result.data);
      const received = result.data.downloads;
      setDownloads((kept) => [
        ...kept,
        ...received.filter((download) => !kept.some((old) => old.url === download.url)),
      ]);
      showStepResult(stepId, result.data.check);
    });

  const problem = plan?.problem ?? applied?.problem;
  const needsCredentials = plan?.needsCredentials || applied?.needsCredentials;

  return (
    <section
      className="my-6 rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4"
      data-doit={operation === "do" ? stepId : undefined}
      data-undo={operation === "undo" ? stepId : undefined}
    >
      <button
        type="button"
        onClick={showPlan}
        disabled={planning || applying}
        className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {planning ? labels.planning : labels.button}
      </button>
      <div aria-live="polite" className="mt-3 space-y-3">
        {error ? <p className="text-rose-700">{error}</p> : null}
        {problem ? <p className="text-rose-700">{problem}</p> : null}
        {needsCredentials ? (
          <Link href="/credentials" className="text-sky-700 underline">
            {labels.goCredentials}
          </Link>
        ) : null}
        {plan && !plan.problem ? (
          <div data-plan>
            <h3 className="mb-2 font-semibold">{labels.planTitle}</h3>
            <PlanEntries entries={plan.entries} kinds={labels.kinds} />
            <div className="mt-3 flex gap-2">
              {plan.actionable ? (
                <button
                  type="button"
                  onClick={apply}
                  disabled={applying}
                  className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
                >
                  {applying ? labels.applying : labels.apply}
                </button>
              ) : (
                <p className="text-slate-700">{labels.nothingToDo}</p>
              )}
              <button
                type="button"
                onClick={() => setPlan(undefined)}
                className="px-3 py-2 text-slate-700 underline"
              >
                {labels.cancel}
              </button>
            </div>
          </div>
        ) : null}
        {applied && (applied.done.length > 0 || !applied.problem) ? (
          <div data-applied>
            <p className="mb-2 font-semibold">
              {applied.done.length > 0
                ? labels.done.replace("{count}", String(applied.done.length))
                : labels.nothingToDo}
            </p>
            <PlanEntries entries={applied.done} kinds={labels.kinds} completed={labels.completed} />
          </div>
        ) : null}
        {downloads.length > 0 ? (
          <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3">
            <p className="mb-2 text-sm">{labels.downloadNote}</p>
            {downloads.map((download) => (
              <a
                key={download.url}
                href={download.url}
                download={download.filename}
                className="block font-semibold text-sky-800 underline"
              >
                {labels.download.replace("{filename}", download.filename)}
              </a>
            ))}
          </div>
        ) : null}
        {applied?.check ? (
          <div>
            <p
              className={`font-semibold ${stateStyle[applied.check.state].tone}`}
              data-check-state={applied.check.state}
            >
              <span aria-hidden="true">{stateStyle[applied.check.state].icon} </span>
              {labels.check.summary[applied.check.state]}
            </p>
            <ItemList
              items={applied.check.items}
              statusLabels={labels.check.status}
              fixLabel={labels.check.fix}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}
