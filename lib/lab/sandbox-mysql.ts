import "server-only";
import { createAwsClients } from "@/lib/aws/client";
import { resolveCredentials } from "@/lib/credentials";
import { findWebInstance } from "@/lib/lab/compute-facts";
import { findLabDb, webReachesDb } from "@/lib/lab/database-facts";
import { factReader } from "@/lib/lab/facts";
import { LAB } from "@/lib/lab/names";
import type { AttendeeRef, RunnerEnvironment } from "@/lib/lab/runner";
import type { MessageRef } from "@/lib/lab/types";
import type { Translator } from "@/messages";
import { msg } from "@/lib/lab/build";
import {
  MAX_RESULT_ROWS,
  SandboxDatabaseUnavailableError,
  initialLabSqlState,
  runLabSql,
  type LabSqlResult,
  type LabSqlState,
} from "@/lib/sandbox/database";

// The sandbox's stand-in for `mysql -h <awslab endpoint> -u admin -p` typed on Web: the same
// security-group path must exist, and the statements run in the attendee's own namespace.

export type MysqlConsoleOutcome =
  | { kind: "refused"; message: MessageRef }
  | { kind: "ran"; endpoint: string; database: string | null; results: LabSqlResult[] };

// Per process, like an open mysql session on Web: the current database and last warnings.
const sessions = ((
  globalThis as { __aws101MysqlConsoles?: Map<string, LabSqlState> }
).__aws101MysqlConsoles ??= new Map());

/** Undefined when the attendee is not on a sandbox account (on AWS they use SSH and mysql). */
export async function runSandboxMysql(
  runtime: RunnerEnvironment,
  attendee: AttendeeRef,
  sql: string,
): Promise<MysqlConsoleOutcome | undefined> {
  const resolved = await resolveCredentials(
    runtime.db,
    attendee.attendeeId,
    runtime.sandboxEndpoint,
  );
  if (!resolved || resolved.source !== "sandbox") return undefined;
  const aws = createAwsClients(resolved.target);
  const facts = await factReader(aws, `${attendee.attendeeId}|${resolved.target.region}`).readAll([
    "dbInstances",
    "securityGroups",
    "instances",
  ]);
  const db = findLabDb(facts.dbInstances);
  if (!db) return { kind: "refused", message: msg("sandbox.mysql.noDb") };
  const endpoint = db.endpoint?.address;
  if (db.status !== "available" || !endpoint) {
    return {
      kind: "refused",
      message: msg("sandbox.mysql.notAvailable", { status: db.status ?? "?" }),
    };
  }
  const web = findWebInstance(facts.instances);
  if (!web || !webReachesDb(facts.securityGroups, db, web)) {
    return {
      kind: "refused",
      message: msg("sandbox.mysql.timeout", { endpoint, group: LAB.dbSecurityGroup }),
    };
  }
  try {
    const { results, state } = await runLabSql(
      resolved.accountId,
      sql,
      sessions.get(attendee.attendeeId) ?? initialLabSqlState(),
      { masterUsername: db.masterUsername ?? LAB.dbMasterUsername },
    );
    sessions.set(attendee.attendeeId, state);
    return { kind: "ran", endpoint, database: state.database, results };
  } catch (error) {
    if (error instanceof SandboxDatabaseUnavailableError) {
      return { kind: "refused", message: msg("sandbox.mysql.unavailable") };
    }
    throw error;
  }
}

export type MysqlResultView = {
  statement: string;
  kind: LabSqlResult["kind"];
  columns?: string[];
  rows?: Array<Array<string | null>>;
  /** What the mysql client prints under a result: rows in set, Query OK, or the error. */
  summary: string;
};

export type MysqlConsoleView =
  | { kind: "refused"; message: string }
  | { kind: "ran"; connected: string; database: string; results: MysqlResultView[] };

function presentResult(result: LabSqlResult, t: Translator): MysqlResultView {
  const statement = result.statement;
  switch (result.kind) {
    case "rows":
      return {
        statement,
        kind: "rows",
        columns: result.columns,
        rows: result.rows,
        summary: [
          result.rows.length === 0
            ? t("sandbox.mysql.empty")
            : t("sandbox.mysql.rows", { count: result.rows.length }),
          result.truncated ? t("sandbox.mysql.truncated", { limit: MAX_RESULT_ROWS }) : "",
        ]
          .filter(Boolean)
          .join(" "),
      };
    case "ok":
      return {
        statement,
        kind: "ok",
        summary: t("sandbox.mysql.ok", { count: result.affectedRows }),
      };
    case "error":
      return {
        statement,
        kind: "error",
        summary: `ERROR ${result.errno} (${result.sqlState}): ${result.message}`,
      };
    case "refused":
      return { statement, kind: "refused", summary: t(result.message.key, result.message.params) };
  }
}

export function presentMysql(outcome: MysqlConsoleOutcome, t: Translator): MysqlConsoleView {
  if (outcome.kind === "refused") {
    return { kind: "refused", message: t(outcome.message.key, outcome.message.params) };
  }
  return {
    kind: "ran",
    connected: t("sandbox.mysql.connected", { endpoint: outcome.endpoint }),
    database: outcome.database
      ? t("sandbox.mysql.database", { database: outcome.database })
      : t("sandbox.mysql.noDatabase"),
    results: outcome.results.map((result) => presentResult(result, t)),
  };
}
