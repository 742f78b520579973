import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type PortalDb } from "@/lib/db/connection";

/**
 * The database back end the suite runs on: SQLite in memory by default, PostgreSQL when the
 * `postgres` Vitest project sets TEST_DATABASE (each call gets its own new database, dropped with
 * the connection).
 */
export const TEST_BACKEND = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database; the URL and a function that drops it. */
export async function scratchPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `aws101_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export async function testDatabase(backend = TEST_BACKEND): Promise<PortalDb> {
  if (backend === "sqlite") return openDatabase("file::memory:");
  const scratch = await scratchPostgres();
  const db = await openDatabase(scratch.url);
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    await destroy();
    await scratch.drop();
  };
  return db;
}

/** Two connections to one database, as two portal instances would hold them. */
export async function twoConnections(
  backend = TEST_BACKEND,
): Promise<{ first: PortalDb; second: PortalDb; close: () => Promise<void> }> {
  if (backend === "sqlite") {
    const directory = mkdtempSync(path.join(tmpdir(), "aws101-shared-"));
    const url = `file:${path.join(directory, "portal.db")}`;
    const first = await openDatabase(url);
    const second = await openDatabase(url);
    return {
      first,
      second,
      close: async () => {
        await Promise.all([first.destroy(), second.destroy()]);
        rmSync(directory, { recursive: true, force: true });
      },
    };
  }
  const scratch = await scratchPostgres();
  const first = await openDatabase(scratch.url);
  const second = await openDatabase(scratch.url);
  return {
    first,
    second,
    close: async () => {
      await Promise.all([first.destroy(), second.destroy()]);
      await scratch.drop();
    },
  };
}
