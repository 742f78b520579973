import type { CheckStatus, StepState } from "@/lib/lab/types";

type Style = { icon: string; tone: string; box: string };

/** Every state reads three ways (colour, icon, word), so none depends on telling colours apart. */
export const stateStyle: Record<StepState | CheckStatus, Style> = {
  pass: { icon: "✓", tone: "text-emerald-800", box: "bg-emerald-50 border-emerald-300" },
  warn: { icon: "!", tone: "text-amber-900", box: "bg-amber-50 border-amber-400" },
  "not-started": { icon: "○", tone: "text-slate-600", box: "bg-slate-50 border-slate-300" },
  fail: { icon: "✗", tone: "text-rose-800", box: "bg-rose-50 border-rose-300" },
  pending: { icon: "…", tone: "text-sky-800", box: "bg-sky-50 border-sky-300" },
  unobservable: {
    icon: "?",
    tone: "text-slate-700",
    box: "bg-white border-dashed border-slate-400",
  },
  error: { icon: "⚠", tone: "text-rose-900", box: "bg-rose-100 border-rose-400" },
};

/** Before the first answer arrives: no colour that could be mistaken for a state. */
export const unknownStyle: Style = {
  icon: "·",
  tone: "text-slate-400",
  box: "bg-white border-slate-200",
};

export function StateBadge({ state, label }: { state: StepState | CheckStatus; label: string }) {
  const style = stateStyle[state];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${style.tone} ${style.box}`}
      data-state-badge={state}
    >
      <span aria-hidden="true">{style.icon}</span>
      {label}
    </span>
  );
}
