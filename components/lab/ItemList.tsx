import { RichText } from "@/components/ui/RichText";
import type { ItemView } from "@/lib/lab/views";

export const statusStyle = {
  pass: { icon: "✓", className: "text-emerald-700 bg-emerald-50 border-emerald-200" },
  warn: { icon: "!", className: "text-amber-800 bg-amber-50 border-amber-300" },
  "not-started": { icon: "○", className: "text-slate-500 bg-white border-slate-300" },
  fail: { icon: "✗", className: "text-rose-700 bg-rose-50 border-rose-200" },
  pending: { icon: "…", className: "text-amber-700 bg-amber-50 border-amber-200" },
  unobservable: { icon: "?", className: "text-slate-700 bg-slate-50 border-slate-300" },
  error: { icon: "!", className: "text-rose-800 bg-rose-100 border-rose-300" },
} as const;

export function ItemList({
  items,
  statusLabels,
  fixLabel,
}: {
  items: ItemView[];
  statusLabels: Record<ItemView["status"], string>;
  fixLabel: string;
}) {
  return (
    <ul className="space-y-2">
      {items.map((item) => {
        const style = statusStyle[item.status];
        return (
          <li
            key={item.id}
            className={`rounded border px-3 py-2 ${style.className}`}
            data-item={item.id}
            data-status={item.status}
          >
            <p>
              <span aria-hidden="true" className="mr-2 font-bold">
                {style.icon}
              </span>
              <span className="sr-only">{statusLabels[item.status]}: </span>
              <RichText text={item.message} />
            </p>
            {item.fix ? (
              <p className="mt-1 text-sm text-slate-800">
                <span className="font-semibold">{fixLabel}: </span>
                <RichText text={item.fix} />
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
