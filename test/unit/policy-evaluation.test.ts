import { describe, expect, it } from "vitest";
import {
  type AuthorizationRequest,
  type ContextValue,
  type PolicyDecision,
  authorize,
  trustPolicyAllows,
} from "@/lib/sandbox/policy-evaluation";

const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/awslab-ec2-role`;
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/awslab-ec2-role/i-0abc`;
const BUCKET_ARN = "arn:aws:s3:::awslab-s3-demo";
const OBJECT_ARN = `${BUCKET_ARN}/uploads/photo.png`;
const NOW = "2026-11-28T06:00:00.000Z";

// The keys the S3 gate knows, plus a multi-valued one to exercise the set operators.
const KNOWN_KEYS = [
  "aws:PrincipalArn",
  "aws:PrincipalAccount",
  "aws:PrincipalType",
  "aws:SecureTransport",
  "aws:CurrentTime",
  "aws:EpochTime",
  "aws:username",
  "s3:prefix",
  "s3:delimiter",
  "s3:max-keys",
  "aws:TagKeys",
];

const BASE_CONTEXT: Record<string, ContextValue> = {
  "aws:PrincipalArn": ROLE_ARN,
  "aws:PrincipalAccount": ACCOUNT,
  "aws:PrincipalType": "AssumedRole",
  "aws:SecureTransport": "true",
  "aws:CurrentTime": NOW,
  "aws:EpochTime": String(Date.parse(NOW) / 1000),
};

type Statement = Record<string, unknown>;

const allow = (Action: unknown, Resource: unknown, more: Statement = {}): Statement => ({
  Effect: "Allow",
  Action,
  Resource,
  ...more,
});
const deny = (Action: unknown, Resource: unknown, more: Statement = {}): Statement => ({
  Effect: "Deny",
  Action,
  Resource,
  ...more,
});
const policy = (statements: Statement[], Version = "2012-10-17") => ({
  Version,
  Statement: statements,
});

function roleRequest(
  action: string,
  resource: string,
  context: Record<string, ContextValue> = {},
): AuthorizationRequest {
  return {
    principal: {
      kind: "role-session",
      accountId: ACCOUNT,
      roleArn: ROLE_ARN,
      sessionArn: SESSION_ARN,
    },
    action,
    resource,
    context: { ...BASE_CONTEXT, ...context },
    knownKeys: KNOWN_KEYS,
  };
}

type Case = {
  identity?: Statement[];
  attached?: Statement[];
  bucket?: Statement[];
  crossAccount?: boolean;
  action?: string;
  resource?: string;
  context?: Record<string, ContextValue>;
  version?: string;
};

function decide({
  identity,
  attached,
  bucket,
  crossAccount = false,
  action = "s3:PutObject",
  resource = OBJECT_ARN,
  context,
  version,
}: Case): PolicyDecision {
  return authorize({
    request: roleRequest(action, resource, context),
    identityPolicies: [identity, attached].flatMap((statements) =>
      statements ? [policy(statements, version)] : [],
    ),
    resourcePolicy: bucket && policy(bucket),
    crossAccount,
  });
}

const ALLOWED: PolicyDecision = { result: "allowed" };
const NO_IDENTITY_ALLOW: PolicyDecision = { result: "implicit-deny", policyType: "identity-based" };
const NO_RESOURCE_ALLOW: PolicyDecision = { result: "implicit-deny", policyType: "resource-based" };
const IDENTITY_DENY: PolicyDecision = { result: "explicit-deny", policyType: "identity-based" };
const RESOURCE_DENY: PolicyDecision = { result: "explicit-deny", policyType: "resource-based" };

const labPolicy = [
  allow(["s3:PutObject", "s3:GetObject"], `${BUCKET_ARN}/*`),
  allow("s3:ListBucket", BUCKET_ARN),
];

describe("identity-based policies: actions and resources", () => {
  it.each<[string, Case, PolicyDecision]>([
    ["no policy at all", {}, NO_IDENTITY_ALLOW],
    ["the lab's policy allows PutObject under the bucket", { identity: labPolicy }, ALLOWED],
    [
      "the lab's policy allows ListBucket on the bucket",
      { identity: labPolicy, action: "s3:ListBucket", resource: BUCKET_ARN },
      ALLOWED,
    ],
    [
      "the lab's policy does not allow DeleteObject",
      { identity: labPolicy, action: "s3:DeleteObject" },
      NO_IDENTITY_ALLOW,
    ],
    [
      "classic mistake: s3:* on the bucket ARN without /* denies PutObject",
      { identity: [allow("s3:*", BUCKET_ARN)] },
      NO_IDENTITY_ALLOW,
    ],
    [
      "classic mistake: … while ListBucket on the bucket itself is allowed",
      { identity: [allow("s3:*", BUCKET_ARN)], action: "s3:ListBucket", resource: BUCKET_ARN },
      ALLOWED,
    ],
    [
      "objects only (/*) do not cover ListBucket on the bucket",
      {
        identity: [allow("s3:*", `${BUCKET_ARN}/*`)],
        action: "s3:ListBucket",
        resource: BUCKET_ARN,
      },
      NO_IDENTITY_ALLOW,
    ],
    ["s3:* on *", { identity: [allow("s3:*", "*")] }, ALLOWED],
    ["* on *", { identity: [allow("*", "*")] }, ALLOWED],
    ["another service's actions", { identity: [allow("ec2:*", "*")] }, NO_IDENTITY_ALLOW],
    [
      "s3:Get* allows GetObject",
      { identity: [allow("s3:Get*", "*")], action: "s3:GetObject" },
      ALLOWED,
    ],
    ["s3:Get* does not allow PutObject", { identity: [allow("s3:Get*", "*")] }, NO_IDENTITY_ALLOW],
    [
      "? matches one character of the action",
      { identity: [allow("s3:?etObject", "*")], action: "s3:GetObject" },
      ALLOWED,
    ],
    [
      "? does not match two characters",
      { identity: [allow("s3:?Object", "*")], action: "s3:GetObject" },
      NO_IDENTITY_ALLOW,
    ],
    [
      "actions match in any case",
      { identity: [allow("S3:putobject", `${BUCKET_ARN}/*`)] },
      ALLOWED,
    ],
    [
      "an action without a service prefix matches nothing",
      { identity: [allow("PutObject", "*")] },
      NO_IDENTITY_ALLOW,
    ],
    [
      "resources match case-sensitively",
      { identity: [allow("s3:PutObject", "arn:aws:s3:::AWSLAB-S3-DEMO/*")] },
      NO_IDENTITY_ALLOW,
    ],
    [
      "* in the bucket name",
      { identity: [allow("s3:PutObject", "arn:aws:s3:::awslab-s3-*/*")] },
      ALLOWED,
    ],
    [
      "? in the bucket name",
      { identity: [allow("s3:PutObject", "arn:aws:s3:::awslab-s3-dem?/*")] },
      ALLOWED,
    ],
    [
      "a key prefix the object is under",
      { identity: [allow("s3:PutObject", `${BUCKET_ARN}/uploads/*`)] },
      ALLOWED,
    ],
    [
      "a key prefix the object is not under",
      { identity: [allow("s3:PutObject", `${BUCKET_ARN}/private/*`)] },
      NO_IDENTITY_ALLOW,
    ],
    [
      "arn:aws:s3:::* covers every bucket and object",
      { identity: [allow("s3:PutObject", "arn:aws:s3:::*")] },
      ALLOWED,
    ],
    [
      "* in the key crosses the colons a key may contain",
      { identity: [allow("s3:PutObject", `${BUCKET_ARN}/*`)], resource: `${BUCKET_ARN}/a:b:c` },
      ALLOWED,
    ],
    [
      "* before the resource part stays within its ARN part",
      {
        identity: [allow("s3:PutObject", "arn:aws:*::awslab-s3-demo/a:b")],
        resource: `${BUCKET_ARN}/a:b`,
      },
      NO_IDENTITY_ALLOW,
    ],
    [
      "a resource that is not an ARN matches nothing",
      { identity: [allow("s3:PutObject", "awslab-s3-demo/*")] },
      NO_IDENTITY_ALLOW,
    ],
    [
      "arrays of actions and resources",
      {
        identity: [
          allow(["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::x/*", `${BUCKET_ARN}/*`]),
        ],
      },
      ALLOWED,
    ],
    [
      "NotAction allows every other action",
      { identity: [allow(undefined, "*", { NotAction: "s3:DeleteObject" })] },
      ALLOWED,
    ],
    [
      "NotAction does not allow the action it names",
      {
        identity: [allow(undefined, "*", { NotAction: ["s3:Delete*"] })],
        action: "s3:DeleteObject",
      },
      NO_IDENTITY_ALLOW,
    ],
    [
      "NotResource allows every other resource",
      { identity: [allow("s3:*", undefined, { NotResource: "arn:aws:s3:::secret/*" })] },
      ALLOWED,
    ],
    [
      "NotResource does not allow the resource it names",
      {
        identity: [allow("s3:*", undefined, { NotResource: `${BUCKET_ARN}/*` })],
      },
      NO_IDENTITY_ALLOW,
    ],
    [
      "ListAllMyBuckets (no resource) is allowed by Resource *",
      {
        identity: [allow("s3:ListAllMyBuckets", "*")],
        action: "s3:ListAllMyBuckets",
        resource: "*",
      },
      ALLOWED,
    ],
    [
      "ListAllMyBuckets is not allowed by a bucket ARN",
      {
        identity: [allow("s3:ListAllMyBuckets", `${BUCKET_ARN}/*`)],
        action: "s3:ListAllMyBuckets",
        resource: "*",
      },
      NO_IDENTITY_ALLOW,
    ],
    [
      "an attached managed policy counts like an inline one",
      {
        identity: [allow("s3:GetObject", "*")],
        attached: [allow("s3:PutObject", `${BUCKET_ARN}/*`)],
      },
      ALLOWED,
    ],
    [
      "Action and NotAction together: undecidable, no allow",
      { identity: [allow("s3:*", "*", { NotAction: "s3:GetObject" })] },
      NO_IDENTITY_ALLOW,
    ],
    ["an Action that is not a string: no allow", { identity: [allow(42, "*")] }, NO_IDENTITY_ALLOW],
    [
      "an identity statement without Resource: no allow",
      { identity: [{ Effect: "Allow", Action: "s3:*" }] },
      NO_IDENTITY_ALLOW,
    ],
    [
      "an Effect other than Allow/Deny is ignored",
      { identity: [{ Effect: "allow", Action: "s3:*", Resource: "*" }] },
      NO_IDENTITY_ALLOW,
    ],
  ])("%s", (_, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });

  it("reads a Statement given as a single object", () => {
    expect(
      authorize({
        request: roleRequest("s3:PutObject", OBJECT_ARN),
        identityPolicies: [
          { Version: "2012-10-17", Statement: allow("s3:PutObject", `${BUCKET_ARN}/*`) },
        ],
        crossAccount: false,
      }),
    ).toEqual(ALLOWED);
  });
});

describe("policy variables", () => {
  it.each<[string, Case, PolicyDecision]>([
    [
      "${aws:PrincipalAccount} is filled in",
      {
        identity: [allow("s3:PutObject", `${BUCKET_ARN}/\${aws:PrincipalAccount}/*`)],
        resource: `${BUCKET_ARN}/${ACCOUNT}/photo.png`,
      },
      ALLOWED,
    ],
    [
      "a filled-in value is literal: its text does not act as a wildcard",
      {
        identity: [allow("s3:PutObject", `${BUCKET_ARN}/\${s3:prefix}`)],
        resource: `${BUCKET_ARN}/photo.png`,
        context: { "s3:prefix": "*" },
      },
      NO_IDENTITY_ALLOW,
    ],
    [
      "${aws:username} is never set for a role: the resource matches nothing",
      { identity: [allow("s3:PutObject", `${BUCKET_ARN}/\${aws:username}/*`)] },
      NO_IDENTITY_ALLOW,
    ],
    [
      "… not even where an empty value would match",
      { identity: [allow("s3:PutObject", `${BUCKET_ARN}/uploads/\${aws:username}*`)] },
      NO_IDENTITY_ALLOW,
    ],
    [
      "a variable the sandbox cannot fill (${aws:userid}): no allow",
      {
        identity: [allow("s3:PutObject", `${BUCKET_ARN}/\${aws:userid}/*`)],
        resource: `${BUCKET_ARN}/AROAEXAMPLE:i-0abc/photo.png`,
      },
      NO_IDENTITY_ALLOW,
    ],
    [
      "… and a Deny with it applies",
      {
        identity: [allow("s3:*", "*"), deny("s3:PutObject", `${BUCKET_ARN}/\${aws:userid}/*`)],
      },
      IDENTITY_DENY,
    ],
    [
      "${*} is a literal asterisk",
      {
        identity: [allow("s3:PutObject", `${BUCKET_ARN}/\${*}`)],
        resource: `${BUCKET_ARN}/anything`,
      },
      NO_IDENTITY_ALLOW,
    ],
    [
      "${*} matches an object named *",
      { identity: [allow("s3:PutObject", `${BUCKET_ARN}/\${*}`)], resource: `${BUCKET_ARN}/*` },
      ALLOWED,
    ],
    [
      "policy version 2008-10-17 has no variables: ${…} is plain text",
      {
        identity: [allow("s3:PutObject", `${BUCKET_ARN}/\${aws:PrincipalAccount}/*`)],
        resource: `${BUCKET_ARN}/${ACCOUNT}/photo.png`,
        version: "2008-10-17",
      },
      NO_IDENTITY_ALLOW,
    ],
  ])("%s", (_, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });
});

describe("explicit deny wins", () => {
  it.each<[string, Case, PolicyDecision]>([
    [
      "a Deny beside an Allow in the same policy",
      { identity: [allow("s3:*", "*"), deny("s3:PutObject", `${BUCKET_ARN}/*`)] },
      IDENTITY_DENY,
    ],
    [
      "a Deny in another attached policy",
      { identity: [allow("s3:*", "*")], attached: [deny("s3:*", "*")] },
      IDENTITY_DENY,
    ],
    [
      "a Deny for other objects does not apply",
      { identity: [allow("s3:*", "*"), deny("s3:PutObject", `${BUCKET_ARN}/private/*`)] },
      ALLOWED,
    ],
    [
      "Deny with NotResource: everything outside uploads/ is denied",
      {
        identity: [
          allow("s3:*", "*"),
          deny("s3:*", undefined, { NotResource: `${BUCKET_ARN}/uploads/*` }),
        ],
        resource: `${BUCKET_ARN}/elsewhere.txt`,
      },
      IDENTITY_DENY,
    ],
    [
      "Deny with NotResource: uploads/ itself stays allowed",
      {
        identity: [
          allow("s3:*", "*"),
          deny("s3:*", undefined, { NotResource: `${BUCKET_ARN}/uploads/*` }),
        ],
      },
      ALLOWED,
    ],
    [
      "Deny with NotAction denies every other action",
      { identity: [allow("s3:*", "*"), deny(undefined, "*", { NotAction: "s3:GetObject" })] },
      IDENTITY_DENY,
    ],
    [
      "an identity Deny beats a bucket policy that grants the role",
      {
        identity: [deny("s3:PutObject", "*")],
        bucket: [allow("s3:PutObject", `${BUCKET_ARN}/*`, { Principal: { AWS: ROLE_ARN } })],
      },
      IDENTITY_DENY,
    ],
    [
      "a bucket policy Deny for everyone beats the identity Allow",
      {
        identity: [allow("s3:*", "*")],
        bucket: [deny("s3:PutObject", `${BUCKET_ARN}/*`, { Principal: "*" })],
      },
      RESOURCE_DENY,
    ],
    [
      "denied in both: the identity-based policy is named",
      {
        identity: [deny("s3:*", "*")],
        bucket: [deny("s3:*", `${BUCKET_ARN}/*`, { Principal: "*" })],
      },
      IDENTITY_DENY,
    ],
    [
      "a malformed Deny still applies",
      { identity: [allow("s3:*", "*"), deny(["s3:PutObject", 7], "*")] },
      IDENTITY_DENY,
    ],
  ])("%s", (_, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });
});

describe("bucket policies in the role's own account", () => {
  const grant = (Principal: unknown, Resource: unknown = `${BUCKET_ARN}/*`) => [
    allow("s3:PutObject", Resource, { Principal }),
  ];
  it.each<[string, Case, PolicyDecision]>([
    [
      "granting the role ARN allows without an identity policy",
      { bucket: grant({ AWS: ROLE_ARN }) },
      ALLOWED,
    ],
    ["granting the session ARN", { bucket: grant({ AWS: [SESSION_ARN] }) }, ALLOWED],
    ['granting "*"', { bucket: grant("*") }, ALLOWED],
    ['granting {"AWS": "*"}', { bucket: grant({ AWS: "*" }) }, ALLOWED],
    [
      "granting the account only delegates: without an identity Allow, denied",
      { bucket: grant({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) },
      NO_IDENTITY_ALLOW,
    ],
    [
      "granting the bare account id delegates too",
      { bucket: grant({ AWS: ACCOUNT }) },
      NO_IDENTITY_ALLOW,
    ],
    [
      "an account grant plus an identity Allow",
      { bucket: grant({ AWS: ACCOUNT }), identity: [allow("s3:PutObject", "*")] },
      ALLOWED,
    ],
    [
      "granting another role",
      { bucket: grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/other-role` }) },
      NO_IDENTITY_ALLOW,
    ],
    [
      "a wildcard principal ARN is not a grant",
      { bucket: grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/*` }) },
      NO_IDENTITY_ALLOW,
    ],
    [
      "… but a Deny naming it applies",
      {
        identity: [allow("s3:*", "*")],
        bucket: [
          deny("s3:*", `${BUCKET_ARN}/*`, { Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/*` } }),
        ],
      },
      RESOURCE_DENY,
    ],
    [
      "a service principal is not the role",
      { bucket: grant({ Service: "ec2.amazonaws.com" }) },
      NO_IDENTITY_ALLOW,
    ],
    [
      "the bucket ARN without /* grants nothing on objects",
      { bucket: grant({ AWS: ROLE_ARN }, BUCKET_ARN) },
      NO_IDENTITY_ALLOW,
    ],
    [
      "a bucket statement without a Principal grants nothing",
      { bucket: [allow("s3:PutObject", `${BUCKET_ARN}/*`)] },
      NO_IDENTITY_ALLOW,
    ],
    [
      "… and as a Deny it applies",
      { identity: [allow("s3:*", "*")], bucket: [deny("s3:PutObject", `${BUCKET_ARN}/*`)] },
      RESOURCE_DENY,
    ],
    [
      "Deny with NotPrincipal naming only the role still denies its session",
      {
        identity: [allow("s3:*", "*")],
        bucket: [deny("s3:*", `${BUCKET_ARN}/*`, { NotPrincipal: { AWS: ROLE_ARN } })],
      },
      RESOURCE_DENY,
    ],
    [
      "Deny with NotPrincipal naming the session, role and account spares it",
      {
        identity: [allow("s3:*", "*")],
        bucket: [
          deny("s3:*", `${BUCKET_ARN}/*`, {
            NotPrincipal: { AWS: [SESSION_ARN, ROLE_ARN, `arn:aws:iam::${ACCOUNT}:root`] },
          }),
        ],
      },
      ALLOWED,
    ],
    [
      "Deny with NotPrincipal naming someone else applies",
      {
        identity: [allow("s3:*", "*")],
        bucket: [deny("s3:*", `${BUCKET_ARN}/*`, { NotPrincipal: { AWS: OTHER_ACCOUNT } })],
      },
      RESOURCE_DENY,
    ],
    [
      "a bucket Deny for another principal does not apply",
      {
        identity: [allow("s3:*", "*")],
        bucket: [deny("s3:*", `${BUCKET_ARN}/*`, { Principal: { AWS: OTHER_ACCOUNT } })],
      },
      ALLOWED,
    ],
  ])("%s", (_, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });
});

describe("a bucket of another account: identity and bucket policy must both allow", () => {
  const identityAllows = [allow("s3:*", "*")];
  const grant = (AWS: string) => [allow("s3:PutObject", `${BUCKET_ARN}/*`, { Principal: { AWS } })];
  it.each<[string, Case, PolicyDecision]>([
    ["identity Allow, no bucket policy", { identity: identityAllows }, NO_RESOURCE_ALLOW],
    [
      "identity Allow, bucket grants the role",
      { identity: identityAllows, bucket: grant(ROLE_ARN) },
      ALLOWED,
    ],
    [
      "identity Allow, bucket grants the account",
      { identity: identityAllows, bucket: grant(ACCOUNT) },
      ALLOWED,
    ],
    ["identity Allow, bucket grants *", { identity: identityAllows, bucket: grant("*") }, ALLOWED],
    ["no identity Allow, bucket grants the role", { bucket: grant(ROLE_ARN) }, NO_IDENTITY_ALLOW],
    ["no identity Allow, bucket grants the account", { bucket: grant(ACCOUNT) }, NO_RESOURCE_ALLOW],
    ["neither allows", {}, NO_RESOURCE_ALLOW],
    [
      "identity Allow, bucket grants someone else",
      { identity: identityAllows, bucket: grant(OTHER_ACCOUNT) },
      NO_RESOURCE_ALLOW,
    ],
    [
      "identity Allow, bucket Deny",
      { identity: identityAllows, bucket: [deny("s3:*", "*", { Principal: "*" })] },
      RESOURCE_DENY,
    ],
  ])("%s", (_, input, expected) => {
    expect(decide({ ...input, crossAccount: true })).toEqual(expected);
  });
});

describe("conditions", () => {
  /** Whether an Allow with this condition applies, and whether a Deny with it applies. */
  function evaluate(Condition: unknown, context: Record<string, ContextValue> = {}) {
    const asAllow = decide({ identity: [allow("s3:*", "*", { Condition })], context });
    const asDeny = decide({
      identity: [allow("s3:*", "*"), deny("s3:*", "*", { Condition })],
      context,
    });
    return { allowApplies: asAllow.result === "allowed", denyApplies: asDeny.result !== "allowed" };
  }
  const holds = { allowApplies: true, denyApplies: true };
  const fails = { allowApplies: false, denyApplies: false };
  // Fail closed: an Allow does not apply, a Deny does.
  const undecidable = { allowApplies: false, denyApplies: true };
  const tags = { "aws:TagKeys": ["team", "env"] };

  it.each<[string, unknown, Record<string, ContextValue>, typeof holds]>([
    ["StringEquals, equal", { StringEquals: { "aws:PrincipalAccount": ACCOUNT } }, {}, holds],
    [
      "StringEquals, different",
      { StringEquals: { "aws:PrincipalAccount": OTHER_ACCOUNT } },
      {},
      fails,
    ],
    [
      "StringEquals, any of several values",
      { StringEquals: { "aws:PrincipalAccount": [OTHER_ACCOUNT, ACCOUNT] } },
      {},
      holds,
    ],
    [
      "StringEquals is case-sensitive",
      { StringEquals: { "aws:PrincipalType": "assumedrole" } },
      {},
      fails,
    ],
    [
      "StringEquals does not expand *",
      { StringEquals: { "aws:PrincipalType": "Assumed*" } },
      {},
      fails,
    ],
    [
      "StringNotEquals, different",
      { StringNotEquals: { "aws:PrincipalAccount": OTHER_ACCOUNT } },
      {},
      holds,
    ],
    ["StringNotEquals, equal", { StringNotEquals: { "aws:PrincipalAccount": ACCOUNT } }, {}, fails],
    [
      "StringNotEquals, equal to one of several",
      { StringNotEquals: { "aws:PrincipalAccount": [OTHER_ACCOUNT, ACCOUNT] } },
      {},
      fails,
    ],
    [
      "StringEqualsIgnoreCase",
      { StringEqualsIgnoreCase: { "aws:PrincipalType": "ASSUMEDROLE" } },
      {},
      holds,
    ],
    [
      "StringNotEqualsIgnoreCase",
      { StringNotEqualsIgnoreCase: { "aws:PrincipalType": "assumedRole" } },
      {},
      fails,
    ],
    [
      "StringLike with *",
      { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/awslab-*" } },
      {},
      holds,
    ],
    ["StringLike with ?", { StringLike: { "aws:PrincipalType": "Assumed?ole" } }, {}, holds],
    ["StringLike, no match", { StringLike: { "aws:PrincipalArn": "*:user/*" } }, {}, fails],
    ["StringNotLike, match", { StringNotLike: { "aws:PrincipalArn": "*:role/*" } }, {}, fails],
    [
      "StringLike on s3:prefix",
      { StringLike: { "s3:prefix": "uploads/*" } },
      { "s3:prefix": "uploads/2026/" },
      holds,
    ],
    ["StringLike on an absent key", { StringLike: { "s3:prefix": "uploads/*" } }, {}, fails],
    [
      "StringNotLike on an absent key holds",
      { StringNotLike: { "s3:prefix": "private/*" } },
      {},
      holds,
    ],
    [
      "StringEquals with a policy variable",
      { StringEquals: { "s3:prefix": "${aws:PrincipalAccount}/" } },
      { "s3:prefix": `${ACCOUNT}/` },
      holds,
    ],
    ["condition key names in any case", { Bool: { "AWS:SecureTransport": "true" } }, {}, holds],
    ["Bool true", { Bool: { "aws:SecureTransport": "true" } }, {}, holds],
    ["Bool false", { Bool: { "aws:SecureTransport": "false" } }, {}, fails],
    ["Bool as a JSON boolean", { Bool: { "aws:SecureTransport": true } }, {}, holds],
    [
      "Bool with a value that is no boolean",
      { Bool: { "aws:SecureTransport": "yes" } },
      {},
      undecidable,
    ],
    ["Null true on an absent key", { Null: { "s3:prefix": "true" } }, {}, holds],
    ["Null false on an absent key", { Null: { "s3:prefix": "false" } }, {}, fails],
    ["Null false on a present key", { Null: { "aws:PrincipalArn": "false" } }, {}, holds],
    [
      "Null on aws:username (never set for a role)",
      { Null: { "aws:username": "true" } },
      {},
      holds,
    ],
    [
      "NumericLessThanEquals, below",
      { NumericLessThanEquals: { "s3:max-keys": "100" } },
      { "s3:max-keys": "50" },
      holds,
    ],
    [
      "NumericLessThanEquals, equal",
      { NumericLessThanEquals: { "s3:max-keys": 100 } },
      { "s3:max-keys": "100" },
      holds,
    ],
    [
      "NumericLessThan, equal",
      { NumericLessThan: { "s3:max-keys": "100" } },
      { "s3:max-keys": "100" },
      fails,
    ],
    [
      "NumericGreaterThan",
      { NumericGreaterThan: { "s3:max-keys": "10" } },
      { "s3:max-keys": "50" },
      holds,
    ],
    [
      "NumericGreaterThanEquals",
      { NumericGreaterThanEquals: { "s3:max-keys": "51" } },
      { "s3:max-keys": "50" },
      fails,
    ],
    ["NumericEquals", { NumericEquals: { "s3:max-keys": "50.0" } }, { "s3:max-keys": "50" }, holds],
    [
      "NumericNotEquals",
      { NumericNotEquals: { "s3:max-keys": "50" } },
      { "s3:max-keys": "50" },
      fails,
    ],
    ["NumericLessThan on an absent key", { NumericLessThan: { "s3:max-keys": "100" } }, {}, fails],
    [
      "…IfExists on an absent key holds",
      { NumericLessThanIfExists: { "s3:max-keys": "100" } },
      {},
      holds,
    ],
    [
      "…IfExists on a present key is checked",
      { NumericLessThanIfExists: { "s3:max-keys": "100" } },
      { "s3:max-keys": "500" },
      fails,
    ],
    [
      "StringEqualsIfExists on a present key",
      { StringEqualsIfExists: { "aws:PrincipalType": "AssumedRole" } },
      {},
      holds,
    ],
    [
      "a number that is not one",
      { NumericLessThan: { "s3:max-keys": "ten" } },
      { "s3:max-keys": "5" },
      undecidable,
    ],
    [
      "DateLessThan, later date",
      { DateLessThan: { "aws:CurrentTime": "2027-01-01T00:00:00Z" } },
      {},
      holds,
    ],
    ["DateLessThan, earlier day", { DateLessThan: { "aws:CurrentTime": "2026-01-01" } }, {}, fails],
    [
      "DateGreaterThan with a zone offset",
      { DateGreaterThan: { "aws:CurrentTime": "2026-11-28T14:30:00+09:00" } },
      {},
      holds,
    ],
    [
      "DateLessThan with a zone offset",
      { DateLessThan: { "aws:CurrentTime": "2026-11-28T15:30:00+09:00" } },
      {},
      holds,
    ],
    ["DateEquals", { DateEquals: { "aws:CurrentTime": "2026-11-28T06:00:00Z" } }, {}, holds],
    ["DateNotEquals", { DateNotEquals: { "aws:CurrentTime": "2026-11-28T06:00:00Z" } }, {}, fails],
    [
      "DateGreaterThanEquals on epoch seconds",
      { DateGreaterThanEquals: { "aws:EpochTime": "1700000000" } },
      {},
      holds,
    ],
    [
      "DateLessThanEquals on epoch seconds",
      { DateLessThanEquals: { "aws:EpochTime": "1700000000" } },
      {},
      fails,
    ],
    [
      "a date that is not one",
      { DateLessThan: { "aws:CurrentTime": "next year" } },
      {},
      undecidable,
    ],
    ["ArnLike", { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/*` } }, {}, holds],
    [
      "ArnEquals (wildcards work in it too)",
      { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::*:role/awslab-ec2-role" } },
      {},
      holds,
    ],
    [
      "ArnLike, other account",
      { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${OTHER_ACCOUNT}:role/*` } },
      {},
      fails,
    ],
    [
      "ArnLike is case-sensitive",
      { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/AWSLAB-*` } },
      {},
      fails,
    ],
    [
      "ArnNotLike, match",
      { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/*" } },
      {},
      fails,
    ],
    [
      "ArnNotEquals, other role",
      { ArnNotEquals: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/other` } },
      {},
      holds,
    ],
    [
      "ArnLike with fewer than six ARN parts",
      { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*" } },
      {},
      undecidable,
    ],
    [
      "two keys under one operator: both must hold",
      { StringEquals: { "aws:PrincipalAccount": ACCOUNT, "aws:PrincipalType": "User" } },
      {},
      fails,
    ],
    [
      "two operators: both must hold",
      {
        StringEquals: { "aws:PrincipalAccount": ACCOUNT },
        Bool: { "aws:SecureTransport": "true" },
      },
      {},
      holds,
    ],
    [
      "ForAnyValue:StringEquals, one in common",
      { "ForAnyValue:StringEquals": { "aws:TagKeys": ["env", "owner"] } },
      tags,
      holds,
    ],
    [
      "ForAnyValue:StringEquals, none in common",
      { "ForAnyValue:StringEquals": { "aws:TagKeys": ["owner"] } },
      tags,
      fails,
    ],
    [
      "ForAllValues:StringEquals, all allowed",
      { "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "team", "owner"] } },
      tags,
      holds,
    ],
    [
      "ForAllValues:StringEquals, one not allowed",
      { "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } },
      tags,
      fails,
    ],
    [
      "ForAllValues on an absent key holds",
      { "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } },
      {},
      holds,
    ],
    [
      "ForAnyValue on an absent key fails",
      { "ForAnyValue:StringEquals": { "aws:TagKeys": ["team"] } },
      {},
      fails,
    ],
    [
      "an empty multi-valued key is absent",
      { StringEquals: { "aws:TagKeys": "team" } },
      { "aws:TagKeys": [] },
      fails,
    ],
    [
      "ForAnyValue:StringLike",
      { "ForAnyValue:StringLike": { "aws:TagKeys": ["te*"] } },
      tags,
      holds,
    ],
    [
      "a single-valued operator on a multi-valued key",
      { StringEquals: { "aws:TagKeys": "team" } },
      tags,
      undecidable,
    ],
    [
      "an operator the sandbox does not know",
      { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
      {},
      undecidable,
    ],
    [
      "an operator that does not exist",
      { StringEqualz: { "aws:PrincipalType": "AssumedRole" } },
      {},
      undecidable,
    ],
    [
      "a key the sandbox cannot provide",
      { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } },
      {},
      undecidable,
    ],
    [
      "a negated operator on a key the sandbox cannot provide",
      { StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } },
      {},
      undecidable,
    ],
    [
      "…IfExists on a key the sandbox cannot provide",
      { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1a2b3c4d" } },
      {},
      undecidable,
    ],
    [
      "Null on a key the sandbox cannot provide",
      { Null: { "aws:SourceIp": "true" } },
      {},
      undecidable,
    ],
    [
      "an undecidable condition beside one that fails",
      { StringEquals: { "aws:SourceVpce": "vpce-1", "aws:PrincipalAccount": OTHER_ACCOUNT } },
      {},
      fails,
    ],
    [
      "a condition block that is not an object",
      { StringEquals: "aws:PrincipalAccount" },
      {},
      undecidable,
    ],
    ["a Condition that is not an object", ["StringEquals"], {}, undecidable],
  ])("%s", (_, condition, context, expected) => {
    expect(evaluate(condition, context)).toEqual(expected);
  });

  it("the classic HTTPS-only Deny does not deny the sandbox's requests", () => {
    expect(
      decide({
        identity: labPolicy,
        bucket: [
          deny("s3:*", [BUCKET_ARN, `${BUCKET_ARN}/*`], {
            Principal: "*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ],
      }),
    ).toEqual(ALLOWED);
  });
});

describe("role trust policies", () => {
  const ec2Request: AuthorizationRequest = {
    principal: { kind: "service", service: "ec2.amazonaws.com" },
    action: "sts:AssumeRole",
    resource: ROLE_ARN,
    context: {},
    knownKeys: [],
  };
  const trust = (statements: Statement[]) => policy(statements);
  const trusting = (
    Principal: unknown,
    Action: unknown = "sts:AssumeRole",
    more: Statement = {},
  ) => ({
    Effect: "Allow",
    Principal,
    Action,
    ...more,
  });

  it.each<[string, Statement[], boolean]>([
    ["EC2 service trust (the console's)", [trusting({ Service: "ec2.amazonaws.com" })], true],
    [
      "EC2 among several services",
      [trusting({ Service: ["lambda.amazonaws.com", "ec2.amazonaws.com"] })],
      true,
    ],
    ["Lambda only", [trusting({ Service: "lambda.amazonaws.com" })], false],
    ['Principal "*"', [trusting("*")], true],
    ["the account only", [trusting({ AWS: `arn:aws:iam::${ACCOUNT}:root` })], false],
    ["sts:* covers AssumeRole", [trusting({ Service: "ec2.amazonaws.com" }, "sts:*")], true],
    [
      "another STS action",
      [trusting({ Service: "ec2.amazonaws.com" }, "sts:AssumeRoleWithWebIdentity")],
      false,
    ],
    [
      "a condition on a key the sandbox cannot provide",
      [
        trusting({ Service: "ec2.amazonaws.com" }, "sts:AssumeRole", {
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
        }),
      ],
      false,
    ],
    [
      "an explicit Deny for EC2 beside the Allow",
      [
        trusting({ Service: "ec2.amazonaws.com" }),
        { Effect: "Deny", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:*" },
      ],
      false,
    ],
    ["no statements", [], false],
  ])("%s", (_, statements, expected) => {
    expect(trustPolicyAllows(trust(statements), ec2Request)).toBe(expected);
  });
});

describe("anonymous requests (a public object URL)", () => {
  const anonymous = (resource: string): AuthorizationRequest => ({
    principal: { kind: "anonymous" },
    action: "s3:GetObject",
    resource,
    context: { "aws:SecureTransport": "true" },
    knownKeys: ["aws:SecureTransport"],
  });
  const read = (bucket: Statement[], resource = OBJECT_ARN) =>
    authorize({
      request: anonymous(resource),
      identityPolicies: [],
      resourcePolicy: policy(bucket),
      crossAccount: false,
    });
  const addPerm = (Principal: unknown, Resource: unknown = `${BUCKET_ARN}/*`) =>
    allow("s3:GetObject", Resource, { Sid: "AddPerm", Principal });

  it.each<[string, Statement[], PolicyDecision]>([
    ["the lab's AddPerm statement", [addPerm("*")], ALLOWED],
    ['{"AWS": "*"} is public too', [addPerm({ AWS: "*" })], ALLOWED],
    ["only the bucket ARN: objects stay private", [addPerm("*", BUCKET_ARN)], NO_IDENTITY_ALLOW],
    [
      "an account principal is not anyone",
      [addPerm({ AWS: `arn:aws:iam::${ACCOUNT}:root` })],
      NO_IDENTITY_ALLOW,
    ],
    [
      "a service principal is not anyone",
      [addPerm({ Service: "logging.s3.amazonaws.com" })],
      NO_IDENTITY_ALLOW,
    ],
    [
      "a condition on a key an anonymous request lacks fails closed",
      [{ ...addPerm("*"), Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }],
      NO_IDENTITY_ALLOW,
    ],
    [
      "NotPrincipal with Deny denies anyone not listed",
      [addPerm("*"), deny("s3:GetObject", `${BUCKET_ARN}/*`, { NotPrincipal: { AWS: ROLE_ARN } })],
      RESOURCE_DENY,
    ],
  ])("%s", (_name, bucket, expected) => {
    expect(read(bucket)).toEqual(expected);
  });
});
