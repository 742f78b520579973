// The AWS calls of one refresh of every step of the lab, against what it must call at least and
// against every check reading its own kinds: counted at the emulator (bench and tests).
import type { AwsClients } from "@/lib/aws/client";
import { CLEANUP_REGIONS } from "@/lib/lab/cleanup-inventory";
import { factReader, REGIONAL_KINDS, type LabScope } from "@/lib/lab/facts";
import type { LabStep } from "@/lib/lab/types";
import type { countingEmulator } from "./counting-emulator";

/** Listed once per account whatever the region: buckets, roles, instance profiles, users, health checks. */
const ACCOUNT_LISTS = [
  "s3:ListBuckets",
  "iam:ListRoles",
  "iam:ListInstanceProfiles",
  "iam:ListUsers",
  "route53:ListHealthChecks",
];

/** The class zone, through the event's role: its records and health checks, us-east-1's alarms and topics. */
const CLASS_ZONE_LISTS = [
  "route53:ListResourceRecordSets",
  "route53:ListHealthChecks",
  "cloudwatch:DescribeAlarms",
  "sns:ListTopics",
];

/**
 * What one refresh of every step must call at least: one list or describe per resource kind and
 * region in use (each regional kind in the event's region and the other lab region), the
 * account-wide lists, and the class zone's when the attendee has a part of it.
 */
function wholeLabLowerBound(eventRegion: string, scope: LabScope): number {
  const regions = new Set([eventRegion, ...CLEANUP_REGIONS]).size;
  const classZone = scope.sharedZone && scope.initials ? CLASS_ZONE_LISTS.length : 0;
  return regions * REGIONAL_KINDS.length + ACCOUNT_LISTS.length + classZone;
}

type Proxy = Awaited<ReturnType<typeof countingEmulator>>;

export type WholeLabCount = {
  lowerBound: number;
  /**
   * The process's first refresh of the account: it also reads what is then kept (the Web's AMI,
   * the event role's session, the class zone's names).
   */
  first: { calls: number; byOperation: Record<string, number> };
  /** One refresh of every step with one reader, as every scheduled refresh after the first. */
  whole: { calls: number; byOperation: Record<string, number> };
  /** Each step refreshed alone with a fresh reader, as if every check read its own kinds. */
  perStep: Record<string, number>;
  baseline: number;
};

/**
 * `accounts`: whose calls count (others reaching the emulator meanwhile don't); `beforeEach`
 * forgets what the process caches across refreshes for a while (the class zone's view), so
 * every count after the first starts alike.
 */
export async function countWholeLab(input: {
  aws: AwsClients;
  scope: LabScope;
  steps: LabStep[];
  proxy: Proxy;
  accounts: string[];
  beforeEach: () => void;
}): Promise<WholeLabCount> {
  const { aws, scope, steps, proxy } = input;
  const key = `whole-lab-count|${Date.now()}|${Math.random()}`;
  const counted = () =>
    Object.fromEntries(
      Object.entries(proxy.byOperation()).filter(([call]) =>
        input.accounts.includes(call.split(" ")[0] ?? ""),
      ),
    );
  const total = (calls: Record<string, number>) =>
    Object.values(calls).reduce((sum, count) => sum + count, 0);
  const refresh = async (name: string, needs: LabStep["needs"]) => {
    input.beforeEach();
    proxy.reset();
    await factReader(aws, `${key}|${name}`, scope).readAll(needs);
    return counted();
  };
  const everything = steps.flatMap((step) => step.needs);
  const first = await refresh("first", everything);
  const whole = await refresh("whole", everything);
  const perStep: Record<string, number> = {};
  for (const step of steps) perStep[step.id] = total(await refresh(step.id, step.needs));
  return {
    lowerBound: wholeLabLowerBound(aws.target.region, scope),
    first: { calls: total(first), byOperation: first },
    whole: { calls: total(whole), byOperation: whole },
    perStep,
    baseline: total(perStep),
  };
}
