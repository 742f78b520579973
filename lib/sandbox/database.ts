// The sandbox's stand-in for each attendee's RDS MySQL instance: a namespace on the one local
// MariaDB. Attendee A's databases and users are `sb_<A's account>_<name>`, owned by a MariaDB
// account `sb_<account>` that holds privileges on that prefix only, so the server itself keeps
// attendees apart. User management goes through definer procedures that add the caller's prefix,
// because MariaDB's CREATE USER privilege cannot be limited to a name pattern. See
// docs/sandbox-database.md for the allowlist and what the sandbox can and cannot reproduce.
import "server-only";
import { randomBytes } from "node:crypto";
import { type Connection, createConnection } from "mysql2/promise";
import { z } from "zod";
import { isLoopbackUrl } from "@/lib/net";
import {
  type LabSqlResult,
  type LabSqlWarning,
  NamespaceConsole,
  type RowsOf,
  SANDBOX_INTERNAL_SCHEMA,
  SandboxDatabaseUnavailableError,
  errorField,
  refusal,
} from "@/lib/sandbox/sql-console";
import { escapeLikePattern, planStatement } from "@/lib/sandbox/sql-plan";
import { quoteIdentifier, splitStatements } from "@/lib/sandbox/sql-tokens";
import { SANDBOX_DATABASE_ENV, type SandboxDatabase } from "@/sample-app/src/sandbox-database";

/** The lab's RDS master user name (Master username = admin). */
export const MASTER_USERNAME = "admin";
/** What one call accepts; a pasted lab step is a few hundred characters. */
export const MAX_LAB_SQL_LENGTH = 64 * 1024;
const ROUTINES_VERSION = "1";

export {
  type LabSqlResult,
  type LabSqlWarning,
  MAX_RESULT_ROWS,
  SANDBOX_INTERNAL_SCHEMA,
  SandboxDatabaseUnavailableError,
} from "@/lib/sandbox/sql-console";

export interface MariaDbServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

const accountIdSchema = z.string().regex(/^\d{12}$/, "an AWS account id has 12 digits");

/** `SANDBOX_MARIADB_URL` (mysql://user:password@127.0.0.1:3306), loopback only; root on 127.0.0.1 by default. */
export function sandboxMariaDb(env: NodeJS.ProcessEnv = process.env): MariaDbServer {
  const raw = env.SANDBOX_MARIADB_URL?.trim() || "mysql://root@127.0.0.1:3306";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("SANDBOX_MARIADB_URL must look like mysql://root@127.0.0.1:3306");
  }
  if (url.protocol !== "mysql:" || !isLoopbackUrl(raw)) {
    throw new Error("SANDBOX_MARIADB_URL must be a mysql:// URL on a loopback address");
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return {
    host: host === "localhost" ? "127.0.0.1" : host,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || "root"),
    password: decodeURIComponent(url.password),
  };
}

export function namespacePrefix(accountId: string): string {
  return `sb_${accountIdSchema.parse(accountId)}_`;
}

/** The namespace's master account: the prefix without its final `_`, so no attendee name can equal it. */
function adminUserName(accountId: string): string {
  return namespacePrefix(accountId).slice(0, -1);
}

export interface SandboxNamespace {
  accountId: string;
  prefix: string;
  masterUsername: string;
}

interface ProcessState {
  installs: Map<string, Promise<void>>;
  adminPasswords: Map<string, string>;
}

const state = ((
  globalThis as { __aws101SandboxDatabase?: ProcessState }
).__aws101SandboxDatabase ??= { installs: new Map(), adminPasswords: new Map() });

function serverKey(server: MariaDbServer): string {
  return `${server.host}:${server.port}`;
}

async function connect(
  server: MariaDbServer,
  login: { user: string; password: string } = server,
): Promise<Connection> {
  try {
    return await createConnection({
      host: server.host,
      port: server.port,
      user: login.user,
      password: login.password,
      charset: "utf8mb4",
      multipleStatements: false,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      connectTimeout: 5_000,
    });
  } catch (error) {
    const code = errorField(error, "code");
    if (code === "ER_ACCESS_DENIED_ERROR") throw error;
    // A new error: the driver's may carry connection details.
    throw new SandboxDatabaseUnavailableError(
      `The sandbox MariaDB at ${serverKey(server)} is not reachable (${code ?? "error"})`,
    );
  }
}

// ---- internal schema ------------------------------------------------------------------------

const S = SANDBOX_INTERNAL_SCHEMA;

/**
 * Definer routines, callable (EXECUTE on the schema) by every namespace account: caller_prefix()
 * finds the caller's own prefix from its login, so whatever name is passed, the account created,
 * changed or dropped is always `<caller's prefix><name>`.
 */
const ROUTINES = [
  `CREATE OR REPLACE FUNCTION ${S}.caller_prefix() RETURNS VARCHAR(32) CHARSET utf8mb4
     READS SQL DATA SQL SECURITY DEFINER
   BEGIN
     DECLARE v_prefix VARCHAR(32) DEFAULT
       (SELECT prefix FROM ${S}.namespaces WHERE admin_user = SUBSTRING_INDEX(USER(), '@', 1));
     IF v_prefix IS NULL THEN
       SIGNAL SQLSTATE '42000' SET MYSQL_ERRNO = 1227,
         MESSAGE_TEXT = 'Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation';
     END IF;
     RETURN v_prefix;
   END`,
  `CREATE OR REPLACE FUNCTION ${S}.namespaced_account(p_user VARCHAR(80), p_host VARCHAR(255))
     RETURNS TEXT CHARSET utf8mb4 READS SQL DATA SQL SECURITY DEFINER
   BEGIN
     IF p_user IS NULL OR p_user = '' OR CHAR_LENGTH(p_user) > 32 OR p_host IS NULL THEN
       SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 1470,
         MESSAGE_TEXT = 'A user name must have 1 to 32 characters';
     END IF;
     RETURN CONCAT(QUOTE(CONCAT(${S}.caller_prefix(), p_user)), '@', QUOTE(p_host));
   END`,
  `CREATE OR REPLACE PROCEDURE ${S}.create_user(p_user VARCHAR(80), p_host VARCHAR(255),
     p_password VARCHAR(255), p_if_not_exists BOOLEAN)
     MODIFIES SQL DATA SQL SECURITY DEFINER
   BEGIN
     DECLARE v_sql TEXT CHARSET utf8mb4 DEFAULT CONCAT('CREATE USER ',
       IF(p_if_not_exists, 'IF NOT EXISTS ', ''), ${S}.namespaced_account(p_user, p_host),
       IF(p_password IS NULL, '', CONCAT(' IDENTIFIED BY ', QUOTE(p_password))),
       ' WITH MAX_USER_CONNECTIONS 20');
     EXECUTE IMMEDIATE v_sql;
   END`,
  `CREATE OR REPLACE PROCEDURE ${S}.drop_user(p_user VARCHAR(80), p_host VARCHAR(255),
     p_if_exists BOOLEAN)
     MODIFIES SQL DATA SQL SECURITY DEFINER
   BEGIN
     DECLARE v_sql TEXT CHARSET utf8mb4 DEFAULT CONCAT('DROP USER ',
       IF(p_if_exists, 'IF EXISTS ', ''), ${S}.namespaced_account(p_user, p_host));
     EXECUTE IMMEDIATE v_sql;
   END`,
  `CREATE OR REPLACE PROCEDURE ${S}.alter_user_password(p_user VARCHAR(80), p_host VARCHAR(255),
     p_password VARCHAR(255), p_if_exists BOOLEAN)
     MODIFIES SQL DATA SQL SECURITY DEFINER
   BEGIN
     DECLARE v_sql TEXT CHARSET utf8mb4 DEFAULT CONCAT('ALTER USER ',
       IF(p_if_exists, 'IF EXISTS ', ''), ${S}.namespaced_account(p_user, p_host),
       ' IDENTIFIED BY ', QUOTE(p_password));
     EXECUTE IMMEDIATE v_sql;
   END`,
  `CREATE OR REPLACE PROCEDURE ${S}.rename_user(p_user VARCHAR(80), p_host VARCHAR(255),
     p_new_user VARCHAR(80), p_new_host VARCHAR(255))
     MODIFIES SQL DATA SQL SECURITY DEFINER
   BEGIN
     DECLARE v_sql TEXT CHARSET utf8mb4 DEFAULT CONCAT('RENAME USER ',
       ${S}.namespaced_account(p_user, p_host), ' TO ', ${S}.namespaced_account(p_new_user, p_new_host));
     EXECUTE IMMEDIATE v_sql;
   END`,
  `CREATE OR REPLACE PROCEDURE ${S}.revoke_all(p_user VARCHAR(80), p_host VARCHAR(255))
     MODIFIES SQL DATA SQL SECURITY DEFINER
   BEGIN
     DECLARE v_sql TEXT CHARSET utf8mb4 DEFAULT CONCAT('REVOKE ALL PRIVILEGES, GRANT OPTION FROM ',
       ${S}.namespaced_account(p_user, p_host));
     EXECUTE IMMEDIATE v_sql;
   END`,
  `CREATE OR REPLACE PROCEDURE ${S}.show_grants(p_user VARCHAR(80), p_host VARCHAR(255))
     READS SQL DATA SQL SECURITY DEFINER
   BEGIN
     DECLARE v_sql TEXT CHARSET utf8mb4 DEFAULT CONCAT('SHOW GRANTS FOR ',
       ${S}.namespaced_account(p_user, p_host));
     EXECUTE IMMEDIATE v_sql;
   END`,
];

async function installInternals(root: Connection): Promise<void> {
  const [locked] = await root.query<RowsOf<{ locked: number | null }>>(
    "SELECT GET_LOCK(?, 30) AS locked",
    [`${S}.install`],
  );
  if (locked[0]?.locked !== 1) {
    throw new SandboxDatabaseUnavailableError("Timed out waiting to prepare the sandbox MariaDB");
  }
  try {
    await root.query(`CREATE DATABASE IF NOT EXISTS ${S} CHARACTER SET utf8mb4`);
    await root.query(
      `CREATE TABLE IF NOT EXISTS ${S}.namespaces (
         account_id CHAR(12) PRIMARY KEY,
         prefix VARCHAR(32) NOT NULL UNIQUE,
         admin_user VARCHAR(80) NOT NULL UNIQUE,
         admin_password VARCHAR(64) NOT NULL,
         created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
       ) CHARACTER SET utf8mb4`,
    );
    await root.query(
      `CREATE TABLE IF NOT EXISTS ${S}.meta (name VARCHAR(64) PRIMARY KEY, value VARCHAR(255) NOT NULL)`,
    );
    const [rows] = await root.query<RowsOf<{ value: string }>>(
      `SELECT value FROM ${S}.meta WHERE name = 'routines'`,
    );
    if (rows[0]?.value === ROUTINES_VERSION) return;
    for (const routine of ROUTINES) await root.query(routine);
    await root.query(
      `INSERT INTO ${S}.meta (name, value) VALUES ('routines', ?)
       ON DUPLICATE KEY UPDATE value = VALUES(value)`,
      [ROUTINES_VERSION],
    );
  } finally {
    await root.query("SELECT RELEASE_LOCK(?)", [`${S}.install`]);
  }
}

function ensureInstalled(root: Connection, server: MariaDbServer): Promise<void> {
  const key = serverKey(server);
  let install = state.installs.get(key);
  if (!install) {
    install = installInternals(root);
    state.installs.set(key, install);
    install.catch(() => state.installs.delete(key));
  }
  return install;
}

// ---- namespaces -----------------------------------------------------------------------------

async function prepareNamespace(accountId: string, server: MariaDbServer): Promise<string> {
  const prefix = namespacePrefix(accountId);
  const admin = adminUserName(accountId);
  const root = await connect(server);
  try {
    await ensureInstalled(root, server);
    await root.query(
      `INSERT IGNORE INTO ${S}.namespaces (account_id, prefix, admin_user, admin_password)
       VALUES (?, ?, ?, ?)`,
      [accountId, prefix, admin, randomBytes(24).toString("base64url")],
    );
    const [rows] = await root.query<RowsOf<{ password: string }>>(
      `SELECT admin_password AS password FROM ${S}.namespaces WHERE account_id = ?`,
      [accountId],
    );
    const password = rows[0]?.password;
    if (!password) throw new Error(`namespace ${prefix} vanished while it was being prepared`);
    await root.query(
      "CREATE USER IF NOT EXISTS ?@'%' IDENTIFIED BY ? WITH MAX_USER_CONNECTIONS 10",
      [admin, password],
    );
    // Also repairs an account left with another password, e.g. after a half-finished clean-up.
    await root.query("ALTER USER ?@'%' IDENTIFIED BY ?", [admin, password]);
    await root.query(
      `GRANT ALL PRIVILEGES ON ${quoteIdentifier(`${escapeLikePattern(prefix)}%`)}.* TO ?@'%' WITH GRANT OPTION`,
      [admin],
    );
    await root.query(`GRANT EXECUTE ON ${quoteIdentifier(escapeLikePattern(S))}.* TO ?@'%'`, [
      admin,
    ]);
    state.adminPasswords.set(accountId, password);
    return password;
  } finally {
    await root.end();
  }
}

/** Creates the attendee's namespace and its master account if missing; safe to call again. */
export async function ensureNamespace(
  accountId: string,
  server: MariaDbServer = sandboxMariaDb(),
): Promise<SandboxNamespace> {
  await prepareNamespace(accountId, server);
  return { accountId, prefix: namespacePrefix(accountId), masterUsername: MASTER_USERNAME };
}

/** Drops every database and user of the namespace, and the namespace itself. */
export async function dropNamespace(
  accountId: string,
  server: MariaDbServer = sandboxMariaDb(),
): Promise<void> {
  const prefix = namespacePrefix(accountId);
  const pattern = `${escapeLikePattern(prefix)}%`;
  const root = await connect(server);
  try {
    const [databases] = await root.query<RowsOf<{ name: string }>>(
      "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?",
      [pattern],
    );
    for (const { name } of databases) {
      await root.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
    }
    const [users] = await root.query<RowsOf<{ user: string; host: string }>>(
      "SELECT User AS user, Host AS host FROM mysql.user WHERE User LIKE ? OR User = ?",
      [pattern, adminUserName(accountId)],
    );
    for (const { user, host } of users) await root.query("DROP USER IF EXISTS ?@?", [user, host]);
    const [tables] = await root.query<RowsOf<{ name: string }>>(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'namespaces'",
      [S],
    );
    if (tables.length > 0) {
      await root.query(`DELETE FROM ${S}.namespaces WHERE account_id = ?`, [accountId]);
    }
  } finally {
    state.adminPasswords.delete(accountId);
    await root.end();
  }
}

/**
 * A connection as the namespace's master account, the way the attendee's mysql client is
 * logged in: it can do only what MariaDB grants that account.
 */
export async function namespaceAdminConnection(
  accountId: string,
  server: MariaDbServer = sandboxMariaDb(),
): Promise<Connection> {
  const user = adminUserName(accountId);
  const known = state.adminPasswords.get(accountId);
  if (known) {
    try {
      return await connect(server, { user, password: known });
    } catch (error) {
      // The namespace was dropped or re-created elsewhere: prepare it again below.
      if (errorField(error, "code") !== "ER_ACCESS_DENIED_ERROR") throw error;
    }
  }
  return connect(server, { user, password: await prepareNamespace(accountId, server) });
}

// ---- running the attendee's SQL ---------------------------------------------------------------

/** What one attendee's console remembers between calls; plain data, so it can be stored anywhere. */
export interface LabSqlState {
  /** The current database as the attendee names it, or null (no `USE` yet). */
  database: string | null;
  /** Warnings of the last statement, for a SHOW WARNINGS typed next. */
  warnings: LabSqlWarning[];
}

export interface LabSqlOptions {
  server?: MariaDbServer;
  masterUsername?: string;
}

export const initialLabSqlState = (): LabSqlState => ({ database: null, warnings: [] });

/**
 * Runs what the attendee typed at `mysql -h <RDS endpoint> -u admin -p`, statement by statement
 * (an error does not stop the next one, as in the interactive client), inside their namespace.
 */
export async function runLabSql(
  accountId: string,
  sql: string,
  previous: LabSqlState = initialLabSqlState(),
  options: LabSqlOptions = {},
): Promise<{ results: LabSqlResult[]; state: LabSqlState }> {
  if (sql.length > MAX_LAB_SQL_LENGTH) {
    return {
      results: [
        refusal("", "tooLong", {
          key: "sandboxSql.refused.tooLong",
          params: { limit: MAX_LAB_SQL_LENGTH },
        }),
      ],
      state: previous,
    };
  }
  const split = splitStatements(sql);
  if (!split.ok) {
    return {
      results: [
        refusal(sql.trim(), "incomplete", {
          key: "sandboxSql.incomplete",
          params: { quote: split.unterminated },
        }),
      ],
      state: previous,
    };
  }
  if (split.statements.length === 0) return { results: [], state: previous };

  const server = options.server ?? sandboxMariaDb();
  const prefix = namespacePrefix(accountId);
  const session = new NamespaceConsole(
    await namespaceAdminConnection(accountId, server),
    prefix,
    adminUserName(accountId),
    options.masterUsername ?? MASTER_USERNAME,
    previous.warnings,
  );
  try {
    await session.start(previous.database);
    const results: LabSqlResult[] = [];
    for (const statement of split.statements) {
      const plan = planStatement(statement, {
        prefix,
        masterUsername: session.masterUsername,
        database: session.database,
      });
      results.push(await session.run(statement.text, plan));
    }
    return { results, state: { database: session.database, warnings: session.warnings } };
  } finally {
    await session.close();
  }
}

/** Keeps the current database (and last warnings) across calls, as an open mysql session would. */
export class LabSqlSession {
  state: LabSqlState = initialLabSqlState();

  constructor(
    readonly accountId: string,
    private readonly options: LabSqlOptions = {},
  ) {}

  get database(): string | null {
    return this.state.database;
  }

  async run(sql: string): Promise<LabSqlResult[]> {
    const { results, state } = await runLabSql(this.accountId, sql, this.state, this.options);
    this.state = state;
    return results;
  }
}

const endpointSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+(:\d{1,5})?$/, "an RDS endpoint address, optionally with :port");

/**
 * The environment for the attendee's sandbox copy of the sample app: their RDS endpoints
 * (`host`, or `host:port` when not 3306) lead to the local MariaDB, DB_NAME and DB_USER to
 * their namespace. Not a config.env key: the attendee never sees or sets it.
 */
export function sandboxDatabaseEnv(
  accountId: string,
  endpoints: string[],
  server: MariaDbServer = sandboxMariaDb(),
): Record<typeof SANDBOX_DATABASE_ENV, string> {
  const target = server.host.includes(":")
    ? `[${server.host}]:${server.port}`
    : `${server.host}:${server.port}`;
  const value: SandboxDatabase = {
    hosts: Object.fromEntries(
      endpoints.map((endpoint) => [endpointSchema.parse(endpoint), target]),
    ),
    prefix: namespacePrefix(accountId),
  };
  return { [SANDBOX_DATABASE_ENV]: JSON.stringify(value) };
}
