import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Dialect } from "kysely";
import pg from "pg";
import { migrationProvider } from "@/lib/db/migrations";
import { log } from "@/lib/log";
import type { Database } from "@/lib/db/schema";

export type PortalDb = Kysely<Database>;

export type DatabaseKind = "sqlite" | "postgres";

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  throw new Error(
    `Unsupported DATABASE_URL "${url.split(":")[0]}:" — use file:./path.db or postgres://user@host/db`,
  );
}

export function sqlitePathFromUrl(url: string): string {
  if (databaseKind(url) !== "sqlite") throw new Error("Not a SQLite DATABASE_URL");
  return url.slice("file:".length);
}

function sqliteDialect(url: string): Dialect {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  // better-sqlite3 is synchronous: with the default FULL every commit waits for an fsync on the
  // event loop, and last-seen and status writes then stall every request behind them. Under WAL,
  // NORMAL stays consistent after a crash (it may lose the last commits on power loss only).
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database: sqlite });
}

// int8 (count(*), sums) arrives as a string by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function postgresDialect(url: string): Dialect {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection the server ends (a restart, a failover) is an 'error' event on the pool:
  // unheard, it ends the portal. The pool has already dropped it and connects anew when asked.
  pool.on("error", (error) => log().warn({ err: error }, "database connection lost"));
  return new PostgresDialect({ pool });
}

// Per process, not per route bundle: the bundle that opened a connection is not always the one
// asking where it goes (the change feed would take PostgreSQL for SQLite).
const urls = ((
  globalThis as { __aws101DatabaseUrls?: WeakMap<PortalDb, string> }
).__aws101DatabaseUrls ??= new WeakMap());

/** Where a connection goes, for the few places that differ by back end (LISTEN/NOTIFY). */
export function urlOf(db: PortalDb): string {
  return urls.get(db) ?? "file::memory:";
}

export async function openDatabase(url: string): Promise<PortalDb> {
  const kind = databaseKind(url);
  const db = new Kysely<Database>({
    dialect: kind === "sqlite" ? sqliteDialect(url) : postgresDialect(url),
  });
  urls.set(db, url);
  await migrate(db);
  return db;
}

export async function migrate(db: PortalDb): Promise<void> {
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider,
    // Migrations are numbered when their work starts and may land out of order (0005 before 0003).
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ""}`, {
      cause: error,
    });
  }
}
