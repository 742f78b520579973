import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** One answered call: which operation and AWS's request id for it (the audit log keeps these). */
export type AwsRequest = { operation: string; requestId?: string; errorCode?: string };

/** Counts logical AWS calls (not retries) so a request's AWS cost can be measured and budgeted. */
export class AwsCallCounter {
  private readonly calls = new Map<string, number>();
  readonly requests: AwsRequest[] = [];

  record(service: string, operation: string) {
    const key = `${service}:${operation}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  answered(service: string, operation: string, answer: { requestId?: string; error?: unknown }) {
    const failure = answer.error as
      { name?: string; Code?: string; $metadata?: { requestId?: string } } | undefined;
    const requestId = answer.requestId ?? failure?.$metadata?.requestId;
    const errorCode = failure ? (failure.Code ?? failure.name) : undefined;
    this.requests.push({
      operation: `${service}:${operation}`,
      ...(requestId ? { requestId } : {}),
      ...(errorCode ? { errorCode } : {}),
    });
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
