import "server-only";
import { getDenialReasons, runSimulation } from "@cloud-copilot/iam-simulate";
import {
  type BucketAccess,
  type RolePolicies,
  readBucketAccess,
  readRolePolicies,
} from "@/lib/aws/iam-policies";
import { log } from "@/lib/log";
import { type RoleSession, sessionArn } from "@/lib/sandbox/role-sessions";
import type { PermissionCheck } from "@/lib/sandbox/s3-requests";

export type Decision =
  | { outcome: "allowed" }
  /** The bucket does not exist: S3 answers NoSuchBucket before it looks at permissions. */
  | { outcome: "no-such-bucket" }
  | { outcome: "denied"; message: string };

/** Policies are re-read after this long, so an attendee's policy change shows on the next upload. */
export const POLICY_CACHE_MS = 2_000;

// The simulator needs an owner account for a bucket of another emulator account; only
// "not the caller's" matters for the decision.
const FOREIGN_ACCOUNT = "000000000000";

type Cached<T> = { readAt: number; value: Promise<T> };

/**
 * Decides an S3 request of an instance role session as IAM would: the role's identity policies
 * (inline and attached) together with the bucket policy, evaluated by an IAM policy simulator.
 */
export class RoleAccessEvaluator {
  private readonly roles = new Map<string, Cached<RolePolicies | undefined>>();
  private readonly buckets = new Map<string, Cached<BucketAccess>>();

  constructor(private readonly cacheMs = POLICY_CACHE_MS) {}

  async decide(
    session: RoleSession,
    check: PermissionCheck,
    context: Record<string, string>,
  ): Promise<Decision> {
    const creating = check.action === "s3:CreateBucket";
    const [policies, bucket] = await Promise.all([
      this.cached(this.roles, `${session.accountId}/${session.roleName}`, () =>
        readRolePolicies(session.account, session.roleName),
      ),
      check.bucket && !creating
        ? this.cached(this.buckets, `${session.accountId}/${check.bucket}`, () =>
            readBucketAccess(session.account, check.bucket ?? ""),
          )
        : undefined,
    ]);
    if (bucket && !bucket.exists) return { outcome: "no-such-bucket" };
    if (policies && policies.unreadable.length > 0) {
      log().warn(
        { role: session.roleName, policies: policies.unreadable },
        "attached policies the emulator cannot read grant nothing in the sandbox",
      );
    }
    const foreign = bucket?.exists === true && !bucket.ownedByCaller;
    const result = await runSimulation(
      {
        request: {
          principal: sessionArn(session),
          action: check.action,
          resource: {
            resource: check.resource,
            accountId: foreign ? FOREIGN_ACCOUNT : session.accountId,
          },
          contextVariables: {
            "aws:PrincipalArn": session.roleArn,
            "aws:PrincipalAccount": session.accountId,
            "aws:PrincipalType": "AssumedRole",
            // On AWS the app talks to S3 over HTTPS; only the sandbox's loopback hop is plain HTTP.
            "aws:SecureTransport": "true",
            "aws:CurrentTime": new Date().toISOString(),
            "aws:EpochTime": String(Math.floor(Date.now() / 1000)),
            ...context,
          },
        },
        identityPolicies: [...(policies?.inline ?? []), ...(policies?.attached ?? [])].map(
          ({ name, document }) => ({ name, policy: document }),
        ),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: bucket?.exists ? bucket.policy : undefined,
      },
      {},
    );
    if (result.resultType === "error") {
      log().warn(
        { role: session.roleName, action: check.action, problem: result.errors.message },
        "sandbox policy simulation rejected its input; request denied",
      );
      return { outcome: "denied", message: "Access Denied" };
    }
    if (result.overallResult === "Allowed") return { outcome: "allowed" };
    const analysis =
      result.resultType === "single" ? result.result.analysis : result.results[0]?.analysis;
    const explicit = analysis
      ? getDenialReasons(analysis).find((reason) => reason.denialType === "Explicit")
      : undefined;
    const because = explicit
      ? `with an explicit deny in ${explicit.policyType === "resource" ? "a resource-based" : "an identity-based"} policy`
      : `because no ${foreign ? "resource-based" : "identity-based"} policy allows the ${check.action} action`;
    return {
      outcome: "denied",
      message: `User: ${sessionArn(session)} is not authorized to perform: ${check.action} on resource: "${check.resource}" ${because}`,
    };
  }

  private cached<T>(
    store: Map<string, Cached<T>>,
    key: string,
    read: () => Promise<T>,
  ): Promise<T> {
    const now = Date.now();
    const hit = store.get(key);
    if (hit && now - hit.readAt < this.cacheMs) return hit.value;
    for (const [staleKey, entry] of store) {
      if (now - entry.readAt >= this.cacheMs) store.delete(staleKey);
    }
    const value = read();
    store.set(key, { readAt: now, value });
    value.catch(() => store.delete(key));
    return value;
  }
}
