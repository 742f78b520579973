import { stateStyle } from "@/components/lab/StateBadge";
import { RichText } from "@/components/ui/RichText";
import type { ItemView } from "@/lib/lab/views";

/** A passed item is a quiet one-liner; what needs attention keeps its box, message and fix. */
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
    <ul className="space-y-1.5">
      {items.map((item) => {
        // A hands-on the attendee may skip waits quietly, as a step not started yet does.
        const style =
          stateStyle[item.optional && item.status === "pending" ? "not-started" : item.status];
        if (item.status === "pass") {
          return (
            <li
              key={item.id}
              className="flex items-baseline gap-2 px-1 text-sm text-slate-700"
              data-item={item.id}
              data-status={item.status}
            >
              <span aria-hidden="true" className="text-xs font-bold text-emerald-700">
                {style.icon}
              </span>
              <span className="sr-only">{statusLabels.pass}: </span>
              <span>
                <RichText text={item.message} />
              </span>
            </li>
          );
        }
        return (
          <li
            key={item.id}
            className={`rounded border px-3 py-2 ${style.tone} ${style.box}`}
            data-item={item.id}
            data-status={item.status}
            data-optional={item.optional}
          >
            <div className="flex gap-2">
              <span aria-hidden="true" className="font-bold">
                {style.icon}
              </span>
              <span>
                <span className="sr-only">{statusLabels[item.status]}: </span>
                <RichText text={item.message} />
              </span>
            </div>
            {item.fix ? (
              <div className="mt-1 ml-5 text-sm text-slate-800">
                <span className="font-semibold">{fixLabel}: </span>
                <RichText text={item.fix} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
