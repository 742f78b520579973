import type { DbInstanceSummary, InstanceSummary } from "@/lib/aws/types";
import { blocked, create, exists, fail, manual, msg, pass, update } from "@/lib/lab/build";
import { findWebInstance } from "@/lib/lab/compute-facts";
import {
  dbNotReadyEntry,
  dbNotReadyItem,
  findLabDb,
  needsDbEntry,
  needsDbItem,
  sameHost,
  webReachesDb,
} from "@/lib/lab/database-facts";
import type { Facts } from "@/lib/lab/facts";
import { LAB } from "@/lib/lab/names";
import { inspectLabSchema, schemaReady } from "@/lib/lab/sandbox-schema";
import { signUpOnSandboxApp } from "@/lib/lab/sandbox-signup";
import { needsWebEntry, needsWebItem } from "@/lib/lab/steps/web-server-group";
import { webAppHealth, type AppHealth } from "@/lib/lab/web-app-reach";
import { defineStep, type CheckItem, type PlanEntry, type StepContext } from "@/lib/lab/types";
import { SandboxDatabaseUnavailableError } from "@/lib/sandbox/database";

const group = LAB.dbSecurityGroup;

function hostItem(db: DbInstanceSummary, health: AppHealth): CheckItem {
  const endpoint = db.endpoint?.address ?? "—";
  const host = health.databaseTarget?.host;
  if (!host) {
    return fail("db-host", msg("check.appDb.host.empty"), msg("fix.appDb.config", { endpoint }));
  }
  return sameHost(host, endpoint)
    ? pass("db-host", msg("check.appDb.host.ok", { endpoint }))
    : fail(
        "db-host",
        msg("check.appDb.host.other", { host, endpoint }),
        msg("fix.appDb.config", { endpoint }),
      );
}

const DATABASE_PROBLEMS = {
  not_configured: "fix.appDb.config",
  timeout: "fix.appDb.route",
  refused: "fix.appDb.route",
  unreachable: "fix.appDb.route",
  host_not_found: "fix.appDb.config",
  access_denied: "fix.appDb.credentials",
  unknown_database: "fix.appDb.credentials",
  no_such_table: "fix.appDb.schema",
  old_password_column: "fix.appDb.schema",
} as const;

function connectionItem(db: DbInstanceSummary, health: AppHealth): CheckItem {
  const { status, code } = health.database;
  if (status === "ok") return pass("db-connection", msg("check.appDb.connection.ok"));
  const fix = Object.hasOwn(DATABASE_PROBLEMS, status)
    ? DATABASE_PROBLEMS[status as keyof typeof DATABASE_PROBLEMS]
    : "fix.appDb.credentials";
  return fail(
    "db-connection",
    msg("check.appDb.connection.failed", { status, code: code ?? "—" }),
    msg(fix, { endpoint: db.endpoint?.address ?? "—", group }),
  );
}

function signupItem(health: AppHealth, url: string): CheckItem {
  const users = health.database.status === "ok" ? (health.database.users ?? 0) : 0;
  return users > 0
    ? pass("signup", msg("check.appDb.signup.ok", { count: users }))
    : fail("signup", msg("check.appDb.signup.none"), msg("fix.appDb.signup", { url }));
}

async function adminItem(url: string, ctx: StepContext): Promise<CheckItem> {
  const admin = new URL("/admin", url).toString();
  const result = await ctx.probe(admin);
  if (result.ok && result.looksLikeSampleApp)
    return pass("admin", msg("check.appDb.admin.ok", { url: admin }));
  if (!result.ok && result.status === 401) {
    return pass("admin", msg("check.appDb.admin.protected", { url: admin }));
  }
  return fail(
    "admin",
    msg("check.appDb.admin.failed", {
      url: admin,
      status: result.ok ? result.status : (result.status ?? result.reason),
    }),
    msg("fix.appDb.admin"),
  );
}

/** In the sandbox the app reaches MariaDB whatever the groups say; AWS would not. */
function sandboxRouteItems(
  facts: Pick<Facts, "securityGroups">,
  db: DbInstanceSummary,
  web: InstanceSummary,
  ctx: StepContext,
) {
  if (!ctx.sandbox || webReachesDb(facts.securityGroups, db, web)) return [];
  return [
    fail("route", msg("check.appDb.sandboxRoute", { group }), msg("fix.appDb.route", { group })),
  ];
}

/** config.env with the lab's database settings, everything else as the attendee left it. */
export function withLabDatabase(config: string, endpoint: string): string {
  const values: Record<string, string> = {
    DB_HOST: endpoint,
    DB_PORT: "3306",
    DB_NAME: LAB.databaseName,
    DB_USER: LAB.databaseUser,
    DB_USERPASSWORD: LAB.databaseUserPassword,
  };
  const trailingNewline = config.endsWith("\n");
  const seen = new Set<string>();
  const lines = (trailingNewline ? config.slice(0, -1) : config).split("\n").map((line) => {
    const key = /^\s*(?:export\s+)?([A-Z_]+)\s*=/.exec(line)?.[1];
    if (!key || !(key in values) || seen.has(key)) return line;
    seen.add(key);
    return `${key} = ${values[key]}`;
  });
  const missing = Object.keys(values).filter((key) => !seen.has(key));
  const all = [...lines, ...missing.map((key) => `${key} = ${values[key]}`)];
  return all.join("\n") + (trailingNewline ? "\n" : "");
}

async function sandboxEntries(
  db: DbInstanceSummary,
  web: InstanceSummary,
  ctx: StepContext,
): Promise<PlanEntry[]> {
  const endpoint = db.endpoint?.address;
  if (!endpoint) return [dbNotReadyEntry(db)];
  const found = await webAppHealth(web, ctx, "app");
  if ("item" in found) return [blocked("app", msg("plan.appDb.appDown"))];
  const entries: PlanEntry[] = [];
  const host = found.health.databaseTarget?.host;
  const configured = host && sameHost(host, endpoint) && found.health.database.status === "ok";
  entries.push(
    configured
      ? exists("config", msg("plan.appDb.configExists", { endpoint }))
      : update(
          "config",
          msg("plan.appDb.config", { endpoint }),
          msg("done.appDb.config", { endpoint }),
          async ({ ctx: context }) => {
            const current = await context.sandboxConfig.read(web.id);
            if (current === undefined) throw new Error("the sandbox instance has no config.env");
            if (!(await context.sandboxConfig.save(web.id, withLabDatabase(current, endpoint)))) {
              throw new Error("the sandbox runtime did not save config.env");
            }
          },
        ),
  );
  let schema;
  try {
    schema = await inspectLabSchema(ctx.accountId);
  } catch (error) {
    if (!(error instanceof SandboxDatabaseUnavailableError)) throw error;
    entries.push(blocked("signup", msg("check.setup.sandboxDbDown")));
    return entries;
  }
  if (!schemaReady(schema)) {
    entries.push(blocked("signup", msg("plan.appDb.needsSchema")));
    return entries;
  }
  entries.push(
    (schema.rows ?? 0) > 0
      ? exists("signup", msg("plan.appDb.signupExists", { count: schema.rows ?? 0 }))
      : create(
          "signup",
          msg("plan.appDb.signup"),
          msg("done.appDb.signup"),
          async ({ ctx: context }) => {
            const app = await context.sandboxApp(web.id);
            if (app.state !== "running") throw new Error(`the sandbox app is ${app.state}`);
            await signUpOnSandboxApp(app.url, {
              name: "Do It For Me",
              email: "doitforme@example.com",
              password: "do-it-for-me",
            });
          },
        ),
  );
  return entries;
}

export const appDbStep = defineStep({
  id: "app-db",
  needs: ["instances", "dbInstances", "securityGroups"],
  started: () => false,
  async check(facts, ctx) {
    const web = findWebInstance(facts.instances);
    const db = findLabDb(facts.dbInstances);
    if (!web) return [needsWebItem];
    if (!db) return [needsDbItem];
    if (db.status !== "available") return [dbNotReadyItem(db)];
    const found = await webAppHealth(web, ctx, "app");
    if ("item" in found) return [found.item];
    const items = [hostItem(db, found.health), connectionItem(db, found.health)];
    items.push(...sandboxRouteItems(facts, db, web, ctx));
    items.push(signupItem(found.health, found.url));
    if (found.health.database.status === "ok") items.push(await adminItem(found.url, ctx));
    return items;
  },
  async plan(facts, ctx) {
    const web = findWebInstance(facts.instances);
    const db = findLabDb(facts.dbInstances);
    if (!web) return [needsWebEntry];
    if (!db) return [needsDbEntry];
    if (db.status !== "available") return [dbNotReadyEntry(db)];
    if (!ctx.sandbox) {
      return [
        manual("config", msg("plan.appDb.configManual", { endpoint: db.endpoint?.address ?? "—" })),
        manual("signup", msg("plan.appDb.signupManual")),
      ];
    }
    if (!webReachesDb(facts.securityGroups, db, web)) {
      return [blocked("route", msg("plan.appDb.needsRoute", { group }))];
    }
    return sandboxEntries(db, web, ctx);
  },
});
