import { stateStyle } from "@/components/lab/StateBadge";
import { RichText } from "@/components/ui/RichText";
import type { ItemView, ProgressView } from "@/lib/lab/views";

/** AWS gives no progress of its own: the bar is the portal's estimate, and the text says so. */
function ProgressBar({ progress, label }: { progress: ProgressView; label: string }) {
  return (
    <div className="mt-2 ml-5 space-y-1" data-progress={progress.status}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={progress.text}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-sky-600 transition-[width] duration-700"
          style={{ width: `${progress.percent}%` }}
        />
      </div>
      <p className="text-xs text-slate-700">{progress.text}</p>
    </div>
  );
}

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
            {item.progress ? (
              <ProgressBar progress={item.progress} label={item.message.replace(/\*\*|`/g, "")} />
            ) : null}
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
