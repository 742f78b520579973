import "server-only";
import {
  type BucketAccess,
  type RolePolicies,
  readBucketAccess,
  readRolePolicies,
} from "@/lib/aws/iam-policies";
import { log } from "@/lib/log";
import { authorize } from "@/lib/sandbox/policy-evaluation";
import { type RoleSession, sessionArn } from "@/lib/sandbox/role-sessions";
import { LIST_CONDITION_KEYS, type PermissionCheck } from "@/lib/sandbox/s3-requests";
import { POLICY_CACHE_MS } from "@/lib/sandbox/timing";

export type Decision =
  | { outcome: "allowed" }
  /** The bucket does not exist: S3 answers NoSuchBucket before it looks at permissions. */
  | { outcome: "no-such-bucket" }
  | { outcome: "denied"; message: string };

// Every key the gate knows for a role session's request; aws:username is never set for a role.
const KNOWN_CONDITION_KEYS = [
  "aws:PrincipalArn",
  "aws:PrincipalAccount",
  "aws:PrincipalType",
  "aws:SecureTransport",
  "aws:CurrentTime",
  "aws:EpochTime",
  "aws:username",
  ...LIST_CONDITION_KEYS,
];

type Cached<T> = { readAt: number; value: Promise<T> };

/**
 * Decides an S3 request of an instance role session as IAM would: the role's identity policies
 * (inline and attached) together with the bucket policy.
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
    const now = Date.now();
    const decision = authorize({
      request: {
        principal: {
          kind: "role-session",
          accountId: session.accountId,
          roleArn: session.roleArn,
          sessionArn: sessionArn(session),
        },
        action: check.action,
        resource: check.resource,
        context: {
          "aws:PrincipalArn": session.roleArn,
          "aws:PrincipalAccount": session.accountId,
          "aws:PrincipalType": "AssumedRole",
          // On AWS the app talks to S3 over HTTPS; only the sandbox's loopback hop is plain HTTP.
          "aws:SecureTransport": "true",
          "aws:CurrentTime": new Date(now).toISOString(),
          "aws:EpochTime": String(Math.floor(now / 1000)),
          ...context,
        },
        knownKeys: KNOWN_CONDITION_KEYS,
      },
      identityPolicies: [...(policies?.inline ?? []), ...(policies?.attached ?? [])].map(
        ({ document }) => document,
      ),
      resourcePolicy: bucket?.exists ? bucket.policy : undefined,
      crossAccount: foreign,
    });
    if (decision.result === "allowed") return { outcome: "allowed" };
    const because =
      decision.result === "explicit-deny"
        ? `with an explicit deny in ${decision.policyType === "resource-based" ? "a resource-based" : "an identity-based"} policy`
        : `because no ${decision.policyType} policy allows the ${check.action} action`;
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
