import "server-only";
import { db } from "@/lib/db";
import type { PortalDb } from "@/lib/db/connection";

/** Where a limiter keeps its events: in memory (tests) or in the database (every instance). */
export interface WindowStore {
  /** The times of `key`'s events after `since`, oldest first. */
  times(key: string, since: number): Promise<number[]>;
  add(key: string, at: number): Promise<void>;
}

export class MemoryWindowStore implements WindowStore {
  private readonly events = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(private readonly windowMs: number) {}

  async times(key: string, since: number) {
    const kept = (this.events.get(key) ?? []).filter((at) => at > since);
    if (kept.length > 0) this.events.set(key, kept);
    else this.events.delete(key);
    return kept;
  }

  /** A client that rotates its key never asks about the old one again: drop stale keys once a window. */
  async add(key: string, at: number) {
    const since = at - this.windowMs;
    if (this.lastSweep <= since) {
      this.lastSweep = at;
      for (const [stale, times] of this.events) {
        if ((times.at(-1) ?? 0) <= since) this.events.delete(stale);
      }
    }
    this.events.set(key, [...(await this.times(key, since)), at]);
  }

  get trackedKeys(): number {
    return this.events.size;
  }
}

const SWEEP_EVERY_MS = 60_000;
/** Longer than the longest window any limiter uses. */
const KEEP_EVENTS_MS = 24 * 60 * 60 * 1000;

/** Events in the `rate_events` table, so every portal instance counts the same attempts. */
export class DatabaseWindowStore implements WindowStore {
  constructor(
    private readonly limiter: string,
    private readonly database: () => Promise<PortalDb>,
  ) {}

  async times(key: string, since: number) {
    const rows = await (
      await this.database()
    )
      .selectFrom("rate_events")
      .select("at")
      .where("limiter", "=", this.limiter)
      .where("key", "=", key)
      .where("at", ">", since)
      .orderBy("at")
      .execute();
    return rows.map((row) => Number(row.at));
  }

  async add(key: string, at: number) {
    const db = await this.database();
    await db.insertInto("rate_events").values({ limiter: this.limiter, key, at }).execute();
    const sweeps = ((globalThis as { __aws101RateSweep?: { at: number } }).__aws101RateSweep ??= {
      at: 0,
    });
    if (at - sweeps.at < SWEEP_EVERY_MS) return;
    sweeps.at = at;
    await db
      .deleteFrom("rate_events")
      .where("at", "<=", at - KEEP_EVENTS_MS)
      .execute();
  }
}

/** Events per key inside a sliding window: failed sign-ins, credential checks, joins. */
export class WindowLimiter {
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    readonly store: WindowStore = new MemoryWindowStore(windowMs),
  ) {}

  private recent(key: string) {
    return this.store.times(key, this.now() - this.windowMs);
  }

  async isBlocked(key: string): Promise<boolean> {
    return (await this.recent(key)).length >= this.max;
  }

  /** Events for `key` inside the window (for limits that move, set by the caller). */
  async count(key: string): Promise<number> {
    return (await this.recent(key)).length;
  }

  /** How long until `key` may go again; 0 when it may now. */
  async retryAfterMs(key: string): Promise<number> {
    const times = await this.recent(key);
    if (times.length < this.max) return 0;
    return (times[times.length - this.max] ?? this.now()) + this.windowMs - this.now();
  }

  async record(key: string) {
    await this.store.add(key, this.now());
  }
}

/** Which of the entries refused (its index) and for how long. */
export type Refusal = { index: number; retryAfterMs: number };

/**
 * Every limiter must allow the attempt before any of them counts it, so a refused attempt costs
 * nothing and can't use up the other keys it names (the event, the venue's address).
 */
export async function takeAll(entries: [WindowLimiter, string][]): Promise<Refusal | undefined> {
  for (const [index, [limiter, key]] of entries.entries()) {
    const retryAfterMs = await limiter.retryAfterMs(key);
    if (retryAfterMs > 0) return { index, retryAfterMs };
  }
  for (const [limiter, key] of entries) await limiter.record(key);
  return undefined;
}

/** A limiter whose events live in the portal's database: one count across every instance. */
export function sharedLimiter(name: string, max: number, windowMs: number): WindowLimiter {
  return new WindowLimiter(max, windowMs, Date.now, new DatabaseWindowStore(name, db));
}
