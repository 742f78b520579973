import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type PortalDb } from "@/lib/db/connection";

const globalForDb = globalThis as unknown as { portalDb?: Promise<PortalDb> };

export function db(): Promise<PortalDb> {
  globalForDb.portalDb ??= openDatabase(env().DATABASE_URL);
  return globalForDb.portalDb;
}
