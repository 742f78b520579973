import { formatTime, type Clock } from "@/components/lab/time";
import { db } from "@/lib/db";
import { listEventAudit, type AuditRow } from "@/lib/db/audit";
import type { Translator } from "@/messages";

const COLUMNS = ["time", "attendee", "action", "result", "requests"] as const;

function actionText(row: AuditRow, t: Translator): string {
  switch (row.action) {
    case "do":
    case "undo":
      return t(row.action === "do" ? "instructor.audit.do" : "instructor.audit.undo", {
        step: row.step_id ?? "—",
        entry: row.entry_id ?? "—",
      });
    case "credentials.own":
      return t("instructor.audit.credentials.own");
    case "credentials.sandbox":
      return t("instructor.audit.credentials.sandbox");
    case "credentials.assumed":
      return t("instructor.audit.credentials.assumed");
  }
}

/** What the portal did in the event's AWS accounts; listEventAudit returns rows only to the event's instructors. */
export async function AuditLog({
  eventId,
  instructorId,
  t,
  clock,
}: {
  eventId: string;
  instructorId: string;
  t: Translator;
  clock: Clock;
}) {
  const rows = await listEventAudit(await db(), { eventId, instructorId });
  return (
    <details className="mt-4" data-testid="audit-log">
      <summary className="cursor-pointer font-semibold">
        {t("instructor.audit.title")} ({rows.length})
      </summary>
      <p className="mt-2 text-sm text-slate-600">{t("instructor.audit.intro")}</p>
      {rows.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("instructor.audit.empty")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-2 py-1 text-left">
                    {t(`instructor.audit.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top" data-audit-row>
                  <td className="px-2 py-1 whitespace-nowrap">
                    <time dateTime={row.created_at}>{formatTime(row.created_at, clock)}</time>
                  </td>
                  <td className="px-2 py-1">
                    {row.attendee_name ?? row.attendee_id.slice(0, 8)}
                    {row.account_id ? (
                      <span className="block font-mono text-xs text-slate-500">
                        {row.account_id}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-2 py-1">{actionText(row, t)}</td>
                  <td className="px-2 py-1 whitespace-nowrap">
                    {row.outcome === "ok"
                      ? t("instructor.audit.ok")
                      : t("instructor.audit.failed", { code: row.error_code ?? "—" })}
                  </td>
                  <td className="px-2 py-1 font-mono text-xs">
                    {row.awsRequests.map((request, index) => (
                      <span key={index} className="block">
                        {request.operation} {request.requestId ?? "—"}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
