import {
  broadcastAction,
  resolveHelpAction,
  rotateJoinCodeAction,
  timerAction,
} from "@/app/instructor/actions";
import { ActionButton, TextActionForm } from "@/components/instructor/ActionButton";
import { AuditLog } from "@/components/instructor/AuditLog";
import { CleanupEveryone } from "@/components/instructor/CleanupEveryone";
import { EventNav } from "@/components/instructor/EventNav";
import { LiveGrid } from "@/components/instructor/LiveGrid";
import { TimerControls } from "@/components/instructor/TimerControls";
import { formatDateTime, formatTime } from "@/components/lab/time";
import { requireEventInstructorPage } from "@/lib/auth/instructor";
import { db } from "@/lib/db";
import { eventPulse } from "@/lib/db/console";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n";
import { gridLabels, timerLabels } from "@/lib/instructor/labels";
import { loadGrid } from "@/lib/instructor/load";
import { timerFor } from "@/lib/instructor/pulse";

const card =
  "rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900";

export default async function EventConsolePage({
  params,
}: {
  params: Promise<{ eventId: string }>;
}) {
  const { instructor, event } = await requireEventInstructorPage((await params).eventId);
  const { locale, t } = await getTranslator();
  const clock = { locale, timeZone: env().TIME_ZONE };
  const database = await db();
  const [grid, pulse] = await Promise.all([
    loadGrid(database, event, locale),
    eventPulse(database, event.id),
  ]);
  return (
    <div className="space-y-6">
      <EventNav eventId={event.id} current="grid" t={t} />
      <section className="flex flex-wrap items-end gap-4" aria-labelledby="event-heading">
        <h1 id="event-heading" className="text-2xl font-bold">
          {event.name}
        </h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {t("instructor.joinCode")}:{" "}
          <code className="text-lg font-bold" data-join-code>
            {event.join_code}
          </code>{" "}
          · {event.joining_open ? t("console.event.open") : t("console.event.closed")} ·{" "}
          {t("instructor.endsAt")}:{" "}
          <time dateTime={event.ends_at}>{formatDateTime(event.ends_at, clock)}</time> ·{" "}
          {t("instructor.attendees", { count: grid.attendees.length })}
        </p>
        <ActionButton
          action={rotateJoinCodeAction}
          payload={{ eventId: event.id }}
          label={t("console.event.rotate")}
          confirmText={t("console.event.rotateConfirm")}
        />
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={card} aria-labelledby="timer-heading">
          <h2 id="timer-heading" className="mb-2 text-lg font-semibold">
            {t("console.timer.title")}
          </h2>
          <TimerControls
            eventId={event.id}
            timer={timerFor(pulse)}
            attendees={grid.attendees.map(({ id, name }) => ({ id, name }))}
            labels={timerLabels(t)}
            action={timerAction}
          />
        </section>
        <section className={card} aria-labelledby="broadcast-heading">
          <h2 id="broadcast-heading" className="mb-2 text-lg font-semibold">
            {t("console.broadcast.title")}
          </h2>
          <TextActionForm
            action={broadcastAction}
            payload={{ eventId: event.id }}
            field="body"
            label={t("console.broadcast.label")}
            submit={t("console.broadcast.send")}
            multiline
          />
          {pulse.broadcasts.length > 0 ? (
            <ul className="mt-3 space-y-1 text-sm" data-sent-broadcasts>
              {pulse.broadcasts.map((broadcast) => (
                <li key={broadcast.id}>
                  <time dateTime={broadcast.created_at} className="text-slate-500">
                    {formatTime(broadcast.created_at, clock)}
                  </time>{" "}
                  {broadcast.body}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
      <section className={card} aria-labelledby="grid-heading">
        <h2 id="grid-heading" className="mb-3 text-lg font-semibold">
          {t("console.grid.title")}
        </h2>
        <LiveGrid
          eventId={event.id}
          initial={grid}
          labels={gridLabels(t)}
          clock={clock}
          resolveHelp={resolveHelpAction}
        />
      </section>
      <AuditLog eventId={event.id} instructorId={instructor.id} t={t} clock={clock} />
      {/* Deleting every attendee's lab is the event owner's call, not a co-instructor's. */}
      {event.created_by === instructor.id ? (
        <section className={card}>
          <CleanupEveryone eventId={event.id} instructorId={instructor.id} t={t} clock={clock} />
        </section>
      ) : null}
    </div>
  );
}
