import "server-only";

/** Counts logical AWS calls (not retries) so a request's AWS cost can be measured and budgeted. */
export class AwsCallCounter {
  private readonly calls = new Map<string, number>();

  record(service: string, operation: string) {
    const key = `${service}:${operation}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  get total(): number {
    let sum = 0;
    for (const count of this.calls.values()) sum += count;
    return sum;
  }

  byOperation(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
