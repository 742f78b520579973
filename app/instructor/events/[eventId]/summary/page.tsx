import { EventNav } from "@/components/instructor/EventNav";
import { requireEventInstructorPage } from "@/lib/auth/instructor";
import { db } from "@/lib/db";
import { gridRows } from "@/lib/db/console";
import { getTranslator } from "@/lib/i18n";
import { summarise } from "@/lib/instructor/grid";
import { gridSteps } from "@/lib/instructor/load";

/** After (or during) the event: how far the class got, how long each step took, what failed. */
export default async function EventSummaryPage({
  params,
}: {
  params: Promise<{ eventId: string }>;
}) {
  const { event } = await requireEventInstructorPage((await params).eventId);
  const { locale, t } = await getTranslator();
  const [steps, rows] = await Promise.all([
    gridSteps(locale, event),
    gridRows(await db(), event.id),
  ]);
  const summary = summarise(steps, rows);
  const total = rows.attendees.length;
  return (
    <div className="space-y-6">
      <EventNav eventId={event.id} current="summary" t={t} />
      <h1 className="text-2xl font-bold">
        {event.name} · {t("console.nav.summary")}
      </h1>
      <p>{t("instructor.attendees", { count: total })}</p>
      <table className="min-w-full text-sm" data-summary>
        <thead>
          <tr className="text-left">
            <th scope="col" className="px-2 py-1">
              {t("console.summary.step")}
            </th>
            <th scope="col" className="px-2 py-1">
              {t("console.summary.funnel")}
            </th>
            <th scope="col" className="px-2 py-1">
              {t("console.summary.median")}
            </th>
            <th scope="col" className="px-2 py-1">
              {t("console.summary.failing")}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.map((row, index) => {
            const percent = total === 0 ? 0 : Math.round((row.passed / total) * 100);
            return (
              <tr
                key={row.step.stepId}
                className="border-t border-slate-200 dark:border-slate-700"
                data-summary-step={row.step.stepId}
              >
                <th scope="row" className="px-2 py-1 text-left font-medium">
                  {index + 1}. {row.step.title}
                </th>
                <td className="px-2 py-1">
                  <div className="flex items-center gap-2">
                    <div
                      className="h-3 w-40 rounded bg-slate-200 dark:bg-slate-700"
                      role="img"
                      aria-label={t("console.summary.passed", {
                        passed: row.passed,
                        reached: row.reached,
                        total,
                      })}
                    >
                      <div
                        className="h-3 rounded bg-emerald-600"
                        style={{ width: `${percent}%` }}
                      />
                    </div>
                    <span>
                      {t("console.summary.passed", {
                        passed: row.passed,
                        reached: row.reached,
                        total,
                      })}
                    </span>
                  </div>
                </td>
                <td className="px-2 py-1">
                  {row.medianMinutes === null
                    ? "—"
                    : t("console.grid.minutes", { minutes: row.medianMinutes })}
                </td>
                <td className="px-2 py-1">
                  {row.failingItems.length === 0
                    ? "—"
                    : row.failingItems.map((item) => `${item.itemId} (${item.count})`).join(", ")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
