import "server-only";
import type { AwsClients } from "@/lib/aws/client";
import { testDnsAnswer, type DnsAnswer } from "@/lib/aws/route53";
import { budgetedRoute53Read, forgetRoute53Answer } from "@/lib/lab/route53-budget";

/** What Route 53 answers for the attendee's name, or why it wasn't asked. */
export type RecordDnsAnswer =
  | { state: "sandbox" }
  | { state: "not-asked" }
  /** Route 53's request budget for the class is spent for now: asked on a later refresh. */
  | { state: "deferred" }
  | ({ state: "answered" } & DnsAnswer);

const ANSWER_TTL_MS = 20_000;

const answerKey = (zoneId: string, name: string) => `dns|${zoneId}|${name}`;

export function forgetDnsAnswer(account: string, zoneId: string, name: string) {
  forgetRoute53Answer(account, answerKey(zoneId, name));
}

/** Route 53's answer, within the instructor account's budget; undefined while it has none to spare. */
export function budgetedDnsAnswer(
  aws: AwsClients,
  account: string,
  zoneId: string,
  name: string,
): Promise<DnsAnswer | undefined> {
  return budgetedRoute53Read(account, answerKey(zoneId, name), ANSWER_TTL_MS, () =>
    testDnsAnswer(aws, zoneId, name, "A"),
  );
}
