import "server-only";

/**
 * Route 53 answers five API requests a second per account, and the whole class works in the
 * instructor's account. The shared class-zone view spends about one of them; per-attendee reads
 * (a health check's status, a DNS answer) share what is left at this rate, reusing their last
 * answer meanwhile.
 */
const REQUESTS_PER_SECOND = 2;
const BURST = 4;

type Bucket = { tokens: number; at: number };
type Answer = { at: number; value: Promise<unknown> };

type BudgetState = { buckets: Map<string, Bucket>; answers: Map<string, Answer> };

// Per process: one budget per instructor account.
const budget = ((globalThis as { __aws101Route53Budget?: BudgetState }).__aws101Route53Budget ??= {
  buckets: new Map(),
  answers: new Map(),
});

function takeToken(account: string): boolean {
  const now = Date.now();
  const bucket = budget.buckets.get(account) ?? { tokens: BURST, at: now };
  bucket.tokens = Math.min(BURST, bucket.tokens + ((now - bucket.at) / 1000) * REQUESTS_PER_SECOND);
  bucket.at = now;
  budget.buckets.set(account, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * `read`'s answer for `key`, reused for `ttlMs`; afterwards asked again when the account's budget
 * allows, else the last answer (undefined when there never was one).
 */
export function budgetedRoute53Read<T>(
  account: string,
  key: string,
  ttlMs: number,
  read: () => Promise<T>,
): Promise<T | undefined> {
  const answerKey = `${account}|${key}`;
  const last = budget.answers.get(answerKey) as { at: number; value: Promise<T> } | undefined;
  if (last && Date.now() - last.at < ttlMs) return last.value;
  if (!takeToken(account)) return last ? last.value : Promise.resolve(undefined);
  const value = read();
  budget.answers.set(answerKey, { at: Date.now(), value });
  value.catch(() => {
    if (budget.answers.get(answerKey)?.value === value) budget.answers.delete(answerKey);
  });
  return value;
}

/** After the attendee changed what `key` answers about: the next read asks Route 53 again. */
export function forgetRoute53Answer(account: string, key: string) {
  budget.answers.delete(`${account}|${key}`);
}
