import {
  inviteInstructorAction,
  removeInstructorAction,
  updateEventAction,
  withdrawInviteAction,
} from "@/app/instructor/actions";
import { ActionButton, TextActionForm } from "@/components/instructor/ActionButton";
import { EventNav } from "@/components/instructor/EventNav";
import { EventSettingsForm } from "@/components/instructor/EventSettingsForm";
import { formatDateTime } from "@/components/lab/time";
import { requireEventInstructorPage } from "@/lib/auth/instructor";
import { loadModules } from "@/lib/content/source";
import { db } from "@/lib/db";
import { listEventInstructors } from "@/lib/db/console";
import { listOpenInvites } from "@/lib/db/invites";
import { env } from "@/lib/env";
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
  const database = await db();
  const [instructors, invites, modules] = await Promise.all([
    listEventInstructors(database, event.id),
    listOpenInvites(database, event.id),
    loadModules(),
  ]);
  const clock = { locale, timeZone: env().TIME_ZONE };
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
        {invites.length > 0 ? (
          <>
            <h3 className="mb-1 text-sm font-semibold">{t("console.instructors.pending")}</h3>
            <ul className="mb-4 space-y-2" data-open-invites>
              {invites.map((invite) => (
                <li key={invite.token_hash} className="flex flex-wrap items-center gap-3">
                  <span>
                    {t("console.instructors.pendingItem", {
                      email: invite.email,
                      expires: formatDateTime(invite.expires_at, clock),
                    })}
                  </span>
                  <ActionButton
                    action={withdrawInviteAction}
                    payload={{ eventId: event.id, invite: invite.token_hash }}
                    label={t("console.instructors.withdraw")}
                    tone="danger"
                  />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <TextActionForm
          action={inviteInstructorAction}
          payload={{ eventId: event.id }}
          field="email"
          type="email"
          label={t("console.instructors.invite")}
          submit={t("console.instructors.add")}
          copyLabels={{ label: t("common.copy"), copied: t("common.copied") }}
        />
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {t("console.instructors.hint")}
        </p>
      </section>
    </div>
  );
}
