import "server-only";
import type { AwsClients } from "@/lib/aws/client";
import { testDnsAnswer, type DnsAnswer } from "@/lib/aws/route53";

/** What Route 53 answers for the attendee's name, or why it wasn't asked. */
export type RecordDnsAnswer =
  { state: "sandbox" } | { state: "not-asked" } | ({ state: "answered" } & DnsAnswer);

/**
 * TestDNSAnswer counts against the instructor account's five Route 53 requests a second, like
 * every read of the class zone: one answer per name is reused for a while.
 */
const ANSWER_TTL_MS = 20_000;

type Cached = { at: number; answer: Promise<DnsAnswer> };

// Per process: one answer per record name for the whole class.
const answers = ((globalThis as { __aws101DnsAnswers?: Map<string, Cached> }).__aws101DnsAnswers ??=
  new Map());

export function forgetDnsAnswer(zoneId: string, name: string) {
  answers.delete(`${zoneId}|${name}`);
}

export function cachedDnsAnswer(aws: AwsClients, zoneId: string, name: string): Promise<DnsAnswer> {
  const key = `${zoneId}|${name}`;
  const cached = answers.get(key);
  if (cached && Date.now() - cached.at < ANSWER_TTL_MS) return cached.answer;
  const answer = testDnsAnswer(aws, zoneId, name, "A");
  answers.set(key, { at: Date.now(), answer });
  answer.catch(() => {
    if (answers.get(key)?.answer === answer) answers.delete(key);
  });
  return answer;
}
