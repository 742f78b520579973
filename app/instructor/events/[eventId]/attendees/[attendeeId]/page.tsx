import { notFound } from "next/navigation";
import { z } from "zod";
import {
  doForAttendeeAction,
  removeAttendeeAction,
  resetAttendeeAction,
} from "@/app/instructor/actions";
import { ActionButton } from "@/components/instructor/ActionButton";
import { EventNav } from "@/components/instructor/EventNav";
import { StateBadge } from "@/components/lab/StateBadge";
import { formatTime } from "@/components/lab/time";
import { requireEventInstructorPage } from "@/lib/auth/instructor";
import { db } from "@/lib/db";
import { listEventAudit } from "@/lib/db/audit";
import { activityOf, helpRequestsOf } from "@/lib/db/console";
import { findAttendee, findLiveCredentials, listStepStatus } from "@/lib/db/queries";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n";
import { credentialLabels } from "@/lib/instructor/labels";
import { gridSteps } from "@/lib/instructor/load";
import { presentItem } from "@/lib/lab/present";
import type { CheckItem } from "@/lib/lab/types";

const card =
  "rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900";

function itemsOf(itemsJson: string): CheckItem[] {
  const parsed: unknown = JSON.parse(itemsJson);
  return Array.isArray(parsed) ? (parsed as CheckItem[]) : [];
}

/** One attendee in depth: every check item, the last error, what happened when. */
export default async function AttendeeDetailPage({
  params,
}: {
  params: Promise<{ eventId: string; attendeeId: string }>;
}) {
  const { eventId, attendeeId } = await params;
  const { event, instructor } = await requireEventInstructorPage(eventId);
  if (!z.uuid().safeParse(attendeeId).success) notFound();
  const database = await db();
  const attendee = await findAttendee(database, attendeeId);
  if (attendee?.event_id !== event.id) notFound();
  const { locale, t } = await getTranslator();
  const clock = { locale, timeZone: env().TIME_ZONE };
  const [steps, statuses, activity, help, audit, credentials] = await Promise.all([
    gridSteps(locale, event),
    listStepStatus(database, attendee.id),
    activityOf(database, attendee.id),
    helpRequestsOf(database, attendee.id),
    listEventAudit(database, { eventId: event.id, instructorId: instructor.id, limit: 500 }),
    findLiveCredentials(database, attendee.id),
  ]);
  const statusOf = new Map(statuses.map((row) => [row.step_id, row]));
  const titleOf = new Map(steps.map((step) => [step.stepId, step.title]));
  const lastError = statuses
    .filter((row) => row.state === "fail" || row.state === "error")
    .sort((a, b) => b.last_checked_at.localeCompare(a.last_checked_at))
    .map((row) => ({
      row,
      item: itemsOf(row.items_json).find((item) => item.status === "fail"),
    }))[0];
  const timeline = [
    ...activity.map((row) => ({
      at: row.created_at,
      text: t("console.timeline.activity", {
        step: titleOf.get(row.step_id) ?? row.step_id,
        kind: row.kind,
        outcome: row.outcome,
      }),
    })),
    ...help.map((row) => ({
      at: row.created_at,
      text: t(row.resolved_at ? "console.timeline.helped" : "console.timeline.help", {
        step: titleOf.get(row.step_id) ?? row.step_id,
      }),
    })),
    ...audit
      .filter((row) => row.attendee_id === attendee.id)
      .map((row) => ({
        at: row.created_at,
        text: t("console.timeline.audit", {
          who:
            row.actor_kind === "instructor"
              ? t("console.timeline.instructor")
              : attendee.display_name,
          action: row.action,
          entry: row.entry_id ?? "—",
          outcome: row.outcome,
        }),
      })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const credential = !credentials ? "none" : credentials.source === "own" ? "own" : "sandbox";
  const ids = { eventId: event.id, attendeeId: attendee.id };
  return (
    <div className="space-y-6">
      <EventNav eventId={event.id} current="grid" t={t} />
      <header className="flex flex-wrap items-end gap-4">
        <h1 className="text-2xl font-bold" data-attendee-name>
          {attendee.display_name}
        </h1>
        <p className="text-sm">
          {t("console.grid.credential")}: {credentialLabels(t)[credential]}
          {credentials ? ` · ${credentials.account_id}` : ""}
        </p>
        <ActionButton
          action={resetAttendeeAction}
          payload={ids}
          label={t("console.attendee.reset")}
          confirmText={t("console.attendee.resetConfirm")}
        />
        <ActionButton
          action={removeAttendeeAction}
          payload={ids}
          label={t("console.attendee.remove")}
          confirmText={t("console.attendee.removeConfirm")}
          tone="danger"
          redirectTo={`/instructor/events/${event.id}`}
        />
      </header>
      <section className={card} aria-labelledby="last-error-heading">
        <h2 id="last-error-heading" className="text-lg font-semibold">
          {t("console.attendee.lastError")}
        </h2>
        {lastError ? (
          <p data-last-error>
            {titleOf.get(lastError.row.step_id) ?? lastError.row.step_id}:{" "}
            {lastError.item ? presentItem(lastError.item, t).message : lastError.row.state} (
            <time dateTime={lastError.row.last_checked_at}>
              {formatTime(lastError.row.last_checked_at, clock)}
            </time>
            )
          </p>
        ) : (
          <p className="text-slate-600 dark:text-slate-400">{t("console.attendee.noError")}</p>
        )}
      </section>
      <section className={card} aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="mb-2 text-lg font-semibold">
          {t("console.attendee.steps")}
        </h2>
        <ol className="space-y-3">
          {steps.map((step) => {
            const status = statusOf.get(step.stepId);
            const state = status?.state ?? "not-started";
            return (
              <li key={step.stepId} data-attendee-step={step.stepId}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{step.title}</span>
                  <StateBadge state={state} label={t(`check.status.${state}`)} />
                  {state === "pass" ? null : (
                    <ActionButton
                      action={doForAttendeeAction}
                      payload={{ ...ids, stepId: step.stepId }}
                      label={t("console.attendee.doForThem")}
                      confirmText={t("console.attendee.doForThemConfirm", {
                        name: attendee.display_name,
                      })}
                    />
                  )}
                </div>
                {status ? (
                  <ul className="mt-1 ml-4 list-disc text-sm">
                    {itemsOf(status.items_json).map((item) => {
                      const view = presentItem(item, t);
                      return (
                        <li key={item.id}>
                          <StateBadge
                            state={item.status}
                            label={t(`check.status.${item.status}`)}
                          />{" "}
                          {view.message}
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
      <section className={card} aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
          {t("console.attendee.timeline")}
        </h2>
        <ol className="space-y-1 text-sm" data-timeline>
          {timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at} className="text-slate-500">
                {formatTime(entry.at, clock)}
              </time>{" "}
              {entry.text}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
