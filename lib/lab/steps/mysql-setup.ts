import type { DbInstanceSummary, InstanceSummary } from "@/lib/aws/types";
import {
  blocked,
  create,
  exists,
  fail,
  manual,
  msg,
  pass,
  pending,
  unobservable,
  update,
  warn,
} from "@/lib/lab/build";
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
import { LAB } from "@/lib/lab/names";
import {
  LAB_SQL,
  inspectLabSchema,
  runLabStatements,
  type LabSchema,
} from "@/lib/lab/sandbox-schema";
import { needsWebEntry, needsWebItem } from "@/lib/lab/steps/web-server-group";
import { webAppHealth, type AppHealth } from "@/lib/lab/web-app-reach";
import { defineStep, type CheckItem, type PlanEntry, type StepContext } from "@/lib/lab/types";
import { SandboxDatabaseUnavailableError } from "@/lib/sandbox/database";
import { PASSWORD_HASH_LENGTH } from "@/sample-app/src/password";

const { databaseName: database, databaseUser: user } = LAB;
const names = { database, user };

const sandboxDatabaseDown = unobservable("schema", msg("check.setup.sandboxDbDown"));

/** In the sandbox the portal runs the MariaDB behind the emulated endpoint, so it looks itself. */
async function sandboxItems(ctx: StepContext): Promise<CheckItem[]> {
  let schema: LabSchema;
  try {
    schema = await inspectLabSchema(ctx.accountId);
  } catch (error) {
    if (error instanceof SandboxDatabaseUnavailableError) return [sandboxDatabaseDown];
    throw error;
  }
  const items: CheckItem[] = [
    schema.database
      ? pass("database", msg("check.setup.database.ok", names))
      : fail(
          "database",
          msg("check.setup.database.missing", names),
          msg("fix.setup.database", names),
        ),
    schema.user
      ? pass("user", msg("check.setup.user.ok", names))
      : fail("user", msg("check.setup.user.missing", names), msg("fix.setup.user", names)),
  ];
  if (schema.user) {
    items.push(
      schema.grant
        ? pass("grant", msg("check.setup.grant.ok", names))
        : fail("grant", msg("check.setup.grant.missing", names), msg("fix.setup.grant", names)),
    );
  }
  if (!schema.table) {
    items.push(
      fail("table", msg("check.setup.table.missing", names), msg("fix.setup.table", names)),
    );
  } else if ((schema.passwordLength ?? 0) < PASSWORD_HASH_LENGTH) {
    items.push(
      fail(
        "table",
        msg("check.setup.table.narrow", {
          type: schema.passwordType ?? "?",
          length: PASSWORD_HASH_LENGTH,
        }),
        msg("fix.setup.widen"),
      ),
    );
  } else {
    items.push(pass("table", msg("check.setup.table.ok", names)));
  }
  return items;
}

/** What the app's database status says about the lab's SQL, and where to look. */
const APP_STATUS_ITEMS = {
  unknown_database: { message: "unknownDatabase", fix: "fix.setup.database" },
  access_denied: { message: "accessDenied", fix: "fix.setup.userAndGrant" },
  no_such_table: { message: "noTable", fix: "fix.setup.table" },
  old_password_column: { message: "narrow", fix: "fix.setup.widen" },
  timeout: { message: "unreachable", fix: "fix.setup.route" },
  refused: { message: "unreachable", fix: "fix.setup.route" },
  unreachable: { message: "unreachable", fix: "fix.setup.route" },
} as const;

/** On AWS the database is private: what the lab's SQL made shows only through the app on Web. */
function viaAppItems(db: DbInstanceSummary, health: AppHealth): CheckItem[] {
  const target = health.databaseTarget;
  const endpoint = db.endpoint?.address;
  if (!endpoint || !target?.host || !sameHost(target.host, endpoint)) {
    return [pending("schema", msg("check.setup.viaAppLater", { endpoint: endpoint ?? "—" }))];
  }
  const params = {
    database: target.name ?? "—",
    user: target.user ?? "—",
    status: health.database.status,
    code: health.database.code ?? "—",
    length: PASSWORD_HASH_LENGTH,
  };
  if (health.database.status === "ok") {
    const items = [pass("schema", msg("check.setup.viaApp.ok", params))];
    if (target.name !== database || target.user !== user) {
      items.push(
        warn(
          "names",
          msg("check.setup.viaApp.otherNames", { ...params, labDatabase: database, labUser: user }),
        ),
      );
    }
    return items;
  }
  const status = health.database.status;
  const known = Object.hasOwn(APP_STATUS_ITEMS, status)
    ? APP_STATUS_ITEMS[status as keyof typeof APP_STATUS_ITEMS]
    : undefined;
  return [
    known
      ? fail("schema", msg(`check.setup.viaApp.${known.message}`, params), msg(known.fix, names))
      : fail(
          "schema",
          msg("check.setup.viaApp.other", params),
          msg("fix.setup.userAndGrant", names),
        ),
  ];
}

async function awsItems(db: DbInstanceSummary, web: InstanceSummary | undefined, ctx: StepContext) {
  if (!web) return [needsWebItem];
  const found = await webAppHealth(web, ctx, "schema");
  return "item" in found ? [found.item] : viaAppItems(db, found.health);
}

function sqlEntries(schema: LabSchema, accountId: string): PlanEntry[] {
  const run = (sql: string) => () => runLabStatements(accountId, sql);
  const entries: PlanEntry[] = [];
  entries.push(
    schema.database
      ? exists("database", msg("plan.setup.database.exists", names))
      : create(
          "database",
          msg("plan.setup.database", names),
          msg("done.setup.database", names),
          run(LAB_SQL.database),
        ),
  );
  entries.push(
    schema.user
      ? exists("user", msg("plan.setup.user.exists", names))
      : create(
          "user",
          msg("plan.setup.user", names),
          msg("done.setup.user", names),
          run(LAB_SQL.user),
        ),
  );
  if (!schema.grant) {
    entries.push(
      create(
        "grant",
        msg("plan.setup.grant", names),
        msg("done.setup.grant", names),
        run(LAB_SQL.grant),
      ),
    );
  }
  if (!schema.table) {
    entries.push(
      create(
        "table",
        msg("plan.setup.table", names),
        msg("done.setup.table", names),
        run(`${LAB_SQL.use}\n${LAB_SQL.table}`),
      ),
    );
  } else if ((schema.passwordLength ?? 0) < PASSWORD_HASH_LENGTH) {
    entries.push(
      update("table", msg("plan.setup.widen"), msg("done.setup.widen"), run(LAB_SQL.widen)),
    );
  } else {
    entries.push(exists("table", msg("plan.setup.table.exists", names)));
  }
  return entries;
}

export const mysqlSetupStep = defineStep({
  id: "mysql-setup",
  needs: ["dbInstances", "instances", "securityGroups"],
  started: () => false,
  async check(facts, ctx) {
    const db = findLabDb(facts.dbInstances);
    if (!db) return [needsDbItem];
    if (db.status !== "available") return [dbNotReadyItem(db)];
    return ctx.sandbox ? sandboxItems(ctx) : awsItems(db, findWebInstance(facts.instances), ctx);
  },
  async plan(facts, ctx) {
    const db = findLabDb(facts.dbInstances);
    if (!db) return [needsDbEntry];
    if (db.status !== "available") return [dbNotReadyEntry(db)];
    if (!ctx.sandbox) return [manual("sql", msg("plan.setup.awsManual"))];
    const web = findWebInstance(facts.instances);
    if (!web) return [needsWebEntry];
    // As on AWS, `mysql -h <endpoint>` from Web gets through only with the 3306 rule.
    if (!webReachesDb(facts.securityGroups, db, web)) {
      return [blocked("connect", msg("plan.setup.noRoute", { group: LAB.dbSecurityGroup }))];
    }
    try {
      return sqlEntries(await inspectLabSchema(ctx.accountId), ctx.accountId);
    } catch (error) {
      if (error instanceof SandboxDatabaseUnavailableError) {
        return [blocked("schema", msg("check.setup.sandboxDbDown"))];
      }
      throw error;
    }
  },
});
