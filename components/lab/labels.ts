import type { DoItForMeLabels } from "@/components/lab/DoItForMe";
import type { StatusPanelLabels } from "@/components/lab/StatusPanel";
import type { StepCheckLabels } from "@/components/lab/StepCheck";
import type { Translator } from "@/messages";

export function stepCheckLabels(t: Translator): StepCheckLabels {
  const status = {
    pass: t("check.status.pass"),
    warn: t("check.status.warn"),
    fail: t("check.status.fail"),
    pending: t("check.status.pending"),
    unobservable: t("check.status.unobservable"),
  };
  return {
    button: t("check.button"),
    running: t("check.running"),
    checkedAt: t("check.checkedAt"),
    fix: t("check.howToFix"),
    goCredentials: t("credentials.goSet"),
    summary: {
      pass: t("check.summary.pass"),
      fail: t("check.summary.fail"),
      pending: t("check.summary.pending"),
      unobservable: t("check.summary.unobservable"),
      error: t("check.summary.error"),
      "not-started": t("check.summary.not-started"),
    },
    status,
  };
}

export function doItForMeLabels(t: Translator): DoItForMeLabels {
  return {
    button: t("doit.button"),
    planning: t("doit.planning"),
    planTitle: t("doit.planTitle"),
    apply: t("doit.apply"),
    applying: t("doit.applying"),
    cancel: t("common.cancel"),
    nothingToDo: t("doit.nothingToDo"),
    done: t("doit.done"),
    completed: t("doit.completed"),
    downloadNote: t("doit.downloadNote"),
    download: t("doit.download"),
    goCredentials: t("credentials.goSet"),
    kinds: {
      exists: t("doit.kind.exists"),
      create: t("doit.kind.create"),
      remove: t("doit.kind.remove"),
      update: t("doit.kind.update"),
      manual: t("doit.kind.manual"),
      blocked: t("doit.kind.blocked"),
    },
    check: stepCheckLabels(t),
  };
}

/** The same panel for taking do-it-for-me's work back: its own button and words. */
export function undoLabels(t: Translator): DoItForMeLabels {
  return {
    ...doItForMeLabels(t),
    button: t("undo.button"),
    planTitle: t("undo.planTitle"),
    apply: t("undo.apply"),
    applying: t("undo.applying"),
    nothingToDo: t("undo.nothingToDo"),
    done: t("undo.done"),
  };
}

export function statusPanelLabels(t: Translator): StatusPanelLabels {
  const check = stepCheckLabels(t);
  return {
    title: t("status.title"),
    refreshing: t("status.refreshing"),
    firstReading: t("status.firstReading"),
    updated: t("status.updated"),
    needsCredentials: t("status.needsCredentials"),
    goCredentials: t("credentials.goSet"),
    fix: check.fix,
    passedItems: t("status.passedItems"),
    state: {
      pass: t("check.status.pass"),
      fail: t("check.status.fail"),
      pending: t("check.status.pending"),
      unobservable: t("check.status.unobservable"),
      error: t("check.status.error"),
      "not-started": t("check.status.not-started"),
    },
    status: check.status,
  };
}
