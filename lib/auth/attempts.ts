import "server-only";

/**
 * Counts failed join attempts per client so a join code can't be guessed by brute force.
 * In-process, like the status cache; several portal instances will share it through the database.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.maxFailures;
  }

  fail(key: string) {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }
}

export const joinAttempts = new AttemptLimiter(10, 10 * 60 * 1000);
