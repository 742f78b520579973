import { redirect } from "next/navigation";
import { AuditLog } from "@/components/instructor/AuditLog";
import { CleanupEveryone } from "@/components/instructor/CleanupEveryone";
import { StateBadge } from "@/components/lab/StateBadge";
import { formatDateTime, formatTime } from "@/components/lab/time";
import { AutoRefresh } from "@/components/ui/AutoRefresh";
import { currentInstructor, currentRole } from "@/lib/auth/session";
import { loadModules, loadSteps } from "@/lib/content/source";
import { db } from "@/lib/db";
import { listAttendees, listEventStepStatus, listEventsOf } from "@/lib/db/queries";
import type { StepState } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n";

export default async function InstructorPage() {
  const { locale, t } = await getTranslator();
  const instructor = await currentInstructor();
  if (!instructor) {
    if ((await currentRole()) === "attendee") {
      return (
        <div
          className="mx-auto max-w-md rounded-lg border border-rose-200 bg-rose-50 p-6"
          data-testid="forbidden"
        >
          <h1 className="text-xl font-bold">{t("forbidden.title")}</h1>
          <p className="mt-2">{t("forbidden.body")}</p>
        </div>
      );
    }
    redirect("/instructor/sign-in");
  }
  const clock = { locale, timeZone: env().TIME_ZONE };
  const database = await db();
  const events = await listEventsOf(database, instructor.id);
  const modules = await loadModules();
  const steps = (
    await Promise.all(modules.map((labModule) => loadSteps(locale, labModule.id)))
  ).flat();
  const grids = await Promise.all(
    events.map(async (event) => ({
      event,
      attendees: await listAttendees(database, event.id),
      statuses: await listEventStepStatus(database, event.id),
    })),
  );
  return (
    <div className="space-y-8">
      <AutoRefresh intervalMs={10_000} />
      <h1 className="text-2xl font-bold">{t("instructor.title")}</h1>
      {grids.map(({ event, attendees, statuses }) => {
        const stateOf = new Map(
          statuses.map((row) => [`${row.attendee_id}|${row.step_id}`, row.state as StepState]),
        );
        return (
          <section
            key={event.id}
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 className="text-lg font-semibold">{event.name}</h2>
            <p className="text-sm text-slate-600">
              {t("instructor.joinCode")}: <code className="font-bold">{event.join_code}</code> ·{" "}
              {t("instructor.endsAt")}:{" "}
              <time dateTime={event.ends_at}>{formatDateTime(event.ends_at, clock)}</time> ·{" "}
              {t("instructor.attendees", { count: attendees.length })}
            </p>
            {attendees.length === 0 ? (
              <p className="mt-3 text-slate-600">{t("instructor.noAttendees")}</p>
            ) : (
              <div className="mt-4 overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead>
                    <tr>
                      <th scope="col" className="px-2 py-1 text-left">
                        {t("instructor.attendee")}
                      </th>
                      {steps.map((step) => (
                        <th
                          key={step.frontmatter.id}
                          scope="col"
                          className="px-2 py-1 text-left font-medium"
                        >
                          {step.frontmatter.title}
                        </th>
                      ))}
                      <th scope="col" className="px-2 py-1 text-left">
                        {t("instructor.lastSeen")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {attendees.map((attendee) => (
                      <tr key={attendee.id} className="border-t border-slate-100">
                        <th scope="row" className="px-2 py-1 text-left font-medium">
                          {attendee.display_name}
                        </th>
                        {steps.map((step) => {
                          const state = stateOf.get(`${attendee.id}|${step.frontmatter.id}`);
                          return (
                            <td key={step.frontmatter.id} className="px-2 py-1">
                              {state ? (
                                <StateBadge state={state} label={t(`check.status.${state}`)} />
                              ) : (
                                <span className="text-slate-400">—</span>
                              )}
                            </td>
                          );
                        })}
                        <td className="px-2 py-1 text-slate-600">
                          <time dateTime={attendee.last_seen_at}>
                            {formatTime(attendee.last_seen_at, clock)}
                          </time>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {event.created_by === instructor.id ? (
              <>
                <AuditLog eventId={event.id} instructorId={instructor.id} t={t} clock={clock} />
                <CleanupEveryone
                  eventId={event.id}
                  instructorId={instructor.id}
                  t={t}
                  clock={clock}
                />
              </>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
