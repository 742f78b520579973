import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { migrationProvider } from "@/lib/db/migrations";
import type { Database } from "@/lib/db/schema";

export type PortalDb = Kysely<Database>;

export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`Unsupported DATABASE_URL "${url.split(":")[0]}:" — use file:./path.db`);
  }
  return url.slice("file:".length);
}

export async function openDatabase(url: string): Promise<PortalDb> {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
