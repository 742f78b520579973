import type { ReactNode } from "react";
import { getTranslator } from "@/lib/i18n";

const kinds = {
  changed: { icon: "↻", className: "border-violet-300 bg-violet-50", ko: "바뀐 점", en: "What changed" },
  cost: { icon: "₩", className: "border-amber-300 bg-amber-50", ko: "비용", en: "Cost" },
  security: { icon: "🔒", className: "border-rose-300 bg-rose-50", ko: "보안", en: "Security" },
  tip: { icon: "💡", className: "border-emerald-300 bg-emerald-50", ko: "팁", en: "Tip" },
  concept: { icon: "📘", className: "border-sky-300 bg-sky-50", ko: "개념", en: "Concept" },
} as const;

type Kind = keyof typeof kinds;

export async function Callout({ kind, title, children }: { kind: Kind; title?: string; children: ReactNode }) {
  const { locale } = await getTranslator();
  const style = kinds[kind] ?? kinds.tip;
  return (
    <aside className={`my-5 rounded-lg border-l-4 px-4 py-3 ${style.className}`} data-callout={kind}>
      <p className="mb-1 text-sm font-semibold">
        <span aria-hidden="true">{style.icon} </span>
        {style[locale]}
        {title ? ` · ${title}` : ""}
      </p>
      <div className="callout-body text-[0.95rem]">{children}</div>
    </aside>
  );
}
