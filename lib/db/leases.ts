import "server-only";
import { randomUUID } from "node:crypto";
import type { PortalDb } from "@/lib/db/connection";
import { log } from "@/lib/log";

/**
 * A named lease in the database, so several portal instances agree on who does something. A holder
 * that dies stops renewing and the lease lapses after `ttlMs`.
 */
export async function acquireLease(
  db: PortalDb,
  name: string,
  ttlMs: number,
  holder: string = randomUUID(),
): Promise<string | undefined> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto("leases")
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((conflict) =>
      conflict
        .column("name")
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where("leases.expires_at", "<=", now.toISOString()),
    )
    .execute();
  const row = await db
    .selectFrom("leases")
    .select("holder")
    .where("name", "=", name)
    .executeTakeFirst();
  return row?.holder === holder ? holder : undefined;
}

export async function renewLease(db: PortalDb, name: string, holder: string, ttlMs: number) {
  await db
    .updateTable("leases")
    .set({ expires_at: new Date(Date.now() + ttlMs).toISOString() })
    .where("name", "=", name)
    .where("holder", "=", holder)
    .execute();
}

export async function releaseLease(db: PortalDb, name: string, holder: string) {
  await db.deleteFrom("leases").where("name", "=", name).where("holder", "=", holder).execute();
}

/**
 * Runs `work` while holding the lease, renewing it on a third of its life; `undefined` without
 * running anything when someone else holds it.
 */
export async function withLease<T>(
  db: PortalDb,
  name: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<{ value: T } | undefined> {
  const holder = await acquireLease(db, name, ttlMs);
  if (!holder) return undefined;
  const renewal = setInterval(() => {
    renewLease(db, name, holder, ttlMs).catch((error: unknown) =>
      log().warn({ err: error, lease: name }, "lease renewal failed"),
    );
  }, ttlMs / 3);
  renewal.unref();
  try {
    return { value: await work() };
  } finally {
    clearInterval(renewal);
    await releaseLease(db, name, holder);
  }
}

/** At most once per `intervalMs` across every instance: the lease is kept, never released. */
export async function claimPeriodicRun(db: PortalDb, name: string, intervalMs: number) {
  return (await acquireLease(db, name, intervalMs)) !== undefined;
}

/** As `withLease`, but waits (up to `waitMs`) for the holder to finish instead of giving up. */
export async function withLeaseWhenFree<T>(
  db: PortalDb,
  name: string,
  ttlMs: number,
  work: () => Promise<T>,
  waitMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const held = await withLease(db, name, ttlMs, work);
    if (held) return held.value;
    if (Date.now() > deadline) throw new Error(`"${name}" stayed busy for ${waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}
