import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

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

const counting = ((
  globalThis as { __aws101Counting?: AsyncLocalStorage<AwsCallCounter> }
).__aws101Counting ??= new AsyncLocalStorage<AwsCallCounter>());

/** Counts the calls `work` makes on any client, so clients can be reused across refreshes. */
export function countingCalls<T>(counter: AwsCallCounter, work: () => T): T {
  return counting.run(counter, work);
}

export function currentCallCounter(): AwsCallCounter | undefined {
  return counting.getStore();
}
