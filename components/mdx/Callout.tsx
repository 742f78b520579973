import type { ReactNode } from "react";
import { getTranslator } from "@/lib/i18n";

const kinds = {
  changed: { icon: "↻", className: "border-violet-300 bg-violet-50" },
  cost: { icon: "₩", className: "border-amber-300 bg-amber-50" },
  security: { icon: "⚠", className: "border-rose-300 bg-rose-50" },
  tip: { icon: "✓", className: "border-emerald-300 bg-emerald-50" },
  concept: { icon: "ⓘ", className: "border-sky-300 bg-sky-50" },
} as const;

type Kind = keyof typeof kinds;

export async function Callout({
  kind,
  title,
  children,
}: {
  kind: Kind;
  title?: string;
  children: ReactNode;
}) {
  const { t } = await getTranslator();
  const known: Kind = kind in kinds ? kind : "tip";
  return (
    <aside
      className={`my-5 rounded-lg border-l-4 px-4 py-3 ${kinds[known].className}`}
      data-callout={known}
    >
      <p className="mb-1 text-sm font-semibold">
        <span aria-hidden="true">{kinds[known].icon} </span>
        {t(`callout.${known}`)}
        {title ? ` · ${title}` : ""}
      </p>
      <div className="callout-body text-[0.95rem]">{children}</div>
    </aside>
  );
}
