import type { ColumnType, Insertable, Selectable } from "kysely";
import type { StepState } from "@/lib/lab/types";

export type { StepState };
export type ActivityKind = "open" | "check" | "plan" | "apply" | "undo";
export type CredentialSource = "sandbox" | "own" | "assumed";

export interface InstructorTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: string;
}

export interface EventTable {
  id: string;
  name: string;
  join_code: string;
  region: string;
  ends_at: string;
  created_by: string | null;
  created_at: string;
  /** Module 4's shared hosted zone in the instructor's account; null until the event has one. */
  shared_domain: ColumnType<string | null, string | null | undefined, string | null>;
  shared_zone_id: ColumnType<string | null, string | null | undefined, string | null>;
  instructor_account_id: ColumnType<string | null, string | null | undefined, string | null>;
  crossaccount_role: ColumnType<string | null, string | null | undefined, string | null>;
  starts_at: Nullable<string>;
  language: ColumnType<string, string | undefined, string>;
  /** 1 while attendees may join with the code, 0 once the instructor closed joining. */
  joining_open: ColumnType<number, number | undefined, number>;
  attendee_cap: Nullable<number>;
  aws_mode: ColumnType<AwsMode, AwsMode | undefined, AwsMode>;
  /** For assumed-role events: `arn:aws:iam::{accountId}:role/Name`, filled per attendee. */
  role_arn_template: Nullable<string>;
  external_id: Nullable<string>;
  /** JSON array of module ids; null while every module is enabled. */
  modules_enabled: Nullable<string>;
  timer_ends_at: Nullable<string>;
  /** Milliseconds left when the timer was paused; null while it runs. */
  timer_paused_ms: Nullable<number>;
}

/** What a new event starts with before its instructor changes any console setting. */
export const EVENT_CONSOLE_DEFAULTS = {
  starts_at: null,
  language: "ko",
  joining_open: 1,
  attendee_cap: null,
  aws_mode: "sandbox",
  role_arn_template: null,
  external_id: null,
  modules_enabled: null,
  timer_ends_at: null,
  timer_paused_ms: null,
} as const satisfies Partial<Record<keyof EventTable, unknown>>;

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
export type AwsMode = "sandbox" | "pasted" | "assumed-role";

export interface EventInstructorTable {
  event_id: string;
  instructor_id: string;
  role: "owner" | "co";
  added_at: string;
}

export interface BroadcastTable {
  id: string;
  event_id: string;
  instructor_id: string | null;
  body: string;
  created_at: string;
}

/** A co-instructor invitation by link: only the token's hash is kept; usable once, until it expires. */
export interface InstructorInviteTable {
  token_hash: string;
  event_id: string;
  email: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface HelpRequestTable {
  id: string;
  event_id: string;
  attendee_id: string;
  step_id: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface AttendeeTable {
  id: string;
  event_id: string;
  display_name: string;
  email: string | null;
  created_at: string;
  last_seen_at: string;
  /** A DNS label, unique in the event: every Module 4 name derives from it. */
  initials: ColumnType<string | null, string | null | undefined, string | null>;
  last_client_ip: ColumnType<string | null, string | null | undefined, string | null>;
  /** This attendee's own timer extension on top of the event's. */
  timer_extra_ms: ColumnType<number, number | undefined, number>;
}

/** The public IPs each attendee's account was last seen with: whose EIP a record points at. */
export interface AttendeeAddressTable {
  attendee_id: string;
  event_id: string;
  public_ip: string;
  seen_at: string;
}

export interface AwsCredentialTable {
  attendee_id: string;
  source: CredentialSource;
  account_id: string;
  principal_arn: string;
  region: string;
  ciphertext: string;
  iv: string;
  tag: string;
  expires_at: string;
  created_at: string;
}

export interface StepStatusTable {
  attendee_id: string;
  step_id: string;
  module_id: string;
  state: StepState;
  items_json: string;
  first_checked_at: string;
  last_checked_at: string;
  passed_at: string | null;
  fail_count: number;
}

export interface ActivityTable {
  id: string;
  attendee_id: string;
  step_id: string;
  kind: ActivityKind;
  outcome: string;
  created_at: string;
}

export interface SecretDownloadTable {
  token: string;
  attendee_id: string;
  filename: string;
  ciphertext: string;
  iv: string;
  tag: string;
  expires_at: string;
  created_at: string;
}

/** What a step remembers for an attendee across refreshes (e.g. the AZ before a failover). */
export interface StepMemoryTable {
  attendee_id: string;
  step_id: string;
  value_json: string;
  updated_at: string;
}

/** Each attendee's latest evaluated status of a module (JSON of ModuleStatus). */
export interface ModuleStatusTable {
  attendee_id: string;
  module_id: string;
  status_json: string;
  checked_at: string;
}

export type AuditAction =
  "do" | "undo" | "credentials.own" | "credentials.sandbox" | "credentials.assumed";

/** One AWS mutation the portal made: who asked, for whom, what, how it went, AWS's request ids. */
export interface AuditLogTable {
  id: string;
  created_at: string;
  event_id: string;
  actor_kind: "attendee" | "instructor";
  actor_id: string;
  /** On whose behalf, in whose AWS account. */
  attendee_id: string;
  account_id: string | null;
  action: AuditAction;
  step_id: string | null;
  entry_id: string | null;
  entry_kind: string | null;
  outcome: "ok" | "failed";
  error_code: string | null;
  /** JSON: [{ operation, requestId?, errorCode? }] */
  aws_requests: string;
}

export interface LeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface RateEventTable {
  limiter: string;
  key: string;
  /** Epoch milliseconds: windows are compared as numbers on both back ends. */
  at: number;
}

export type CleanupRunState = "running" | "finished";

/** An instructor's "clean up everyone" for an event, worked through in the background. */
export interface CleanupRunTable {
  id: string;
  event_id: string;
  instructor_id: string;
  state: CleanupRunState;
  created_at: string;
  finished_at: string | null;
}

export type CleanupAttendeeState =
  "queued" | "running" | "clean" | "left" | "credentials-expired" | "failed";

/** One attendee's part of a clean-up run: what was deleted, what is left and why (report_json). */
export interface CleanupRunAttendeeTable {
  run_id: string;
  attendee_id: string;
  display_name: string;
  state: CleanupAttendeeState;
  deleted: number;
  left_over: number;
  report_json: string;
  updated_at: string;
}

export interface Database {
  instructors: InstructorTable;
  events: EventTable;
  attendees: AttendeeTable;
  aws_credentials: AwsCredentialTable;
  step_status: StepStatusTable;
  activity: ActivityTable;
  secret_downloads: SecretDownloadTable;
  step_memory: StepMemoryTable;
  attendee_addresses: AttendeeAddressTable;
  audit_log: AuditLogTable;
  leases: LeaseTable;
  rate_events: RateEventTable;
  module_status: ModuleStatusTable;
  cleanup_runs: CleanupRunTable;
  cleanup_run_attendees: CleanupRunAttendeeTable;
  event_instructors: EventInstructorTable;
  broadcasts: BroadcastTable;
  help_requests: HelpRequestTable;
  instructor_invites: InstructorInviteTable;
}

export type Instructor = Selectable<InstructorTable>;
export type PortalEvent = Selectable<EventTable>;
export type Attendee = Selectable<AttendeeTable>;
export type AwsCredentialRow = Selectable<AwsCredentialTable>;
export type StepStatusRow = Selectable<StepStatusTable>;
export type NewStepStatus = Insertable<StepStatusTable>;
