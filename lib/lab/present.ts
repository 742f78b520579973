import "server-only";
import type { Translator } from "@/messages";
import type {
  ApplyOutcome,
  ModuleStatus,
  PlanOutcome,
  Problem,
  StepResult,
} from "@/lib/lab/runner";
import type { CheckItem, ItemProgress, PlanEntry } from "@/lib/lab/types";
import type {
  ApplyView,
  CheckView,
  ItemView,
  ModuleStatusView,
  PlanView,
  ProgressView,
  StepView,
} from "@/lib/lab/views";

export function presentProblem(problem: Problem, t: Translator): string {
  if (problem.code === "no_credentials") return t("aws.problem.no_credentials");
  if (problem.code === "busy") return t("aws.problem.busy");
  if (problem.code === "event_ended") return t("limits.eventEnded");
  if (problem.code === "internal") return t("problem.internal", { reference: problem.reference });
  // RDS's own quota on DB instances per account and region, not the EC2 limits.
  if (problem.code === "limit_exceeded" && problem.awsCode === "InstanceQuotaExceeded") {
    return t("aws.problem.rdsInstanceQuota");
  }
  return t(`aws.problem.${problem.code}`, {
    operation: problem.operation ?? "AWS",
    awsCode: problem.awsCode ?? "—",
  });
}

const needsCredentials = (problem: Problem | undefined) =>
  problem?.code === "no_credentials" ||
  problem?.code === "expired_credentials" ||
  problem?.code === "invalid_credentials";

function presentProgress(progress: ItemProgress, t: Translator): ProgressView {
  const params = { status: progress.status, percent: progress.percent };
  return {
    ...progress,
    text:
      progress.etaMinutes > 0
        ? t("progress.eta", { ...params, minutes: progress.etaMinutes })
        : t("progress.overdue", params),
  };
}

export function presentItem(item: CheckItem, t: Translator): ItemView {
  return {
    id: item.id,
    status: item.status,
    message: t(item.message.key, item.message.params),
    ...(item.fix ? { fix: t(item.fix.key, item.fix.params) } : {}),
    ...(item.progress ? { progress: presentProgress(item.progress, t) } : {}),
    ...(item.optional ? { optional: true as const } : {}),
  };
}

function presentStep(step: StepResult, t: Translator): StepView {
  return {
    stepId: step.stepId,
    state: step.state,
    items: step.items.map((item) => presentItem(item, t)),
  };
}

export function presentModuleStatus(status: ModuleStatus, t: Translator): ModuleStatusView {
  return {
    moduleId: status.moduleId,
    checkedAt: status.checkedAt,
    steps: status.steps.map((step) => presentStep(step, t)),
    ...(status.problem ? { problem: presentProblem(status.problem, t) } : {}),
    needsCredentials: needsCredentials(status.problem),
  };
}

export function presentCheck(
  outcome: { result?: StepResult; problem?: Problem; checkedAt: string },
  t: Translator,
): CheckView {
  return {
    state: outcome.problem ? "error" : (outcome.result?.state ?? "pending"),
    items: outcome.result ? presentStep(outcome.result, t).items : [],
    ...(outcome.problem ? { problem: presentProblem(outcome.problem, t) } : {}),
    needsCredentials: needsCredentials(outcome.problem),
    checkedAt: outcome.checkedAt,
  };
}

const presentEntry = (entry: PlanEntry, t: Translator) => ({
  id: entry.id,
  kind: entry.kind,
  message: t(entry.message.key, entry.message.params),
});

const presentDone = (entry: PlanEntry, t: Translator) => {
  const message = entry.done ?? entry.message;
  return { id: entry.id, kind: entry.kind, message: t(message.key, message.params) };
};

export function presentPlan(outcome: PlanOutcome, t: Translator): PlanView {
  return {
    entries: outcome.entries.map((entry) => presentEntry(entry, t)),
    actionable: outcome.entries.some((entry) => entry.run !== undefined),
    ...(outcome.problem ? { problem: presentProblem(outcome.problem, t) } : {}),
    needsCredentials: needsCredentials(outcome.problem),
  };
}

export function presentApply(outcome: ApplyOutcome, t: Translator, check?: CheckView): ApplyView {
  return {
    done: outcome.done.map((entry) => presentDone(entry, t)),
    downloads: outcome.downloads.map((download) => ({
      url: `/api/downloads/${encodeURIComponent(download.token)}`,
      filename: download.filename,
    })),
    ...(outcome.problem ? { problem: presentProblem(outcome.problem, t) } : {}),
    needsCredentials: needsCredentials(outcome.problem),
    ...(check ? { check } : {}),
  };
}

/** Older than anything shown, so a page that already has a status never steps back to this. */
const NOT_YET_CHECKED = new Date(0).toISOString();

/** Nothing is stored yet: an honest "being read", neither pass nor fail. */
export function presentRefreshing(moduleId: string): ModuleStatusView {
  return {
    moduleId,
    checkedAt: NOT_YET_CHECKED,
    steps: [],
    needsCredentials: false,
    refreshing: true,
  };
}
