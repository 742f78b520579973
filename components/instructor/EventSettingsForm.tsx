"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/actions";
import type { EventSettingsInput } from "@/lib/instructor/schemas";

export type EventSettingsLabels = Record<
  | "name"
  | "startsAt"
  | "endsAt"
  | "language"
  | "joiningOpen"
  | "attendeeCap"
  | "awsMode"
  | "roleArnTemplate"
  | "roleArnHint"
  | "externalId"
  | "modules"
  | "modulesHint"
  | "module4"
  | "sharedDomain"
  | "sharedZoneId"
  | "instructorAccountId"
  | "crossaccountRole"
  | "submit"
  | "saving",
  string
> & {
  modes: Record<EventSettingsInput["awsMode"], string>;
  languages: Record<"ko" | "en", string>;
};

export type EventSettingsValues = Omit<EventSettingsInput, "startsAt" | "endsAt"> & {
  startsAt: string | null;
  endsAt: string;
};

/** An ISO time as a datetime-local field shows it, in the browser's own zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : "");

const fieldClass =
  "mt-1 w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900";

/** Creates an event (no `eventId`) or edits one. */
export function EventSettingsForm({
  eventId,
  initial,
  modules,
  labels,
  submit,
}: {
  eventId?: string;
  initial: EventSettingsValues;
  modules: { id: string; title: string }[];
  labels: EventSettingsLabels;
  submit: (
    payload: EventSettingsInput | { eventId: string; settings: EventSettingsInput },
  ) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof EventSettingsValues>(key: K, value: EventSettingsValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const text = (key: keyof EventSettingsValues & string, label: string, hint?: string) => (
    <label className="block text-sm">
      <span className="font-medium">{label}</span>
      <input
        name={key}
        value={String(values[key] ?? "")}
        onChange={(change) => set(key, change.target.value as never)}
        className={fieldClass}
      />
      {hint ? <span className="text-xs text-slate-600 dark:text-slate-400">{hint}</span> : null}
    </label>
  );
  return (
    <form
      className="grid gap-4 md:grid-cols-2"
      data-event-settings
      onSubmit={(submitEvent) => {
        submitEvent.preventDefault();
        startTransition(async () => {
          const settings = { ...values, startsAt: values.startsAt ?? "" };
          const result = await submit(eventId ? { eventId, settings } : settings);
          setMessage(
            result.ok
              ? { ok: true, text: typeof result.data === "string" ? result.data : "" }
              : { ok: false, text: result.error },
          );
          if (
            result.ok &&
            typeof result.data === "object" &&
            result.data &&
            "eventId" in result.data
          ) {
            router.push(`/instructor/events/${String(result.data.eventId)}`);
          } else router.refresh();
        });
      }}
    >
      {text("name", labels.name)}
      <label className="block text-sm">
        <span className="font-medium">{labels.language}</span>
        <select
          name="language"
          value={values.language}
          onChange={(change) => set("language", change.target.value as "ko" | "en")}
          className={fieldClass}
        >
          <option value="ko">{labels.languages.ko}</option>
          <option value="en">{labels.languages.en}</option>
        </select>
      </label>
      <label className="block text-sm">
        <span className="font-medium">{labels.startsAt}</span>
        <input
          type="datetime-local"
          name="startsAt"
          value={toLocalInput(values.startsAt)}
          onChange={(change) => set("startsAt", fromLocalInput(change.target.value) || null)}
          className={fieldClass}
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium">{labels.endsAt}</span>
        <input
          type="datetime-local"
          name="endsAt"
          required
          value={toLocalInput(values.endsAt)}
          onChange={(change) => set("endsAt", fromLocalInput(change.target.value))}
          className={fieldClass}
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="joiningOpen"
          checked={values.joiningOpen}
          onChange={(change) => set("joiningOpen", change.target.checked)}
        />
        <span className="font-medium">{labels.joiningOpen}</span>
      </label>
      {text("attendeeCap", labels.attendeeCap)}
      <label className="block text-sm">
        <span className="font-medium">{labels.awsMode}</span>
        <select
          name="awsMode"
          value={values.awsMode}
          onChange={(change) =>
            set("awsMode", change.target.value as EventSettingsValues["awsMode"])
          }
          className={fieldClass}
        >
          {(Object.keys(labels.modes) as EventSettingsValues["awsMode"][]).map((mode) => (
            <option key={mode} value={mode}>
              {labels.modes[mode]}
            </option>
          ))}
        </select>
      </label>
      {values.awsMode === "assumed-role" ? (
        <>
          {text("roleArnTemplate", labels.roleArnTemplate, labels.roleArnHint)}
          {text("externalId", labels.externalId)}
        </>
      ) : null}
      <fieldset className="text-sm md:col-span-2">
        <legend className="font-medium">{labels.modules}</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">{labels.modulesHint}</p>
        <div className="mt-1 flex flex-wrap gap-3">
          {modules.map((labModule) => (
            <label key={labModule.id} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={values.modulesEnabled.includes(labModule.id)}
                onChange={(change) =>
                  set(
                    "modulesEnabled",
                    change.target.checked
                      ? [...values.modulesEnabled, labModule.id]
                      : values.modulesEnabled.filter((id) => id !== labModule.id),
                  )
                }
              />
              {labModule.title}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="grid gap-3 text-sm md:col-span-2 md:grid-cols-2">
        <legend className="font-medium">{labels.module4}</legend>
        {text("sharedDomain", labels.sharedDomain)}
        {text("sharedZoneId", labels.sharedZoneId)}
        {text("instructorAccountId", labels.instructorAccountId)}
        {text("crossaccountRole", labels.crossaccountRole)}
      </fieldset>
      <div className="md:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {pending ? labels.saving : labels.submit}
        </button>
        <p
          aria-live="polite"
          className={`mt-2 text-sm ${message?.ok ? "text-emerald-700" : "text-rose-700"}`}
        >
          {message?.text}
        </p>
      </div>
    </form>
  );
}
