// Two attendees share the sandbox's one MariaDB: each runs the lab's Database SQL in a namespace
// the server itself keeps apart, and the sandbox copy of the sample app reaches it through the
// emulated RDS endpoint.
import { randomBytes, randomInt } from "node:crypto";
import dns from "node:dns";
import { type Connection, createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  LabSqlSession,
  type LabSqlResult,
  SANDBOX_INTERNAL_SCHEMA,
  dropNamespace,
  ensureNamespace,
  namespaceAdminConnection,
  namespacePrefix,
  runLabSql,
  sandboxDatabaseEnv,
  sandboxMariaDb,
} from "@/lib/sandbox/database";
import { createApp } from "@/sample-app/src/app";
import { parseConfig } from "@/sample-app/src/config";
import { SANDBOX_DATABASE_ENV } from "@/sample-app/src/sandbox-database";
import { SignupClient, decodeEntities, healthOf } from "@/sample-app/test/support/client";

const randomAccount = () => `9${String(randomInt(10 ** 11)).padStart(11, "0")}`;
const A = randomAccount();
const B = randomAccount();
const ENDPOINT_A = "awslab.abcdefgh.ap-northeast-2.rds.amazonaws.com";
const ENDPOINT_B = "awslab.ijklmnop.ap-northeast-2.rds.amazonaws.com";

/** The lab's "MySQL Database 설정" steps 5–10, as printed in the lab. */
const LAB_SQL = `CREATE DATABASE form;
CREATE USER form_user IDENTIFIED BY 'asdf1234';
GRANT ALL PRIVILEGES ON form.* TO form_user;
USE form;
CREATE TABLE IF NOT EXISTS users (
  id INT AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  email VARCHAR(255) NOT NULL,
  password VARCHAR(35) NOT NULL,
  attachment VARCHAR(255),
  PRIMARY KEY (id)
);`;

const rowsOf = (result: LabSqlResult | undefined) => {
  if (result?.kind !== "rows") throw new Error(`expected rows, got ${JSON.stringify(result)}`);
  return result.rows;
};

async function rootQuery(sql: string, params: unknown[] = []): Promise<unknown[]> {
  const connection = await createConnection({ ...sandboxMariaDb() });
  try {
    const [rows] = await connection.query(sql, params);
    return rows as unknown[];
  } finally {
    await connection.end();
  }
}

const sessionA = new LabSqlSession(A);
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  await ensureNamespace(A);
  await ensureNamespace(B);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await dropNamespace(A);
  await dropNamespace(B);
  const pattern = `sb\\_${A}\\_%`;
  expect(
    await rootQuery(
      "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?",
      [pattern],
    ),
  ).toEqual([]);
  expect(
    await rootQuery("SELECT User FROM mysql.user WHERE User LIKE ? OR User = ?", [
      pattern,
      `sb_${A}`,
    ]),
  ).toEqual([]);
});

describe("attendee A runs the lab's SQL", () => {
  it("creates form, form_user and users inside A's namespace", async () => {
    const results = await sessionA.run(LAB_SQL);
    expect(results.map((result) => result.kind)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(sessionA.database).toBe("form");

    const [databases, tables, grants] = await sessionA.run(
      "SHOW DATABASES; SHOW TABLES; SHOW GRANTS FOR form_user;",
    );
    expect(rowsOf(databases)).toEqual([["information_schema"], ["form"]]);
    expect(rowsOf(tables)).toEqual([["users"]]);
    expect(rowsOf(grants)).toEqual([
      ["GRANT USAGE ON *.* TO `form_user`@`%`"],
      ["GRANT ALL PRIVILEGES ON `form`.* TO `form_user`@`%`"],
    ]);

    const prefix = namespacePrefix(A);
    expect(
      await rootQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", [
        `${prefix}form`,
      ]),
    ).toEqual([{ TABLE_NAME: "users" }]);
    expect(
      await rootQuery("SELECT Host FROM mysql.user WHERE User = ?", [`${prefix}form_user`]),
    ).toEqual([{ Host: "%" }]);
  });

  it("keeps the current database across calls and answers as MySQL would", async () => {
    const [describe, duplicate, warnings] = await sessionA.run(
      "DESCRIBE users; CREATE DATABASE form; SHOW WARNINGS",
    );
    expect(rowsOf(describe).map(([field]) => field)).toEqual([
      "id",
      "name",
      "email",
      "password",
      "attachment",
    ]);
    expect(duplicate).toMatchObject({
      kind: "error",
      errno: 1007,
      message: "Can't create database 'form'; database exists",
    });
    expect(rowsOf(warnings)).toEqual([
      ["Error", "1007", "Can't create database 'form'; database exists"],
    ]);

    const [who] = await sessionA.run("SELECT DATABASE(), CURRENT_USER()");
    expect(rowsOf(who)).toEqual([["form", "admin@%"]]);

    // An unclosed quote runs nothing, as the mysql client waits for the rest.
    expect(await sessionA.run("DROP TABLE users; SELECT 'open")).toEqual([
      {
        statement: "DROP TABLE users; SELECT 'open",
        kind: "refused",
        reason: "incomplete",
        message: { key: "sandboxSql.incomplete", params: { quote: "'" } },
      },
    ]);
    const [stillThere] = await sessionA.run("SHOW TABLES");
    expect(rowsOf(stillThere)).toEqual([["users"]]);
  });
});

describe("attendee B", () => {
  it("does not see A's database and cannot use it", async () => {
    const { results } = await runLabSql(B, "SHOW DATABASES; USE form; SELECT * FROM form.users");
    const [databases, use, select] = results;
    expect(rowsOf(databases)).toEqual([["information_schema"]]);
    expect(use).toMatchObject({ kind: "error", errno: 1049, message: "Unknown database 'form'" });
    expect(select).toMatchObject({ kind: "error", errno: 1146 });
  });

  it("cannot read A's table even by naming A's prefix", async () => {
    const { results } = await runLabSql(B, `SELECT * FROM sb_${A}_form.users`);
    expect(results[0]).toMatchObject({ kind: "error" });

    // The server refuses it too, whatever the rewrite does.
    const b = await namespaceAdminConnection(B);
    cleanups.push(() => b.end());
    await expect(b.query(`SELECT * FROM \`sb_${A}_form\`.users`)).rejects.toMatchObject({
      code: "ER_TABLEACCESS_DENIED_ERROR",
    });
    await expect(b.query(`USE \`sb_${A}_form\``)).rejects.toMatchObject({
      code: "ER_DBACCESS_DENIED_ERROR",
    });
  });
});

describe("a namespace's MariaDB account", () => {
  let b: Connection;
  const victim = `sbtest_victim_${randomBytes(3).toString("hex")}`;

  beforeAll(async () => {
    b = await namespaceAdminConnection(B);
    await rootQuery("CREATE USER ?@'%' IDENTIFIED BY 'secret'", [victim]);
  });

  afterAll(async () => {
    await b.end();
    await rootQuery("DROP USER IF EXISTS ?@'%'", [victim]);
    await rootQuery(`DROP USER IF EXISTS 'sb_${B}_made_by_call'@'%'`);
  });

  const denied = (sql: string, code: string) =>
    expect(b.query(sql), sql).rejects.toMatchObject({ code });

  it("cannot read the system tables or the sandbox's own", async () => {
    await denied("SELECT * FROM mysql.user", "ER_TABLEACCESS_DENIED_ERROR");
    await denied(
      `SELECT * FROM ${SANDBOX_INTERNAL_SCHEMA}.namespaces`,
      "ER_TABLEACCESS_DENIED_ERROR",
    );
  });

  it("cannot grant itself more", async () => {
    await denied(`GRANT ALL PRIVILEGES ON *.* TO 'sb_${B}'@'%'`, "ER_ACCESS_DENIED_ERROR");
    await denied(
      `GRANT ALL PRIVILEGES ON \`sb\\_%\`.* TO 'sb_${B}'@'%'`,
      "ER_DBACCESS_DENIED_ERROR",
    );
    await denied(
      `GRANT ALL PRIVILEGES ON \`sb\\_${A}\\_%\`.* TO 'sb_${B}'@'%'`,
      "ER_DBACCESS_DENIED_ERROR",
    );
    await denied("CREATE DATABASE outside_the_namespace", "ER_DBACCESS_DENIED_ERROR");
  });

  it("cannot manage users outside its namespace, directly or through the procedures", async () => {
    await denied(`CREATE USER 'sb_${A}_intruder'@'%'`, "ER_SPECIFIC_ACCESS_DENIED_ERROR");
    await denied(
      `ALTER USER '${victim}'@'%' IDENTIFIED BY 'taken'`,
      "ER_SPECIFIC_ACCESS_DENIED_ERROR",
    );
    await denied(`DROP USER '${victim}'@'%'`, "ER_SPECIFIC_ACCESS_DENIED_ERROR");

    // The procedures always add the caller's own prefix.
    await b.query(`CALL ${SANDBOX_INTERNAL_SCHEMA}.create_user('made_by_call', '%', 'pw', FALSE)`);
    expect(
      await rootQuery("SELECT User FROM mysql.user WHERE User LIKE '%made\\_by\\_call'"),
    ).toEqual([{ User: `sb_${B}_made_by_call` }]);
    await expect(
      b.query(`CALL ${SANDBOX_INTERNAL_SCHEMA}.drop_user('../${victim}', '%', FALSE)`),
    ).rejects.toMatchObject({ code: "ER_CANNOT_USER" });
    expect(await rootQuery("SELECT User FROM mysql.user WHERE User = ?", [victim])).toHaveLength(1);
  });
});

describe("the sandbox copy of the sample app", () => {
  async function startApp(settings: Record<string, string>) {
    const env = sandboxDatabaseEnv(A, [ENDPOINT_A]);
    const app = createApp(parseConfig(settings, { sandboxDatabase: env[SANDBOX_DATABASE_ENV] }), {
      log: () => {},
    });
    const { url } = await app.listen(0, "127.0.0.1");
    cleanups.push(() => app.close());
    return url;
  }

  const labConfig = {
    DB_HOST: ENDPOINT_A,
    DB_NAME: "form",
    DB_USER: "form_user",
    DB_USERPASSWORD: "asdf1234",
    AWS_EC2_METADATA_DISABLED: "true",
  };
  const attendee = { name: "홍길동", email: "gildong@example.com", password: "asdf1234!" };

  it("signs a user up into A's users table, after the fix its error page asks for", async () => {
    const url = await startApp(labConfig);
    const client = new SignupClient(url);

    // The lab's VARCHAR(35) cannot hold a password hash: the app says which statement to run.
    const first = await client.signUp(attendee);
    expect(first.status).toBe(500);
    expect(decodeEntities(first.html)).toContain(
      "ALTER TABLE users MODIFY password VARCHAR(255) NOT NULL;",
    );

    const [alter] = await sessionA.run("ALTER TABLE users MODIFY password VARCHAR(255) NOT NULL;");
    expect(alter).toMatchObject({ kind: "ok" });

    const second = await client.signUp(attendee);
    expect(second.status).toBe(200);
    expect((await healthOf(url)).database).toEqual({ status: "ok", code: null, users: 1 });

    const [users] = await sessionA.run("SELECT name, email FROM users");
    expect(rowsOf(users)).toEqual([[attendee.name, attendee.email]]);
    const { results } = await runLabSql(B, "SELECT COUNT(*) FROM form.users");
    expect(results[0]).toMatchObject({ kind: "error", errno: 1146 });
  });

  it("treats another DB_HOST as unresolvable without a DNS lookup", async () => {
    const lookups: string[] = [];
    const lookup = dns.lookup;
    const spy = vi.spyOn(dns, "lookup").mockImplementation(((
      hostname: string,
      ...rest: unknown[]
    ) => {
      lookups.push(hostname);
      return (lookup as (...args: unknown[]) => unknown)(hostname, ...rest);
    }) as typeof dns.lookup);
    try {
      const url = await startApp({ ...labConfig, DB_HOST: ENDPOINT_B });
      expect((await healthOf(url)).database).toEqual({
        status: "host_not_found",
        code: "ENOTFOUND",
        users: null,
      });
      expect(lookups.filter((host) => host !== "127.0.0.1")).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});
