import { createPool, type Pool, type ResultSetHeader, type RowDataPacket } from "mysql2/promise";
import type { AppConfig } from "./config";
import { PASSWORD_HASH_LENGTH } from "./password";
import { type SandboxRoute, hideSandboxPrefix, routeSandboxDatabase } from "./sandbox-database";

export type DbProblem =
  | "not_configured"
  | "refused"
  | "timeout"
  | "host_not_found"
  | "unreachable"
  | "access_denied"
  | "unknown_database"
  | "no_such_table"
  | "old_password_column"
  | "wrong_charset"
  | "error";

export type DbStatus = "ok" | DbProblem;

export class DatabaseError extends Error {
  override name = "DatabaseError";
  constructor(
    readonly problem: DbProblem,
    /** The driver's or server's code, e.g. ER_ACCESS_DENIED_ERROR; never a secret. */
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

export interface UserRow {
  id: number;
  name: string;
  email: string;
  attachment: string | null;
}

export interface NewUser {
  name: string;
  email: string;
  passwordHash: string;
  attachment: string | null;
}

export interface DatabaseHealth {
  status: DbStatus;
  code: string | null;
  users: number | null;
}

export const WIDEN_PASSWORD_COLUMN_SQL = "ALTER TABLE users MODIFY password VARCHAR(255) NOT NULL;";

const DRIVER_CODES: Record<string, DbProblem> = {
  ECONNREFUSED: "refused",
  ETIMEDOUT: "timeout",
  ENOTFOUND: "host_not_found",
  EAI_AGAIN: "host_not_found",
  ECONNRESET: "unreachable",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  PROTOCOL_CONNECTION_LOST: "unreachable",
  ER_ACCESS_DENIED_ERROR: "access_denied",
  ER_DBACCESS_DENIED_ERROR: "access_denied",
  ER_TABLEACCESS_DENIED_ERROR: "access_denied",
  ER_BAD_DB_ERROR: "unknown_database",
  ER_NO_SUCH_TABLE: "no_such_table",
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: "wrong_charset",
};

export function toDatabaseError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return new DatabaseError((code && DRIVER_CODES[code]) || "error", code, message);
}

function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  return typeof error.code === "string" ? error.code : null;
}

function databaseRoute(config: AppConfig): SandboxRoute {
  const target = {
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    database: config.DB_NAME,
  };
  return config.sandboxDatabase
    ? routeSandboxDatabase(config.sandboxDatabase, target)
    : { kind: "connect", ...target };
}

/**
 * A pool, not one connection opened at start-up: every query may open a fresh connection, so
 * the app keeps serving while the database is down and recovers on its own when it is back.
 */
export class Database {
  private readonly pool: Pool | null;
  /** In the sandbox, a DB_HOST that leads nowhere fails every query without a connection attempt. */
  private readonly unreachable: DatabaseError | null;
  private readonly hideNames: (message: string) => string;
  private schemaVerified = false;

  constructor(config: AppConfig) {
    const route = config.DB_HOST ? databaseRoute(config) : null;
    const sandbox = config.sandboxDatabase;
    this.hideNames = sandbox
      ? (message) => hideSandboxPrefix(sandbox, message)
      : (message) => message;
    this.unreachable =
      route?.kind === "fail" ? new DatabaseError(route.problem, route.code, route.message) : null;
    this.pool =
      route?.kind === "connect"
        ? createPool({
            host: route.host,
            port: route.port,
            user: route.user,
            password: config.DB_USERPASSWORD,
            database: route.database,
            charset: "utf8mb4",
            connectionLimit: 5,
            maxIdle: 2,
            idleTimeout: 60_000,
            queueLimit: 50,
            connectTimeout: 5_000,
            enableKeepAlive: true,
          })
        : null;
  }

  private requirePool(): Pool {
    if (this.unreachable) throw this.unreachable;
    if (!this.pool) {
      throw new DatabaseError("not_configured", null, "DB_HOST is not set");
    }
    return this.pool;
  }

  private async query<T extends RowDataPacket[] | ResultSetHeader>(
    sql: string,
    params: unknown[] = [],
  ): Promise<T> {
    try {
      const [result] = await this.requirePool().query<T>(sql, params);
      return result;
    } catch (error) {
      const databaseError = toDatabaseError(error);
      const message = this.hideNames(databaseError.message);
      throw message === databaseError.message
        ? databaseError
        : new DatabaseError(databaseError.problem, databaseError.code, message);
    }
  }

  /** Confirms the lab's table exists and its password column can hold a hash. */
  async ensureReady(): Promise<void> {
    if (this.schemaVerified) return;
    const columns = await this.query<RowDataPacket[]>(
      `SELECT COLUMN_NAME AS name, CHARACTER_MAXIMUM_LENGTH AS length
         FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users'`,
    );
    if (columns.length === 0) {
      throw new DatabaseError("no_such_table", "ER_NO_SUCH_TABLE", "Table 'users' doesn't exist");
    }
    const password = columns.find((column) => String(column.name).toLowerCase() === "password");
    const length = Number(password?.length ?? 0);
    if (length < PASSWORD_HASH_LENGTH) {
      throw new DatabaseError(
        "old_password_column",
        null,
        `users.password is VARCHAR(${length}); a password hash needs ${PASSWORD_HASH_LENGTH} characters`,
      );
    }
    this.schemaVerified = true;
  }

  async insertUser(user: NewUser): Promise<number> {
    await this.ensureReady();
    try {
      const result = await this.query<ResultSetHeader>(
        "INSERT INTO users (name, email, password, attachment) VALUES (?, ?, ?, ?)",
        [user.name, user.email, user.passwordHash, user.attachment],
      );
      return result.insertId;
    } catch (error) {
      const databaseError = toDatabaseError(error);
      if (
        ["ER_NO_SUCH_TABLE", "ER_DATA_TOO_LONG", "ER_BAD_FIELD_ERROR"].includes(
          databaseError.code ?? "",
        )
      ) {
        this.schemaVerified = false;
        await this.ensureReady();
      }
      throw databaseError;
    }
  }

  async listUsers(limit: number): Promise<UserRow[]> {
    const rows = await this.query<RowDataPacket[]>(
      "SELECT id, name, email, attachment FROM users ORDER BY id DESC LIMIT ?",
      [limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      name: String(row.name),
      email: String(row.email),
      attachment: row.attachment === null ? null : String(row.attachment),
    }));
  }

  async countUsers(): Promise<number> {
    const rows = await this.query<RowDataPacket[]>("SELECT COUNT(*) AS count FROM users");
    return Number(rows[0]?.count ?? 0);
  }

  async health(): Promise<DatabaseHealth> {
    if (!this.pool && !this.unreachable)
      return { status: "not_configured", code: null, users: null };
    let users: number;
    try {
      users = await this.countUsers();
    } catch (error) {
      const { problem, code } = toDatabaseError(error);
      return { status: problem, code, users: null };
    }
    try {
      await this.ensureReady();
      return { status: "ok", code: null, users };
    } catch (error) {
      const { problem, code } = toDatabaseError(error);
      return { status: problem, code, users };
    }
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }
}
