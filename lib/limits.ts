import "server-only";

/** Events per key inside a sliding window: failed sign-ins, credential checks, joins. */
export class WindowLimiter {
  private readonly events = new Map<string, number[]>();
  private lastSweep: number;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.events.get(key) ?? []).filter((at) => at > since);
    if (kept.length > 0) this.events.set(key, kept);
    else this.events.delete(key);
    return kept;
  }

  /** A client that rotates its key never asks about the old one again: drop stale keys once a window. */
  private sweep() {
    const since = this.now() - this.windowMs;
    if (this.lastSweep > since) return;
    this.lastSweep = this.now();
    for (const [key, times] of this.events) {
      if ((times.at(-1) ?? 0) <= since) this.events.delete(key);
    }
  }

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.max;
  }

  /** Events for `key` inside the window (for limits that move, set by the caller). */
  count(key: string): number {
    return this.recent(key).length;
  }

  /** How long until `key` may go again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const times = this.recent(key);
    if (times.length < this.max) return 0;
    return (times[times.length - this.max] ?? this.now()) + this.windowMs - this.now();
  }

  record(key: string) {
    this.sweep();
    this.events.set(key, [...this.recent(key), this.now()]);
  }

  get trackedKeys(): number {
    return this.events.size;
  }
}

/** Which of the entries refused (its index) and for how long. */
export type Refusal = { index: number; retryAfterMs: number };

/**
 * Every limiter must allow the attempt before any of them counts it, so a refused attempt costs
 * nothing and can't use up the other keys it names (the event, the venue's address).
 */
export function takeAll(entries: [WindowLimiter, string][]): Refusal | undefined {
  for (const [index, [limiter, key]] of entries.entries()) {
    const retryAfterMs = limiter.retryAfterMs(key);
    if (retryAfterMs > 0) return { index, retryAfterMs };
  }
  for (const [limiter, key] of entries) limiter.record(key);
  return undefined;
}

/** A process-wide limiter: Next bundles server modules more than once, the counts must be one. */
export function sharedLimiter(name: string, make: () => WindowLimiter): WindowLimiter {
  const store = ((
    globalThis as { __aws101Limiters?: Map<string, WindowLimiter> }
  ).__aws101Limiters ??= new Map());
  let limiter = store.get(name);
  if (!limiter) {
    limiter = make();
    store.set(name, limiter);
  }
  return limiter;
}
