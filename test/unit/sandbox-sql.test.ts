import { describe, expect, it } from "vitest";
import { type Plan, planStatement } from "@/lib/sandbox/sql-plan";
import { LOCALES, translate } from "@/messages";
import { splitStatements } from "@/lib/sandbox/sql-tokens";

const prefix = "sb_123456789012_";
const P = "`sb_123456789012_";
const LIKE_P = "`sb\\_123456789012\\_";

function statements(sql: string): string[] {
  const split = splitStatements(sql);
  if (!split.ok) throw new Error(`unterminated ${split.unterminated}`);
  return split.statements.map((statement) => statement.text);
}

function plan(sql: string, database: string | null = null): Plan {
  const split = splitStatements(sql);
  if (!split.ok || split.statements.length !== 1) throw new Error(`not one statement: ${sql}`);
  const [statement] = split.statements;
  if (!statement) throw new Error("no statement");
  return planStatement(statement, { prefix, masterUsername: "admin", database });
}

function rewritten(sql: string, database: string | null = null): string {
  const result = plan(sql, database);
  if (result.kind !== "query") throw new Error(`${sql} planned as ${JSON.stringify(result)}`);
  return result.sql;
}

describe("splitting what the attendee typed", () => {
  it("ends statements at ; and \\G but not inside quotes, backticks or comments", () => {
    expect(
      statements(
        "SELECT 'a;b', \"c;d\", `e;f` FROM t; -- not; a statement\nSHOW TABLES\\G /* ; */ SELECT 1",
      ),
    ).toEqual([
      "SELECT 'a;b', \"c;d\", `e;f` FROM t",
      "-- not; a statement\nSHOW TABLES",
      "/* ; */ SELECT 1",
    ]);
  });

  it("ends a USE line at its newline, as the mysql client does", () => {
    expect(statements("USE form\nSHOW TABLES;")).toEqual(["USE form", "SHOW TABLES"]);
  });

  it("keeps escaped quotes inside strings", () => {
    expect(statements("SELECT 'it''s; fine', 'back\\'slash;'; SELECT 2")).toEqual([
      "SELECT 'it''s; fine', 'back\\'slash;'",
      "SELECT 2",
    ]);
  });

  it("reports what is left open", () => {
    expect(splitStatements("SELECT 'open;")).toEqual({ ok: false, unterminated: "'" });
    expect(splitStatements("SELECT 1 /* open")).toEqual({ ok: false, unterminated: "/*" });
    expect(splitStatements("SELECT `open")).toEqual({ ok: false, unterminated: "`" });
  });

  it("ignores empty statements", () => {
    expect(statements(" ; ;\n")).toEqual([]);
  });
});

describe("the lab's Database statements", () => {
  it("prefixes the database and the user", () => {
    expect(rewritten("CREATE DATABASE form")).toBe(`CREATE DATABASE ${P}form\``);
    expect(plan("CREATE USER form_user IDENTIFIED BY 'asdf1234'")).toEqual({
      kind: "calls",
      calls: [{ procedure: "create_user", args: ["form_user", "%", "asdf1234", false] }],
    });
    expect(rewritten("GRANT ALL PRIVILEGES ON form.* TO form_user", null)).toBe(
      `GRANT ALL PRIVILEGES ON ${LIKE_P}form\`.* TO 'sb_123456789012_form_user'@'%'`,
    );
    expect(rewritten("USE form")).toBe(`USE ${P}form\``);
    expect(
      rewritten(
        "CREATE TABLE IF NOT EXISTS users (id INT AUTO_INCREMENT, name VARCHAR(255) NOT NULL, PRIMARY KEY (id))",
        "form",
      ),
    ).toBe(
      "CREATE TABLE IF NOT EXISTS users (id INT AUTO_INCREMENT, name VARCHAR(255) NOT NULL, PRIMARY KEY (id))",
    );
  });

  it("accepts the usual variations of quoting and options", () => {
    expect(rewritten("create schema if not exists `form` default character set utf8mb4")).toBe(
      `create schema if not exists ${P}form\` default character set utf8mb4`,
    );
    expect(rewritten("DROP DATABASE IF EXISTS form")).toBe(`DROP DATABASE IF EXISTS ${P}form\``);
    expect(plan("CREATE USER IF NOT EXISTS 'form_user'@'%' IDENTIFIED BY \"asdf1234\"")).toEqual({
      kind: "calls",
      calls: [{ procedure: "create_user", args: ["form_user", "%", "asdf1234", true] }],
    });
    expect(plan("CREATE USER `form_user`@localhost, web@10.0.0.5 IDENTIFIED BY 'x'")).toEqual({
      kind: "calls",
      calls: [
        { procedure: "create_user", args: ["form_user", "localhost", null, false] },
        { procedure: "create_user", args: ["web", "10.0.0.5", "x", false] },
      ],
    });
    expect(
      rewritten("GRANT SELECT, INSERT ON `form`.`users` TO 'form_user'@'%' WITH GRANT OPTION"),
    ).toBe(
      `GRANT SELECT, INSERT ON ${P}form\`.\`users\` TO 'sb_123456789012_form_user'@'%' WITH GRANT OPTION`,
    );
  });

  it("grants on the current database when the level is *", () => {
    expect(rewritten("GRANT ALL ON * TO form_user", "form")).toBe(
      `GRANT ALL ON ${LIKE_P}form\`.* TO 'sb_123456789012_form_user'@'%'`,
    );
    expect(rewritten("GRANT ALL ON * TO form_user", null)).toBe(
      "GRANT ALL ON * TO 'sb_123456789012_form_user'@'%'",
    );
    expect(rewritten("GRANT ALL ON *.* TO form_user")).toBe(
      "GRANT ALL ON *.* TO 'sb_123456789012_form_user'@'%'",
    );
  });

  it("answers like MySQL 8 where MySQL 8 differs from the 2019 lab", () => {
    expect(plan("GRANT ALL ON form.* TO form_user IDENTIFIED BY 'asdf1234'")).toMatchObject({
      kind: "error",
      error: { errno: 1064, message: expect.stringContaining("near 'IDENTIFIED BY 'asdf1234''") },
    });
    expect(plan("CREATE USER u IDENTIFIED WITH caching_sha2_password BY 'p'")).toMatchObject({
      kind: "calls",
    });
    expect(plan("ALTER USER u IDENTIFIED WITH 'mysql_native_password' BY 'p'")).toEqual({
      kind: "calls",
      calls: [{ procedure: "alter_user_password", args: ["u", "%", "p", false] }],
    });
    expect(plan("CREATE USER u IDENTIFIED WITH auth_socket")).toMatchObject({
      kind: "error",
      error: { errno: 1524, message: "Plugin 'auth_socket' is not loaded" },
    });
    expect(plan(`CREATE USER ${"u".repeat(33)} IDENTIFIED BY 'p'`)).toMatchObject({
      kind: "error",
      error: { errno: 1470 },
    });
    expect(plan("CREATE USER u IDENTIFIED VIA ed25519")).toMatchObject({
      kind: "error",
      error: { errno: 1064 },
    });
  });
});

describe("qualified names", () => {
  it("prefixes databases where tables are named", () => {
    expect(rewritten("SELECT * FROM form.users")).toBe(`SELECT * FROM ${P}form\`.users`);
    expect(rewritten("SELECT u.name FROM form.users u JOIN form.logs l ON u.id = l.user_id")).toBe(
      `SELECT u.name FROM ${P}form\`.users u JOIN ${P}form\`.logs l ON u.id = l.user_id`,
    );
    expect(rewritten("SELECT a.x FROM form.a a, other.b WHERE a.y = 1")).toBe(
      `SELECT a.x FROM ${P}form\`.a a, ${P}other\`.b WHERE a.y = 1`,
    );
    expect(rewritten("SELECT form.users.id FROM form.users")).toBe(
      `SELECT ${P}form\`.users.id FROM ${P}form\`.users`,
    );
    expect(rewritten("INSERT INTO form.users (name) SELECT name FROM form.old")).toBe(
      `INSERT INTO ${P}form\`.users (name) SELECT name FROM ${P}form\`.old`,
    );
    expect(rewritten("UPDATE LOW_PRIORITY form.users SET users.name = 'x'")).toBe(
      `UPDATE LOW_PRIORITY ${P}form\`.users SET users.name = 'x'`,
    );
    expect(rewritten("DELETE FROM form.users WHERE id IN (SELECT id FROM form.old)")).toBe(
      `DELETE FROM ${P}form\`.users WHERE id IN (SELECT id FROM ${P}form\`.old)`,
    );
    expect(rewritten("DESCRIBE form.users")).toBe(`DESCRIBE ${P}form\`.users`);
    expect(rewritten("EXPLAIN SELECT * FROM form.users")).toBe(
      `EXPLAIN SELECT * FROM ${P}form\`.users`,
    );
    expect(rewritten("DROP TABLE IF EXISTS form.a, form.b")).toBe(
      `DROP TABLE IF EXISTS ${P}form\`.a, ${P}form\`.b`,
    );
    expect(rewritten("TRUNCATE TABLE form.users")).toBe(`TRUNCATE TABLE ${P}form\`.users`);
    expect(rewritten("CREATE TABLE form.copy LIKE form.users")).toBe(
      `CREATE TABLE ${P}form\`.copy LIKE ${P}form\`.users`,
    );
    expect(rewritten("CREATE TABLE t (u INT, FOREIGN KEY (u) REFERENCES form.users (id))")).toBe(
      `CREATE TABLE t (u INT, FOREIGN KEY (u) REFERENCES ${P}form\`.users (id))`,
    );
    expect(rewritten("ALTER TABLE form.users RENAME TO form.members")).toBe(
      `ALTER TABLE ${P}form\`.users RENAME TO ${P}form\`.members`,
    );
    expect(rewritten("ALTER TABLE users RENAME COLUMN a TO b")).toBe(
      "ALTER TABLE users RENAME COLUMN a TO b",
    );
    expect(rewritten("ALTER DATABASE form CHARACTER SET utf8mb4")).toBe(
      `ALTER DATABASE ${P}form\` CHARACTER SET utf8mb4`,
    );
  });

  it("leaves table.column, strings, functions and system schemas alone", () => {
    expect(rewritten("SELECT users.name, 'form.users' FROM users WHERE users.id = 1")).toBe(
      "SELECT users.name, 'form.users' FROM users WHERE users.id = 1",
    );
    expect(
      rewritten("SELECT TRIM(LEADING 'x' FROM u.name), EXTRACT(YEAR FROM u.d) FROM users u"),
    ).toBe("SELECT TRIM(LEADING 'x' FROM u.name), EXTRACT(YEAR FROM u.d) FROM users u");
    expect(rewritten("SELECT * FROM information_schema.tables")).toBe(
      "SELECT * FROM information_schema.tables",
    );
    expect(rewritten("SELECT user FROM mysql.user")).toBe("SELECT user FROM mysql.user");
  });

  it("drops comments, which could hide names from the rewrite", () => {
    expect(rewritten("SELECT 1 -- FROM form.users")).toBe("SELECT 1");
    expect(rewritten("SELECT /* FROM x.y */ 1 FROM form.t")).toBe(`SELECT   1 FROM ${P}form\`.t`);
  });
});

describe("SHOW", () => {
  it("names databases where SHOW takes one", () => {
    expect(rewritten("SHOW TABLES FROM form LIKE 'u%'")).toBe(
      `SHOW TABLES FROM ${P}form\` LIKE 'u%'`,
    );
    expect(rewritten("SHOW FULL COLUMNS FROM users IN form")).toBe(
      `SHOW FULL COLUMNS FROM users IN ${P}form\``,
    );
    expect(rewritten("SHOW INDEX FROM form.users")).toBe(`SHOW INDEX FROM ${P}form\`.users`);
    expect(rewritten("SHOW CREATE TABLE form.users")).toBe(`SHOW CREATE TABLE ${P}form\`.users`);
    expect(rewritten("SHOW CREATE DATABASE form")).toBe(`SHOW CREATE DATABASE ${P}form\``);
    expect(rewritten("SHOW TABLE STATUS IN form")).toBe(`SHOW TABLE STATUS IN ${P}form\``);
  });

  it("lists databases and grants through the namespace", () => {
    expect(plan("SHOW DATABASES")).toEqual({ kind: "showDatabases", like: null });
    expect(plan("show schemas like 'f%'")).toEqual({ kind: "showDatabases", like: "f%" });
    expect(plan("SHOW DATABASES WHERE `Database` = 'form'")).toMatchObject({
      kind: "refused",
      reason: "showDatabasesWhere",
    });
    expect(plan("SHOW GRANTS")).toEqual({ kind: "showGrants", user: null });
    expect(plan("SHOW GRANTS FOR CURRENT_USER()")).toEqual({ kind: "showGrants", user: null });
    expect(plan("SHOW GRANTS FOR admin")).toEqual({ kind: "showGrants", user: null });
    expect(plan("SHOW GRANTS FOR 'form_user'@'%'")).toEqual({
      kind: "showGrants",
      user: { user: "form_user", host: "%" },
    });
    expect(plan("SHOW WARNINGS")).toEqual({ kind: "showWarnings", errorsOnly: false });
  });
});

describe("user management", () => {
  it("turns user statements into namespace procedure calls", () => {
    expect(plan("DROP USER IF EXISTS form_user, 'web'@'localhost'")).toEqual({
      kind: "calls",
      calls: [
        { procedure: "drop_user", args: ["form_user", "%", true] },
        { procedure: "drop_user", args: ["web", "localhost", true] },
      ],
    });
    expect(plan("SET PASSWORD FOR form_user = PASSWORD('n\\'ew')")).toEqual({
      kind: "calls",
      calls: [{ procedure: "alter_user_password", args: ["form_user", "%", "n'ew", false] }],
    });
    expect(plan("RENAME USER form_user TO web_user")).toEqual({
      kind: "calls",
      calls: [{ procedure: "rename_user", args: ["form_user", "%", "web_user", "%"] }],
    });
    expect(plan("REVOKE ALL PRIVILEGES, GRANT OPTION FROM form_user")).toEqual({
      kind: "calls",
      calls: [{ procedure: "revoke_all", args: ["form_user", "%"] }],
    });
    expect(rewritten("REVOKE INSERT ON form.* FROM form_user")).toBe(
      `REVOKE INSERT ON ${LIKE_P}form\`.* FROM 'sb_123456789012_form_user'@'%'`,
    );
  });

  it("keeps the master user and anonymous users out", () => {
    for (const sql of [
      "DROP USER admin",
      "ALTER USER 'admin'@'%' IDENTIFIED BY 'x'",
      "SET PASSWORD = 'x'",
      "GRANT ALL ON form.* TO CURRENT_USER",
      "CREATE USER admin IDENTIFIED BY 'x'",
    ]) {
      expect(plan(sql), sql).toMatchObject({ kind: "refused", reason: "masterUser" });
    }
    expect(plan("CREATE USER ''@'%'")).toMatchObject({ kind: "refused", reason: "anonymousUser" });
  });

  it("refuses options the sandbox cannot honour", () => {
    expect(plan("CREATE USER u IDENTIFIED BY 'p' PASSWORD EXPIRE")).toMatchObject({
      kind: "refused",
      reason: "userOption",
    });
    expect(plan("CREATE USER u IDENTIFIED BY PASSWORD '*ABC'")).toMatchObject({
      kind: "refused",
      reason: "userOption",
    });
    expect(plan("ALTER USER u ACCOUNT LOCK")).toMatchObject({
      kind: "refused",
      reason: "userOption",
    });
    expect(plan("GRANT PROXY ON ''@'' TO u")).toMatchObject({
      kind: "refused",
      reason: "grantForm",
    });
    expect(plan("GRANT some_role TO u")).toMatchObject({ kind: "refused", reason: "grantForm" });
  });
});

describe("the allowlist", () => {
  it("refuses statements outside it, naming them", () => {
    for (const [sql, statement] of [
      ["LOCK TABLES users WRITE", "LOCK TABLES"],
      ["CREATE VIEW v AS SELECT 1", "CREATE VIEW"],
      ["SET GLOBAL max_connections = 1", "SET GLOBAL"],
      ["LOAD DATA INFILE '/etc/passwd' INTO TABLE t", "LOAD DATA"],
      ["FLUSH TABLES", "FLUSH TABLES"],
      ["SHOW PROCESSLIST", "SHOW PROCESSLIST"],
      ["KILL 1", "KILL"],
    ] as const) {
      expect(plan(sql), sql).toMatchObject({
        kind: "refused",
        reason: "notAllowed",
        message: { key: "sandboxSql.refused.notAllowed", params: { statement } },
      });
    }
    expect(plan("FLUSH PRIVILEGES")).toEqual({ kind: "flushPrivileges" });
  });

  it("refuses executable comments and client commands", () => {
    expect(plan("SELECT /*!50000 1 FROM sb_999999999999_form.users */")).toMatchObject({
      kind: "refused",
      reason: "executableComment",
    });
    expect(plan("SELECT 1 \\q")).toMatchObject({
      kind: "refused",
      reason: "clientCommand",
      message: { params: { command: "\\q" } },
    });
  });
});

describe("refusal messages", () => {
  it("read in Korean and English with every placeholder filled", () => {
    const refusals = [
      "LOCK TABLES users WRITE",
      "SELECT /*!1 */ 1",
      "SELECT 1 \\q",
      "DROP USER admin",
      "CREATE USER ''",
      "ALTER USER u ACCOUNT LOCK",
      "GRANT r TO u",
      "SHOW DATABASES WHERE 1",
    ].map((sql) => plan(sql));
    for (const refusal of refusals) {
      if (refusal.kind !== "refused") throw new Error(`not refused: ${JSON.stringify(refusal)}`);
      for (const locale of LOCALES) {
        const text = translate(locale, refusal.message.key, refusal.message.params);
        expect(text, `${locale} ${refusal.message.key}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
