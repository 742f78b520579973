import "server-only";
import type { CleanupRunAttendeeTable } from "@/lib/db/schema";
import { parseReport, type ReportLine } from "@/lib/lab/cleanup-everyone";
import { ko } from "@/messages/ko";
import type { MessageKey, Translator } from "@/messages";

type MessageRef = ReportLine["message"];

/** A stored message in the reader's language; a key this version no longer has shows as is. */
export function said(ref: MessageRef, t: Translator): string {
  return ref.key in ko ? t(ref.key as MessageKey, ref.params) : ref.key;
}

/** A spreadsheet must not run what an attendee typed as their name (=, +, -, @ start a formula). */
function csvField(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per deleted or left resource; an attendee with neither gets one row with the result. */
export function cleanupReportCsv(
  attendees: Pick<
    CleanupRunAttendeeTable,
    "display_name" | "state" | "deleted" | "left_over" | "report_json"
  >[],
  t: Translator,
): string {
  const header = [
    t("cleanupEveryone.column.attendee"),
    t("cleanupEveryone.column.state"),
    t("cleanupEveryone.column.deleted"),
    t("cleanupEveryone.column.left"),
    t("cleanupEveryone.column.detail"),
    t("cleanupEveryone.column.fix"),
  ];
  const rows = attendees.flatMap((attendee) => {
    const head = [
      attendee.display_name,
      t(`cleanupEveryone.state.${attendee.state}`),
      attendee.deleted,
      attendee.left_over,
    ];
    const lines = parseReport(attendee.report_json);
    if (lines.length === 0) return [[...head, "", ""]];
    return lines.map((line) => [
      ...head,
      `${t(`cleanupEveryone.outcome.${line.outcome}`)}: ${said(line.message, t)}`,
      line.fix ? said(line.fix, t) : "",
    ]);
  });
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
