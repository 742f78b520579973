import type {
  BucketAccessConfig,
  BucketSummary,
  PublicAccessBlockFlags,
  RoleSummary,
} from "@/lib/aws/types";
import type { AccountPublicAccess } from "@/lib/aws/s3-control";
import { LAB } from "@/lib/lab/names";
import {
  authorize,
  trustPolicyAllows,
  type PolicyDecision,
  type RequestPrincipal,
} from "@/lib/sandbox/policy-evaluation";

const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;

/** An object as the sample app names its uploads: what a policy for the app must cover. */
const UPLOAD_KEY = "uploads/example/attachment.png";
const objectArn = (bucket: string, key = UPLOAD_KEY) => `${bucketArn(bucket)}/${key}`;
const uploadArn = (bucket: string) => objectArn(bucket);

export function labBuckets(buckets: BucketSummary[]): BucketSummary[] {
  return buckets.filter((bucket) => bucket.name.startsWith(LAB.bucketPrefix));
}

/** The lab bucket the later steps build on: in the event's region, the oldest first. */
export function findLabBucket(buckets: BucketSummary[], region: string): BucketSummary | undefined {
  return labBuckets(buckets)
    .filter((bucket) => bucket.details?.region === region)
    .sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? ""))[0];
}

export const findLabRole = (roles: RoleSummary[]) => roles.find((role) => role.name === LAB.role);

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether EC2 may assume the role: its trust policy, evaluated as IAM would for ec2.amazonaws.com. */
export function ec2MayAssume(role: RoleSummary): boolean {
  return trustPolicyAllows(parseJson(role.trustPolicy), {
    principal: { kind: "service", service: "ec2.amazonaws.com" },
    action: "sts:AssumeRole",
    resource: role.arn,
    context: {},
    knownKeys: [],
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const statementsOf = (policy: unknown): unknown[] => {
  if (!isRecord(policy)) return [];
  return Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
};

const stringsIn = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === "string",
  );

/** The services a trust policy names, for saying which one the role was made for. */
export function trustedServices(role: RoleSummary): string[] {
  return statementsOf(parseJson(role.trustPolicy)).flatMap((statement) =>
    isRecord(statement) && isRecord(statement.Principal)
      ? stringsIn(statement.Principal.Service)
      : [],
  );
}

/** Why a request is or is not allowed, in the terms the lab's mistakes come in. */
export type GrantExplanation =
  | { verdict: "allowed" }
  | { verdict: "explicit-deny" }
  /** Allowed on the bucket's ARN, not on its objects: the missing `/*`. */
  | { verdict: "bucket-arn-only" }
  /** Allowed on the objects, not on the bucket's own ARN (what ListBucket needs). */
  | { verdict: "object-arn-only" }
  /** Allowed on these other buckets: a typo in the bucket name. */
  | { verdict: "other-bucket"; buckets: string[] }
  /** The resource is covered, for other actions only. */
  | { verdict: "action-missing"; granted: string[] }
  | { verdict: "nothing" };

type Decide = (action: string, resource: string) => PolicyDecision;

/** Actions of the same resource type, for naming what a policy grants instead. */
const RELATED_ACTIONS = {
  object: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
  bucket: ["s3:ListBucket", "s3:GetBucketLocation"],
};

/** Bucket names in the policies' S3 ARNs other than `bucket`, wildcards excluded. */
function otherBuckets(documents: unknown[], bucket: string): string[] {
  const names = documents
    .flatMap(statementsOf)
    .flatMap((statement) => (isRecord(statement) ? stringsIn(statement.Resource) : []))
    .flatMap((arn) => /^arn:aws:s3:::([^/*?]+)/.exec(arn)?.[1] ?? []);
  return [...new Set(names)].filter((name) => name !== bucket);
}

/**
 * Asks the evaluator (never the policy text) whether `action` is allowed on the bucket or its
 * uploads, and when not, which near miss would have been: the other ARN form, another bucket's
 * name, another action.
 */
export function explainGrant(input: {
  decide: Decide;
  documents: unknown[];
  action: string;
  bucket: string;
  on: "object" | "bucket";
  /** The object asked about; the sample app's uploads unless said. */
  key?: string;
}): GrantExplanation {
  const { decide, action, bucket, on, key } = input;
  const resourceFor = (name: string) => (on === "object" ? objectArn(name, key) : bucketArn(name));
  const decision = decide(action, resourceFor(bucket));
  if (decision.result === "allowed") return { verdict: "allowed" };
  if (decision.result === "explicit-deny") return { verdict: "explicit-deny" };
  const otherForm = on === "object" ? bucketArn(bucket) : objectArn(bucket, key);
  if (decide(action, otherForm).result === "allowed") {
    return { verdict: on === "object" ? "bucket-arn-only" : "object-arn-only" };
  }
  const others = otherBuckets(input.documents, bucket).filter(
    (name) => decide(action, resourceFor(name)).result === "allowed",
  );
  if (others.length > 0) return { verdict: "other-bucket", buckets: others };
  const granted = RELATED_ACTIONS[on].filter(
    (other) => other !== action && decide(other, resourceFor(bucket)).result === "allowed",
  );
  return granted.length > 0 ? { verdict: "action-missing", granted } : { verdict: "nothing" };
}

/**
 * The role's session on Web, deciding with its identity policies alone (which never name the
 * session, so any instance id stands in for Web's).
 */
export function roleDecider(input: {
  accountId: string;
  roleArn: string;
  policies: unknown[];
}): Decide {
  const principal: RequestPrincipal = {
    kind: "role-session",
    accountId: input.accountId,
    roleArn: input.roleArn,
    sessionArn: `arn:aws:sts::${input.accountId}:assumed-role/${LAB.role}/i-web`,
  };
  return (action, resource) =>
    authorize({
      request: {
        principal,
        action,
        resource,
        context: {
          "aws:PrincipalArn": input.roleArn,
          "aws:PrincipalAccount": input.accountId,
          "aws:PrincipalType": "AssumedRole",
          "aws:SecureTransport": "true",
        },
        knownKeys: [
          "aws:PrincipalArn",
          "aws:PrincipalAccount",
          "aws:PrincipalType",
          "aws:SecureTransport",
          "aws:username",
        ],
      },
      identityPolicies: input.policies,
      crossAccount: false,
    });
}

/** Anyone on the internet, with only the bucket policy to grant them anything. */
function anonymousDecider(policy: unknown): Decide {
  return (action, resource) =>
    authorize({
      request: {
        principal: { kind: "anonymous" },
        action,
        resource,
        context: { "aws:SecureTransport": "true" },
        knownKeys: ["aws:SecureTransport"],
      },
      identityPolicies: [],
      resourcePolicy: policy,
      crossAccount: false,
    });
}

/** Whether the bucket policy alone lets anyone on the internet do `action` on the object `key`. */
export const anonymousMay = (policy: unknown, action: string, bucket: string, key: string) =>
  anonymousDecider(policy)(action, objectArn(bucket, key)).result === "allowed";

/** The lab's inline policy (IAM Policy 생성): every S3 action on the bucket and its objects. */
export function labRolePolicy(bucket: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: "s3:*",
        Resource: [bucketArn(bucket), `${bucketArn(bucket)}/*`],
      },
    ],
  };
}

export const ec2TrustPolicy = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "ec2.amazonaws.com" },
      Action: "sts:AssumeRole",
    },
  ],
};

/** The lab's public statement, verbatim (S3 object에 public access 권한 부여). */
export const addPermStatement = (bucket: string) => ({
  Sid: LAB.publicStatementSid,
  Effect: "Allow",
  Principal: "*",
  Action: ["s3:GetObject"],
  Resource: [`${bucketArn(bucket)}/*`],
});

/** What the console adds to a log bucket with ACLs disabled: S3's log delivery may write there. */
export const logDeliveryStatement = (input: {
  source: string;
  target: string;
  prefix: string;
  accountId: string;
}) => ({
  Sid: "S3ServerAccessLogsPolicy",
  Effect: "Allow",
  Principal: { Service: "logging.s3.amazonaws.com" },
  Action: "s3:PutObject",
  Resource: `${bucketArn(input.target)}/${input.prefix}*`,
  Condition: {
    ArnLike: { "aws:SourceArn": bucketArn(input.source) },
    StringEquals: { "aws:SourceAccount": input.accountId },
  },
});

/** The bucket policy with `statement` added (or put in place of one with the same Sid). */
export function withStatement(
  policy: Record<string, unknown> | undefined,
  statement: Record<string, unknown>,
): Record<string, unknown> {
  const kept = statementsOf(policy).filter(
    (existing) => !(isRecord(existing) && existing.Sid === statement.Sid),
  );
  return { Version: "2012-10-17", ...policy, Statement: [...kept, statement] };
}

/** The statements that, each on its own, let anyone read the bucket's objects. */
export function isPublicReadStatement(statement: unknown, bucket: string): boolean {
  return (
    anonymousDecider({ Version: "2012-10-17", Statement: [statement] })(
      "s3:GetObject",
      uploadArn(bucket),
    ).result === "allowed"
  );
}

/** The policy without its public-read statements; undefined when nothing else remains. */
export function withoutPublicRead(
  policy: Record<string, unknown>,
  bucket: string,
): Record<string, unknown> | undefined {
  const kept = statementsOf(policy).filter(
    (statement) => !isPublicReadStatement(statement, bucket),
  );
  return kept.length > 0 ? { ...policy, Statement: kept } : undefined;
}

type Level = "account" | "bucket";

/** Whether anyone can read the bucket's uploads, and which switch stops them if not. */
export type PublicRead = {
  /** The bucket policy lets anyone GetObject (or why not). */
  policy: GrantExplanation | undefined;
  /** The newest upload's ACL grants everyone READ. */
  acl: boolean;
  ownership?: BucketAccessConfig["ownership"];
  /** Where RestrictPublicBuckets ignores a public policy, and IgnorePublicAcls a public ACL. */
  policyIgnoredAt: Level[];
  aclIgnoredAt: Level[];
  /** Where BlockPublicPolicy refuses a new public policy, BlockPublicAcls a new public ACL. */
  policyBlockedAt: Level[];
  aclBlockedAt: Level[];
  aclsDisabled: boolean;
  viaPolicy: boolean;
  viaAcl: boolean;
};

export function publicReadOf(input: {
  bucket: string;
  access: BucketAccessConfig;
  bucketBlock: PublicAccessBlockFlags;
  account: AccountPublicAccess | undefined;
  /** The object whose public read matters; the sample app's uploads unless said. */
  key?: string;
}): PublicRead {
  const { bucket, access, bucketBlock, key } = input;
  const accountBlock = input.account?.readable ? input.account.flags : undefined;
  const levels = (pick: (flags: PublicAccessBlockFlags) => boolean): Level[] => [
    ...(accountBlock && pick(accountBlock) ? (["account"] as const) : []),
    ...(pick(bucketBlock) ? (["bucket"] as const) : []),
  ];
  const policy = access.policy
    ? explainGrant({
        decide: anonymousDecider(access.policy),
        documents: [access.policy],
        action: "s3:GetObject",
        bucket,
        on: "object",
        key,
      })
    : undefined;
  const acl = access.newestUpload?.publicReadAcl === true;
  const aclsDisabled = access.ownership === "BucketOwnerEnforced";
  const policyIgnoredAt = levels((flags) => flags.restrictPublicBuckets);
  const aclIgnoredAt = levels((flags) => flags.ignorePublicAcls);
  return {
    policy,
    acl,
    ownership: access.ownership,
    policyIgnoredAt,
    aclIgnoredAt,
    policyBlockedAt: levels((flags) => flags.blockPublicPolicy),
    aclBlockedAt: levels((flags) => flags.blockPublicAcls),
    aclsDisabled,
    viaPolicy: policy?.verdict === "allowed" && policyIgnoredAt.length === 0,
    viaAcl: acl && !aclsDisabled && aclIgnoredAt.length === 0,
  };
}
