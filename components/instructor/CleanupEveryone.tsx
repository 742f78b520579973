import { StartCleanupEveryone } from "@/components/instructor/StartCleanupEveryone";
import type { AuditLog } from "@/components/instructor/AuditLog";
import { formatDateTime } from "@/components/lab/time";
import { AutoRefresh } from "@/components/ui/AutoRefresh";
import { db } from "@/lib/db";
import { latestCleanupRun } from "@/lib/db/cleanup-runs";
import { CLEANUP_EVERYONE, parseReport, resumeCleanupRuns } from "@/lib/lab/cleanup-everyone";
import { said } from "@/lib/lab/cleanup-report";
import { runnerEnvironment } from "@/lib/lab/runtime";

/** "Clean up everyone" for one event: start it, watch it, and its per-attendee report as CSV. */
export async function CleanupEveryone(props: Parameters<typeof AuditLog>[0]) {
  const { eventId, instructorId, t, clock } = props;
  // The first instructor page after a restart carries on what the last process left running.
  await resumeCleanupRuns(await runnerEnvironment());
  const latest = await latestCleanupRun(await db(), { eventId, instructorId });
  const running = latest?.run.state === "running";
  return (
    <section className="mt-4" data-testid="cleanup-everyone" data-event-id={eventId}>
      {running ? <AutoRefresh intervalMs={10_000} /> : null}
      <h3 className="font-semibold">{t("cleanupEveryone.title")}</h3>
      <p className="mt-1 text-sm text-slate-600">
        {t("cleanupEveryone.intro", { concurrency: CLEANUP_EVERYONE.concurrency })}
      </p>
      {running ? null : (
        <StartCleanupEveryone
          eventId={eventId}
          labels={{
            confirm: t("cleanupEveryone.confirm"),
            start: t("cleanupEveryone.start"),
            started: t("cleanupEveryone.started"),
          }}
        />
      )}
      {!latest ? (
        <p className="mt-2 text-sm text-slate-600">{t("cleanupEveryone.notYet")}</p>
      ) : (
        <div className="mt-3" data-run-state={latest.run.state}>
          <p className="text-sm">
            {running
              ? t("cleanupEveryone.running", { at: formatDateTime(latest.run.created_at, clock) })
              : t("cleanupEveryone.finished", {
                  at: formatDateTime(latest.run.finished_at ?? latest.run.created_at, clock),
                })}{" "}
            <a className="underline" href={`/api/cleanup-report/${eventId}`} download>
              {t("cleanupEveryone.csv")}
            </a>
          </p>
          <table className="mt-2 min-w-full text-sm">
            <thead>
              <tr>
                {(["attendee", "state", "deleted", "left", "detail"] as const).map((column) => (
                  <th key={column} scope="col" className="px-2 py-1 text-left">
                    {t(`cleanupEveryone.column.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {latest.attendees.map((attendee) => {
                const left = parseReport(attendee.report_json).filter(
                  (line) => line.outcome === "left",
                );
                return (
                  <tr
                    key={attendee.attendee_id}
                    className="border-t border-slate-100 align-top"
                    data-cleanup-state={attendee.state}
                  >
                    <th scope="row" className="px-2 py-1 text-left font-medium">
                      {attendee.display_name}
                    </th>
                    <td className="px-2 py-1">{t(`cleanupEveryone.state.${attendee.state}`)}</td>
                    <td className="px-2 py-1">{attendee.deleted}</td>
                    <td className="px-2 py-1">{attendee.left_over}</td>
                    <td className="px-2 py-1">
                      <ul>
                        {left.map((line, index) => (
                          <li key={index}>
                            {said(line.message, t)}
                            {line.fix ? ` — ${said(line.fix, t)}` : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
