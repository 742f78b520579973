import "server-only";
import type {
  EventSettingsLabels,
  EventSettingsValues,
} from "@/components/instructor/EventSettingsForm";
import type { LiveGridLabels } from "@/components/instructor/LiveGrid";
import type { TimerLabels } from "@/components/instructor/TimerControls";
import type { PortalEvent } from "@/lib/db/schema";
import { enabledModules } from "@/lib/lab/catalogue";
import type { Translator } from "@/messages";

export function stateLabels(t: Translator) {
  return {
    pass: t("check.status.pass"),
    fail: t("check.status.fail"),
    pending: t("check.status.pending"),
    unobservable: t("check.status.unobservable"),
    error: t("check.status.error"),
    "not-started": t("check.status.not-started"),
  };
}

export function credentialLabels(t: Translator) {
  return {
    none: t("console.credential.none"),
    sandbox: t("console.credential.sandbox"),
    own: t("console.credential.own"),
    assumed: t("console.credential.assumed"),
    expired: t("console.credential.expired"),
  };
}

export function gridLabels(t: Translator): LiveGridLabels {
  return {
    search: t("console.grid.search"),
    filter: t("console.grid.filter"),
    sort: t("console.grid.sort"),
    filters: {
      all: t("console.grid.filter.all"),
      attention: t("console.grid.filter.attention"),
      noCredentials: t("console.grid.filter.noCredentials"),
      finished: t("console.grid.filter.finished"),
    },
    sorts: {
      joined: t("console.grid.sort.joined"),
      name: t("console.grid.sort.name"),
      progress: t("console.grid.sort.progress"),
      timeOnStep: t("console.grid.sort.timeOnStep"),
    },
    attendee: t("instructor.attendee"),
    credential: t("console.grid.credential"),
    current: t("console.grid.current"),
    lastSeen: t("instructor.lastSeen"),
    totals: t("console.grid.totals"),
    done: t("console.grid.done"),
    states: stateLabels(t),
    credentials: credentialLabels(t),
    stuckSlow: t("console.stuck.slow"),
    stuckRepeat: t("console.stuck.repeat"),
    help: t("console.help.asking"),
    markHelped: t("console.help.markHelped"),
    page: t("console.grid.page"),
    previous: t("console.grid.previous"),
    next: t("console.grid.next"),
    live: t("console.grid.live"),
    reconnecting: t("console.grid.reconnecting"),
    empty: t("instructor.noAttendees"),
    minutes: t("console.grid.minutes"),
    shown: t("console.grid.shown"),
  };
}

export function timerLabels(t: Translator): TimerLabels {
  return {
    title: t("console.timer.title"),
    none: t("console.timer.none"),
    paused: t("console.timer.paused"),
    over: t("console.timer.over"),
    warning: t("console.timer.warning"),
    minutes: t("console.timer.minutes"),
    start: t("console.timer.start"),
    extendAll: t("console.timer.extendAll"),
    extendOne: t("console.timer.extendOne"),
    attendee: t("instructor.attendee"),
    pause: t("console.timer.pause"),
    resume: t("console.timer.resume"),
    clear: t("console.timer.clear"),
  };
}

export function settingsLabels(t: Translator, submit: string): EventSettingsLabels {
  return {
    name: t("console.event.name"),
    startsAt: t("console.event.startsAt"),
    endsAt: t("console.event.endsAt"),
    language: t("console.event.language"),
    joiningOpen: t("console.event.joiningOpen"),
    attendeeCap: t("console.event.attendeeCap"),
    awsMode: t("console.event.awsMode"),
    roleArnTemplate: t("console.event.roleArnTemplate"),
    roleArnHint: t("console.event.roleArnHint"),
    externalId: t("console.event.externalId"),
    modules: t("console.event.modules"),
    modulesHint: t("console.event.modulesHint"),
    module4: t("console.event.module4"),
    sharedDomain: t("console.event.sharedDomain"),
    sharedZoneId: t("console.event.sharedZoneId"),
    instructorAccountId: t("console.event.instructorAccountId"),
    crossaccountRole: t("console.event.crossaccountRole"),
    submit,
    saving: t("console.saving"),
    modes: {
      sandbox: t("console.event.mode.sandbox"),
      pasted: t("console.event.mode.pasted"),
      "assumed-role": t("console.event.mode.assumedRole"),
    },
    languages: { ko: "한국어", en: "English" },
  };
}

export function settingsValues(event: PortalEvent): EventSettingsValues {
  return {
    name: event.name,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    language: event.language === "en" ? "en" : "ko",
    joiningOpen: event.joining_open === 1,
    attendeeCap: event.attendee_cap === null ? "" : String(event.attendee_cap),
    awsMode: event.aws_mode,
    roleArnTemplate: event.role_arn_template ?? "",
    externalId: event.external_id ?? "",
    modulesEnabled: enabledModules(event) ?? [],
    sharedDomain: event.shared_domain ?? "",
    sharedZoneId: event.shared_zone_id ?? "",
    instructorAccountId: event.instructor_account_id ?? "",
    crossaccountRole: event.crossaccount_role ?? "",
  };
}

/** A new event's form: today's class, eight hours from now, in the instructor's language. */
export function newEventValues(locale: "ko" | "en"): EventSettingsValues {
  return {
    name: "",
    startsAt: null,
    endsAt: new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString(),
    language: locale,
    joiningOpen: true,
    attendeeCap: "",
    awsMode: "sandbox",
    roleArnTemplate: "",
    externalId: "",
    modulesEnabled: [],
    sharedDomain: "",
    sharedZoneId: "",
    instructorAccountId: "",
    crossaccountRole: "",
  };
}
