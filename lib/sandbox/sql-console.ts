// What one call of runLabSql does on its connection as the namespace's master account: runs the
// planned statements and translates the server's answers back to the names the attendee typed.
import type { Connection, FieldPacket, ResultSetHeader, RowDataPacket } from "mysql2/promise";
import type { MessageRef } from "@/lib/lab/types";
import {
  type EmulatedError,
  type Plan,
  type ProcedureCall,
  type RefusalReason,
  escapeLikePattern,
  isSystemSchema,
} from "@/lib/sandbox/sql-plan";
import { quoteIdentifier } from "@/lib/sandbox/sql-tokens";

/** Holds the namespace table and the user-management procedures; never shown to attendees. */
export const SANDBOX_INTERNAL_SCHEMA = "aws101_sandbox";
/** Rows returned per result; more are cut off and `truncated` says so. */
export const MAX_RESULT_ROWS = 1000;
const STATEMENT_TIME_LIMIT_SECONDS = 10;

const S = SANDBOX_INTERNAL_SCHEMA;

export class SandboxDatabaseUnavailableError extends Error {
  override name = "SandboxDatabaseUnavailableError";
}

export function errorField(error: unknown, field: "code" | "errno" | "sqlState" | "sqlMessage") {
  if (typeof error !== "object" || error === null || !(field in error)) return undefined;
  const value = (error as Record<string, unknown>)[field];
  return typeof value === "string" || typeof value === "number" ? value : undefined;
}

export type RowsOf<T> = Array<T & RowDataPacket>;

export interface LabSqlWarning {
  level: string;
  code: number;
  message: string;
}

export type LabSqlResult =
  | {
      statement: string;
      kind: "rows";
      columns: string[];
      rows: Array<Array<string | null>>;
      truncated: boolean;
    }
  | { statement: string; kind: "ok"; affectedRows: number; info: string; warnings: number }
  | {
      statement: string;
      kind: "error";
      errno: number;
      code: string;
      sqlState: string;
      message: string;
    }
  | {
      statement: string;
      kind: "refused";
      reason: RefusalReason | "incomplete" | "tooLong";
      message: MessageRef;
    };

export function refusal(
  statement: string,
  reason: RefusalReason | "incomplete" | "tooLong",
  message: MessageRef,
): LabSqlResult {
  return { statement, kind: "refused", reason, message };
}

function errorResult(statement: string, error: EmulatedError): LabSqlResult {
  return { statement, kind: "error", ...error };
}

/** One admin connection for one call, translating between attendee names and namespaced ones. */
export class NamespaceConsole {
  database: string | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly prefix: string,
    private readonly adminUser: string,
    readonly masterUsername: string,
    public warnings: LabSqlWarning[],
  ) {}

  async start(database: string | null): Promise<void> {
    await this.connection.query(
      `SET SESSION max_statement_time = ${STATEMENT_TIME_LIMIT_SECONDS}, sql_select_limit = ${MAX_RESULT_ROWS + 1}`,
    );
    if (database === null) return;
    const name = isSystemSchema(database) ? database : this.prefix + database;
    try {
      await this.connection.query(`USE ${quoteIdentifier(name)}`);
      this.database = database;
    } catch {
      // Dropped since the last call: the session simply has no current database any more.
    }
  }

  async close(): Promise<void> {
    await this.connection.end().catch(() => undefined);
  }

  async run(statement: string, plan: Plan): Promise<LabSqlResult> {
    switch (plan.kind) {
      case "refused":
        return refusal(statement, plan.reason, plan.message);
      case "error":
        return errorResult(statement, plan.error);
      case "flushPrivileges":
        // GRANT and CREATE USER take effect at once; FLUSH PRIVILEGES changes nothing here.
        this.warnings = [];
        return { statement, kind: "ok", affectedRows: 0, info: "", warnings: 0 };
      case "showWarnings":
        return this.warningRows(statement, plan.errorsOnly);
      case "showDatabases":
        return this.execute(statement, "SHOW DATABASES", [], (result) =>
          this.databaseList(result, plan.like),
        );
      case "showGrants":
        return plan.user
          ? this.execute(
              statement,
              `CALL ${S}.show_grants(?, ?)`,
              [plan.user.user, plan.user.host],
              grantRows,
            )
          : this.execute(statement, "SHOW GRANTS", [], grantRows);
      case "calls":
        return this.calls(statement, plan.calls);
      case "query":
        return this.execute(statement, plan.sql, [], (result) => result, plan.grant);
    }
  }

  private async calls(statement: string, calls: ProcedureCall[]): Promise<LabSqlResult> {
    let warnings = 0;
    for (const call of calls) {
      const placeholders = call.args.map(() => "?").join(", ");
      const result = await this.execute(
        statement,
        `CALL ${S}.${call.procedure}(${placeholders})`,
        call.args,
        (raw) => raw,
      );
      if (result.kind !== "ok") return result;
      warnings += result.warnings;
    }
    return { statement, kind: "ok", affectedRows: 0, info: "", warnings };
  }

  /** Runs one statement as the namespace's account; `shape` sees the server's own names. */
  private async execute(
    statement: string,
    sql: string,
    params: unknown[],
    shape: (result: LabSqlResult) => LabSqlResult,
    grant = false,
  ): Promise<LabSqlResult> {
    let result: LabSqlResult;
    let warningCount = 0;
    try {
      const [raw, fields] = await this.connection.query({ sql, rowsAsArray: true }, params);
      ({ result, warningCount } = toResult(statement, raw, fields));
      result = shape(result);
    } catch (error) {
      if (errorField(error, "errno") === undefined) {
        throw new SandboxDatabaseUnavailableError(
          `The sandbox MariaDB connection failed (${String(errorField(error, "code") ?? "error")})`,
        );
      }
      result = errorFrom(statement, error, grant);
    }
    this.warnings = result.kind === "ok" && warningCount === 0 ? [] : await this.readWarnings();
    await this.refreshDatabase();
    if (result.kind === "ok") result.warnings = this.warnings.length;
    return this.reveal(result);
  }

  private async readWarnings(): Promise<LabSqlWarning[]> {
    const [rows] =
      await this.connection.query<RowsOf<{ Level: string; Code: number; Message: string }>>(
        "SHOW WARNINGS",
      );
    // The procedures add notes about themselves ("At line 9 in …"): not the attendee's business.
    return rows
      .filter((row) => !row.Message.includes(S))
      .map((row) => ({
        level: row.Level,
        code: Number(row.Code),
        message: this.revealText(row.Message),
      }));
  }

  private async refreshDatabase(): Promise<void> {
    const [rows] = await this.connection.query<RowsOf<{ name: string | null }>>(
      "SELECT DATABASE() AS name",
    );
    const name = rows[0]?.name ?? null;
    this.database = name?.startsWith(this.prefix) ? name.slice(this.prefix.length) : name;
  }

  private warningRows(statement: string, errorsOnly: boolean): LabSqlResult {
    const warnings = this.warnings.filter((warning) => !errorsOnly || warning.level === "Error");
    return {
      statement,
      kind: "rows",
      columns: ["Level", "Code", "Message"],
      rows: warnings.map((warning) => [warning.level, String(warning.code), warning.message]),
      truncated: false,
    };
  }

  /** Only the namespace's databases (and information_schema), under the names the attendee gave. */
  private databaseList(result: LabSqlResult, like: string | null): LabSqlResult {
    if (result.kind !== "rows") return result;
    const pattern = like === null ? null : likeToRegExp(like);
    const names = result.rows
      .map(([name]) => name ?? "")
      .flatMap((name) =>
        name === "information_schema"
          ? [name]
          : name.startsWith(this.prefix)
            ? [name.slice(this.prefix.length)]
            : [],
      )
      .filter((name) => !pattern || pattern.test(name));
    return {
      ...result,
      columns: [like === null ? "Database" : `Database (${like})`],
      rows: names.map((name) => [name]),
    };
  }

  private reveal(result: LabSqlResult): LabSqlResult {
    switch (result.kind) {
      case "rows":
        return {
          ...result,
          columns: result.columns.map((column) => this.revealText(column)),
          rows: result.rows.map((row) =>
            row.map((cell) => (cell === null ? null : this.revealText(cell))),
          ),
        };
      case "ok":
        return { ...result, info: this.revealText(result.info) };
      case "error":
        return { ...result, message: this.revealText(result.message) };
      case "refused":
        return result;
    }
  }

  /** Namespaced names back to what the attendee typed; the namespace's own account is `admin`. */
  private revealText(text: string): string {
    const escaped = escapeLikePattern(this.prefix);
    return text
      .replaceAll(`\`${escaped}%\``, "*")
      .replaceAll(escaped, "")
      .replaceAll(this.prefix, "")
      .replace(new RegExp(`\\b${this.adminUser}\\b`, "g"), this.masterUsername);
  }
}

/** SHOW GRANTS without the sandbox's own procedures, password hashes and connection limits. */
function grantRows(result: LabSqlResult): LabSqlResult {
  if (result.kind !== "rows") return result;
  const internal = escapeLikePattern(S);
  return {
    ...result,
    rows: result.rows
      .filter(([grant]) => !(grant ?? "").includes(internal) && !(grant ?? "").includes(`\`${S}\``))
      .map(([grant]) => [
        (grant ?? "")
          .replace(/ IDENTIFIED BY PASSWORD '[^']*'/, "")
          .replace(/ WITH MAX_USER_CONNECTIONS \d+$/, ""),
      ]),
  };
}

function toResult(
  statement: string,
  raw: unknown,
  fields: FieldPacket[] | FieldPacket[][] | undefined,
): { result: LabSqlResult; warningCount: number } {
  if (isHeader(raw)) {
    return {
      result: {
        statement,
        kind: "ok",
        affectedRows: raw.affectedRows,
        info: raw.info ?? "",
        warnings: raw.warningStatus,
      },
      warningCount: raw.warningStatus,
    };
  }
  const parts = Array.isArray(raw) ? raw : [];
  // CALL answers [result set…, OK packet]; the procedures here return at most one result set.
  if (parts.some(isHeader)) {
    const header = parts.find(isHeader);
    const set = parts.find((part): part is unknown[] => Array.isArray(part));
    const setFields = (fields as FieldPacket[][] | undefined)?.[0] ?? [];
    return {
      result: set
        ? rowsResult(statement, set, setFields)
        : {
            statement,
            kind: "ok",
            affectedRows: 0,
            info: "",
            warnings: header?.warningStatus ?? 0,
          },
      warningCount: header?.warningStatus ?? 0,
    };
  }
  return {
    result: rowsResult(statement, parts, (fields as FieldPacket[] | undefined) ?? []),
    warningCount: 0,
  };
}

function rowsResult(statement: string, raw: unknown[], fields: FieldPacket[]): LabSqlResult {
  return {
    statement,
    kind: "rows",
    columns: fields.map((field) => field.name),
    rows: raw.slice(0, MAX_RESULT_ROWS).map((row) => (Array.isArray(row) ? row : []).map(cellText)),
    truncated: raw.length > MAX_RESULT_ROWS,
  };
}

function errorFrom(statement: string, error: unknown, grant: boolean): LabSqlResult {
  const errno = Number(errorField(error, "errno"));
  if (grant && errno === 1133) {
    // MariaDB's wording for a grantee that does not exist; MySQL 8 (RDS) answers this.
    return errorResult(statement, {
      errno: 1410,
      code: "ER_CANT_CREATE_USER_WITH_GRANT",
      sqlState: "42000",
      message: "You are not allowed to create a user with GRANT",
    });
  }
  return errorResult(statement, {
    errno,
    code: String(errorField(error, "code") ?? "ER_UNKNOWN_ERROR"),
    sqlState: String(errorField(error, "sqlState") ?? "HY000"),
    message: String(errorField(error, "sqlMessage") ?? ""),
  });
}

function isHeader(value: unknown): value is ResultSetHeader {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && "affectedRows" in value
  );
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** SQL LIKE (case-insensitive, as SHOW DATABASES LIKE compares names) as a regular expression. */
function likeToRegExp(pattern: string): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? "";
    if (char === "\\" && index + 1 < pattern.length) {
      source += escapeRegExp(pattern[++index] ?? "");
    } else if (char === "%") source += ".*";
    else if (char === "_") source += ".";
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, "is");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---- the sample app's hook ------------------------------------------------------------------
