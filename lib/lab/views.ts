import type { CheckStatus, PlanEntryKind, StepState } from "@/lib/lab/types";

/** A progress bar: how far, and the same said in words for the attendee and screen readers. */
export type ProgressView = { percent: number; etaMinutes: number; status: string; text: string };

/** What the browser receives: already localized, no AWS shapes, nothing secret. */
export type ItemView = {
  id: string;
  status: CheckStatus;
  message: string;
  fix?: string;
  progress?: ProgressView;
  optional?: true;
};

export type StepView = { stepId: string; state: StepState; items: ItemView[] };

export type ModuleStatusView = {
  moduleId: string;
  checkedAt: string;
  steps: StepView[];
  problem?: string;
  needsCredentials: boolean;
  /** Nothing was stored yet: the first reading of the account is under way. */
  refreshing?: true;
};

export type CheckView = {
  state: StepState;
  items: ItemView[];
  problem?: string;
  needsCredentials: boolean;
  checkedAt: string;
};

export type PlanEntryView = { id: string; kind: PlanEntryKind; message: string };

export type PlanView = {
  entries: PlanEntryView[];
  actionable: boolean;
  problem?: string;
  needsCredentials: boolean;
};

export type ApplyView = {
  done: PlanEntryView[];
  downloads: { url: string; filename: string }[];
  problem?: string;
  needsCredentials: boolean;
  check?: CheckView;
};
