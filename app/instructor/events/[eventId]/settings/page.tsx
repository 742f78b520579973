import {
  inviteInstructorAction,
  removeInstructorAction,
  updateEventAction,
} from "@/app/instructor/actions";
import { ActionButton, TextActionForm } from "@/components/instructor/ActionButton";
import { EventNav } from "@/components/instructor/EventNav";
import { EventSettingsForm } from "@/components/instructor/EventSettingsForm";
import { requireEventInstructorPage } from "@/lib/auth/instructor";
import { loadModules } from "@/lib/content/source";
import { db } from "@/lib/db";
import { listEventInstructors } from "@/lib/db/console";
import { getTranslator } from "@/lib/i18n";
import { settingsLabels, settingsValues } from "@/lib/instructor/labels";

const card =
  "rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900";

export default async function EventSettingsPage({
  params,
}: {
  params: Promise<{ eventId: string }>;
}) {
  const { event } = await requireEventInstructorPage((await params).eventId);
  const { locale, t } = await getTranslator();
  const [instructors, modules] = await Promise.all([
    listEventInstructors(await db(), event.id),
    loadModules(),
  ]);
  return (
    <div className="space-y-6">
      <EventNav eventId={event.id} current="settings" t={t} />
      <h1 className="text-2xl font-bold">
        {event.name} · {t("console.nav.settings")}
      </h1>
      <section className={card}>
        <EventSettingsForm
          eventId={event.id}
          initial={settingsValues(event)}
          modules={modules.map((labModule) => ({
            id: labModule.id,
            title: labModule.title[locale],
          }))}
          labels={settingsLabels(t, t("console.save"))}
          submit={updateEventAction}
        />
      </section>
      <section className={card} aria-labelledby="instructors-heading">
        <h2 id="instructors-heading" className="mb-2 text-lg font-semibold">
          {t("console.instructors.title")}
        </h2>
        <ul className="mb-4 space-y-2" data-event-instructors>
          {instructors.map((member) => (
            <li key={member.id} className="flex flex-wrap items-center gap-3">
              <span>
                {member.display_name} &lt;{member.email}&gt; ·{" "}
                {member.role === "owner"
                  ? t("console.instructors.owner")
                  : t("console.instructors.co")}
              </span>
              {member.role === "owner" ? null : (
                <ActionButton
                  action={removeInstructorAction}
                  payload={{ eventId: event.id, instructorId: member.id }}
                  label={t("console.instructors.remove")}
                  tone="danger"
                />
              )}
            </li>
          ))}
        </ul>
        <TextActionForm
          action={inviteInstructorAction}
          payload={{ eventId: event.id }}
          field="email"
          type="email"
          label={t("console.instructors.invite")}
          submit={t("console.instructors.add")}
        />
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {t("console.instructors.cliHint")}
        </p>
      </section>
    </div>
  );
}
