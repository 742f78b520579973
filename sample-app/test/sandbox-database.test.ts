// The portal's sandbox hook: AWS101_SANDBOX_DATABASE maps the attendee's emulated RDS endpoint to
// the local MariaDB and their namespace prefix; any other DB_HOST fails without leaving loopback.
import { randomBytes } from "node:crypto";
import dns from "node:dns";
import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createConnection } from "mysql2/promise";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { ConfigError, loadConfig, parseConfig } from "../src/config";
import { Database } from "../src/db";
import {
  SANDBOX_DATABASE_ENV,
  type SandboxDatabase,
  parseSandboxDatabase,
  routeSandboxDatabase,
} from "../src/sandbox-database";
import { labSettings } from "./support/app";
import { SignupClient, decodeEntities, healthOf } from "./support/client";
import { admin, labTableSql } from "./support/lab-database";

const ENDPOINT = "awslab.abcdefgh.ap-northeast-2.rds.amazonaws.com";
const prefix = `sbt${randomBytes(4).toString("hex")}_`;
const sandbox: SandboxDatabase = {
  hosts: { [ENDPOINT]: `${admin.host}:${admin.port}` },
  prefix,
};

/** What the attendee writes into config.env, as in the lab. */
const labConfig = (overrides: Record<string, string> = {}) => ({
  ...labSettings({}),
  DB_HOST: ENDPOINT,
  DB_NAME: "form",
  DB_USER: "form_user",
  DB_USERPASSWORD: "asdf1234",
  ...overrides,
});

async function asRoot<T>(run: (query: (sql: string) => Promise<unknown>) => Promise<T>) {
  const connection = await createConnection({ ...admin, charset: "utf8mb4" });
  try {
    return await run(async (sql) => (await connection.query(sql))[0]);
  } finally {
    await connection.end();
  }
}

beforeAll(async () => {
  // What the portal's namespace holds after the attendee ran the lab's SQL.
  await asRoot(async (query) => {
    await query(`CREATE DATABASE ${prefix}form`);
    await query(`CREATE USER '${prefix}form_user'@'%' IDENTIFIED BY 'asdf1234'`);
    await query(
      `GRANT ALL PRIVILEGES ON \`${prefix.replace(/_/g, "\\_")}form\`.* TO '${prefix}form_user'@'%'`,
    );
    await query(`USE ${prefix}form`);
    await query(labTableSql(255));
  });
});

afterAll(async () => {
  await asRoot(async (query) => {
    await query(`DROP DATABASE IF EXISTS ${prefix}form`);
    await query(`DROP USER IF EXISTS '${prefix}form_user'@'%'`);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the AWS101_SANDBOX_DATABASE variable", () => {
  it("is read from the environment only, never from config.env", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "sample-app-sandbox-"));
    const file = path.join(directory, "config.env");
    const json = JSON.stringify(sandbox);
    writeFileSync(file, `DB_HOST = ${ENDPOINT}\n${SANDBOX_DATABASE_ENV} = ${json}\n`);

    const fromFile = loadConfig({ file, env: {} });
    expect(fromFile.config.sandboxDatabase).toBeNull();
    expect(fromFile.warnings).toEqual([`line 2: unknown key ${SANDBOX_DATABASE_ENV}`]);

    const fromEnv = loadConfig({ file, env: { [SANDBOX_DATABASE_ENV]: json } });
    expect(fromEnv.config.sandboxDatabase).toEqual(sandbox);
    expect(fromEnv.config.provided).not.toContain(SANDBOX_DATABASE_ENV);
    expect(parseConfig({ DB_HOST: ENDPOINT }).sandboxDatabase).toBeNull();
  });

  it("accepts only loopback targets and a plain prefix", () => {
    expect(() => parseSandboxDatabase("{")).toThrow("not valid JSON");
    expect(() =>
      parseSandboxDatabase(JSON.stringify({ hosts: { [ENDPOINT]: "10.0.0.5:3306" }, prefix })),
    ).toThrow(/loopback/);
    expect(() =>
      parseSandboxDatabase(JSON.stringify({ hosts: { [ENDPOINT]: "localhost:3306" }, prefix })),
    ).toThrow(/loopback/);
    expect(() => parseSandboxDatabase(JSON.stringify({ hosts: {}, prefix: "a`b" }))).toThrow(
      /prefix/,
    );
    expect(() =>
      parseConfig(
        {},
        { sandboxDatabase: JSON.stringify({ hosts: { [ENDPOINT]: "8.8.8.8:53" }, prefix }) },
      ),
    ).toThrow(ConfigError);
  });
});

describe("routing DB_HOST in the sandbox", () => {
  const route = (host: string, port = 3306) =>
    routeSandboxDatabase(sandbox, { host, port, user: "form_user", database: "form" });

  it("sends the mapped endpoint to MariaDB with the namespaced names", () => {
    expect(route(ENDPOINT)).toEqual({
      kind: "connect",
      host: admin.host,
      port: admin.port,
      user: `${prefix}form_user`,
      database: `${prefix}form`,
    });
    expect(route(`${ENDPOINT.toUpperCase()}.`)).toMatchObject({ kind: "connect" });
  });

  it("fails everything else the way the network on EC2 would", () => {
    expect(route("awslab.zzzzzzzz.ap-northeast-2.rds.amazonaws.com")).toEqual({
      kind: "fail",
      problem: "host_not_found",
      code: "ENOTFOUND",
      message: "getaddrinfo ENOTFOUND awslab.zzzzzzzz.ap-northeast-2.rds.amazonaws.com",
    });
    expect(route("localhost")).toMatchObject({ problem: "refused", code: "ECONNREFUSED" });
    expect(route("127.0.0.1")).toMatchObject({ problem: "refused", code: "ECONNREFUSED" });
    expect(route("172.31.5.9")).toMatchObject({ problem: "timeout", code: "ETIMEDOUT" });
    expect(route(ENDPOINT, 3307)).toMatchObject({ problem: "timeout", code: "ETIMEDOUT" });
  });
});

describe("the app in the sandbox", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function start(settings: Record<string, string>) {
    const app = createApp(parseConfig(settings, { sandboxDatabase: JSON.stringify(sandbox) }), {
      log: () => {},
    });
    const { url } = await app.listen(0, "127.0.0.1");
    cleanups.push(() => app.close());
    return url;
  }

  it("signs a user up into the namespaced users table through the RDS endpoint", async () => {
    const url = await start(labConfig());
    expect((await healthOf(url)).database).toEqual({ status: "ok", code: null, users: 0 });

    const result = await new SignupClient(url).signUp({
      name: "홍길동",
      email: "gildong@example.com",
      password: "asdf1234!",
    });
    expect(result.status).toBe(200);

    const rows = await asRoot((query) => query(`SELECT name, email FROM ${prefix}form.users`));
    expect(rows).toEqual([{ name: "홍길동", email: "gildong@example.com" }]);
  });

  it("names the attendee's user, not the namespaced one, when the password is wrong", async () => {
    const url = await start(labConfig({ DB_USERPASSWORD: "wrong" }));
    const health = await healthOf(url);
    expect(health.database).toMatchObject({
      status: "access_denied",
      code: "ER_ACCESS_DENIED_ERROR",
    });

    const page = await new SignupClient(url).signUp({
      name: "a",
      email: "a@example.com",
      password: "asdf1234!",
    });
    expect(page.status).toBe(503);
    const html = decodeEntities(page.html);
    expect(html).toContain("Access denied for user 'form_user'");
    expect(html).not.toContain(prefix);
  });

  it("treats a DB_HOST outside the map as unresolvable without asking DNS", async () => {
    const lookups: string[] = [];
    const connects: string[] = [];
    const lookup = dns.lookup;
    vi.spyOn(dns, "lookup").mockImplementation(((hostname: string, ...rest: unknown[]) => {
      lookups.push(hostname);
      return (lookup as (...args: unknown[]) => unknown)(hostname, ...rest);
    }) as typeof dns.lookup);
    const connect = net.createConnection;
    const record = ((...args: unknown[]) => {
      const [options] = args;
      if (typeof options === "object" && options !== null && "host" in options) {
        connects.push(String(options.host));
      }
      return (connect as (...inner: unknown[]) => net.Socket)(...args);
    }) as typeof net.createConnection;
    vi.spyOn(net, "createConnection").mockImplementation(record);
    vi.spyOn(net, "connect").mockImplementation(record);

    const typo = "awslab.zzzzzzzz.ap-northeast-2.rds.amazonaws.com";
    const database = new Database(
      parseConfig(labConfig({ DB_HOST: typo }), { sandboxDatabase: JSON.stringify(sandbox) }),
    );
    expect(await database.health()).toEqual({
      status: "host_not_found",
      code: "ENOTFOUND",
      users: null,
    });
    await database.close();

    const url = await start(labConfig({ DB_HOST: typo }));
    expect((await healthOf(url)).database).toMatchObject({ status: "host_not_found" });
    const page = await new SignupClient(url).signUp({
      name: "a",
      email: "a@example.com",
      password: "asdf1234!",
    });
    expect(page.status).toBe(503);
    expect(decodeEntities(page.html)).toContain(`${typo} does not resolve in DNS`);

    // The test's own requests to the app are the only traffic, all on 127.0.0.1.
    expect(lookups.filter((host) => host !== "127.0.0.1")).toEqual([]);
    expect(connects.filter((host) => host !== "127.0.0.1")).toEqual([]);

    // The spies do see the driver's lookups: outside the sandbox the same app resolves DB_HOST.
    const outside = new Database(parseConfig(labConfig({ DB_HOST: "localhost", DB_PORT: "9" })));
    expect((await outside.health()).status).toBe("refused");
    await outside.close();
    expect(lookups).toContain("localhost");
  });
});
