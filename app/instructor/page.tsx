import Link from "next/link";
import { redirect } from "next/navigation";
import { createEventAction } from "@/app/instructor/actions";
import { EventSettingsForm } from "@/components/instructor/EventSettingsForm";
import { formatDateTime } from "@/components/lab/time";
import { currentInstructor, currentRole } from "@/lib/auth/session";
import { loadModules } from "@/lib/content/source";
import { db } from "@/lib/db";
import { countAttendees, listEventsOf } from "@/lib/db/queries";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n";
import { newEventValues, settingsLabels } from "@/lib/instructor/labels";

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
  const events = await Promise.all(
    (await listEventsOf(database, instructor.id)).map(async (event) => ({
      event,
      attendees: await countAttendees(database, event.id),
    })),
  );
  const modules = (await loadModules()).map((labModule) => ({
    id: labModule.id,
    title: labModule.title[locale],
  }));
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("instructor.title")}</h1>
      <section aria-labelledby="events-heading" className="space-y-3">
        <h2 id="events-heading" className="text-lg font-semibold">
          {t("console.events.title")}
        </h2>
        {events.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">{t("console.events.none")}</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {events.map(({ event, attendees }) => (
              <li
                key={event.id}
                className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
                data-event-card={event.name}
              >
                <Link
                  href={`/instructor/events/${event.id}`}
                  className="text-lg font-semibold text-sky-800 underline dark:text-sky-300"
                >
                  {event.name}
                </Link>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {t("instructor.joinCode")}: <code className="font-bold">{event.join_code}</code> ·{" "}
                  {t("instructor.endsAt")}:{" "}
                  <time dateTime={event.ends_at}>{formatDateTime(event.ends_at, clock)}</time> ·{" "}
                  {t("instructor.attendees", { count: attendees })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section
        aria-labelledby="create-heading"
        className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="create-heading" className="mb-3 text-lg font-semibold">
          {t("console.events.create")}
        </h2>
        <EventSettingsForm
          initial={newEventValues(locale)}
          modules={modules}
          labels={settingsLabels(t, t("console.events.create"))}
          submit={createEventAction}
        />
      </section>
    </div>
  );
}
