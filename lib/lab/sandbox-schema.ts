import "server-only";
import { LAB } from "@/lib/lab/names";
import { runLabSql, type LabSqlResult } from "@/lib/sandbox/database";
import { PASSWORD_HASH_LENGTH } from "@/sample-app/src/password";

// The lab's database objects in the attendee's sandbox namespace (the emulated RDS instance). In
// the sandbox the portal runs the MariaDB behind it, so it may look; on AWS it never connects.

const { databaseName: database, databaseUser: user, databaseUserPassword: password } = LAB;

/** What the lab's SQL should have made; the password column and `rows` when the table exists. */
export type LabSchema = {
  database: boolean;
  user: boolean;
  grant: boolean;
  table: boolean;
  /** As DESCRIBE shows it, e.g. `varchar(35)`. */
  passwordType?: string;
  /** Characters the column holds (a TEXT column: unlimited for a hash). */
  passwordLength?: number;
  rows?: number;
};

const rowsOf = (result: LabSqlResult | undefined) =>
  result?.kind === "rows" ? result.rows : undefined;

/** The grant the lab gives, or at least reading and writing the table the app needs. */
function grantsTheLabDatabase(grants: string[]): boolean {
  const onDatabase = grants.filter((grant) =>
    new RegExp(`\\bON \`?${database}\`?\\.\\*`, "i").test(grant),
  );
  return onDatabase.some(
    (grant) =>
      /ALL PRIVILEGES/i.test(grant) || (/\bSELECT\b/i.test(grant) && /\bINSERT\b/i.test(grant)),
  );
}

export async function inspectLabSchema(accountId: string): Promise<LabSchema> {
  const { results } = await runLabSql(
    accountId,
    [
      `SHOW DATABASES LIKE '${database}';`,
      `SHOW GRANTS FOR '${user}'@'%';`,
      `SHOW COLUMNS FROM ${database}.users;`,
      `SELECT COUNT(*) FROM ${database}.users;`,
    ].join("\n"),
  );
  const [databases, grants, columns, count] = results;
  const grantRows = rowsOf(grants);
  const columnRows = rowsOf(columns);
  const passwordType = columnRows
    ?.find((row) => row[0]?.toLowerCase() === "password")?.[1]
    ?.toLowerCase();
  const length = passwordType?.match(/^(?:var)?char\((\d+)\)/)?.[1];
  const rows = rowsOf(count)?.[0]?.[0];
  return {
    database: (rowsOf(databases)?.length ?? 0) > 0,
    user: grantRows !== undefined,
    grant: grantRows !== undefined && grantsTheLabDatabase(grantRows.map((row) => row[0] ?? "")),
    table: columnRows !== undefined,
    ...(passwordType
      ? { passwordType, passwordLength: length ? Number(length) : Number.POSITIVE_INFINITY }
      : {}),
    ...(rows !== undefined && rows !== null ? { rows: Number(rows) } : {}),
  };
}

/** Whether the sample app can sign attendees up with this schema. */
export const schemaReady = (schema: LabSchema) =>
  schema.database &&
  schema.user &&
  schema.grant &&
  schema.table &&
  (schema.passwordLength ?? 0) >= PASSWORD_HASH_LENGTH;

/** The lab's SQL as the page shows it, with the password column wide enough for a hash. */
export const LAB_SQL = {
  database: `CREATE DATABASE ${database};`,
  user: `CREATE USER ${user} IDENTIFIED BY '${password}';`,
  grant: `GRANT ALL PRIVILEGES ON ${database}.* TO ${user};`,
  use: `USE ${database};`,
  table: `CREATE TABLE IF NOT EXISTS users (
  id INT AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  email VARCHAR(255) NOT NULL,
  password VARCHAR(255) NOT NULL,
  attachment VARCHAR(255),
  PRIMARY KEY (id)
);`,
  widen: `ALTER TABLE ${database}.users MODIFY password VARCHAR(255) NOT NULL;`,
} as const;

/** Runs statements as the attendee's master user; the first error is thrown (never its SQL text). */
export async function runLabStatements(accountId: string, sql: string): Promise<void> {
  const { results } = await runLabSql(accountId, sql);
  const problem = results.find((result) => result.kind === "error" || result.kind === "refused");
  if (problem) {
    const detail =
      problem.kind === "error" ? `${problem.errno} ${problem.code}` : `refused: ${problem.reason}`;
    throw new Error(`the lab's SQL failed in the sandbox database (${detail})`);
  }
}
