import { describe, expect, it, vi } from "vitest";
import { isUnknownInstanceProfile, retryWhileProfilePropagates } from "@/lib/aws/ec2";
import type { BucketFeatures, BucketSummary, PublicAccessBlockFlags } from "@/lib/aws/types";
import { withConfigValue } from "@/lib/lab/app-config";
import { stepDefinition } from "@/lib/lab/registry";
import {
  addPermStatement,
  explainGrant,
  publicReadOf,
  roleDecider,
  withoutPublicRead,
  withStatement,
} from "@/lib/lab/storage-facts";
import { stepStateOf } from "@/lib/lab/types";
import { context, facts } from "./snapshot-fixtures";

const BUCKET = "awslab-s3-unit";
const ACCOUNT = "123456789012";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/awslab-ec2-role`;
const OFF: PublicAccessBlockFlags = {
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
};
const ON: PublicAccessBlockFlags = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

const allow = (Action: unknown, Resource: unknown) => ({ Effect: "Allow", Action, Resource });
const document = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });

function explainRole(action: string, on: "object" | "bucket", ...statements: object[]) {
  const documents = [document(...statements)];
  return explainGrant({
    decide: roleDecider({ accountId: ACCOUNT, roleArn: ROLE_ARN, policies: documents }),
    documents,
    action,
    bucket: BUCKET,
    on,
  });
}

describe("explaining an identity policy with the evaluator", () => {
  it.each([
    [
      "the lab's policy",
      allow("s3:*", [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`]),
      { verdict: "allowed" },
    ],
    [
      "only the bucket ARN",
      allow("s3:*", `arn:aws:s3:::${BUCKET}`),
      { verdict: "bucket-arn-only" },
    ],
    [
      "another bucket's name",
      allow("s3:*", ["arn:aws:s3:::awslab-s3-unti", "arn:aws:s3:::awslab-s3-unti/*"]),
      { verdict: "other-bucket", buckets: ["awslab-s3-unti"] },
    ],
    [
      "the right ARN, another action",
      allow(["s3:GetObject"], `arn:aws:s3:::${BUCKET}/*`),
      { verdict: "action-missing", granted: ["s3:GetObject"] },
    ],
    ["nothing about S3", allow("ec2:*", "*"), { verdict: "nothing" }],
  ])("PutObject with %s", (_name, statement, expected) => {
    expect(explainRole("s3:PutObject", "object", statement)).toEqual(expected);
  });

  it("ListBucket needs the bucket's own ARN: objects only is named", () => {
    expect(
      explainRole("s3:ListBucket", "bucket", allow("s3:*", `arn:aws:s3:::${BUCKET}/*`)),
    ).toEqual({
      verdict: "object-arn-only",
    });
  });

  it("an explicit Deny wins over the lab's Allow", () => {
    expect(
      explainRole(
        "s3:PutObject",
        "object",
        allow("s3:*", [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`]),
        { Effect: "Deny", Action: "s3:PutObject", Resource: "*" },
      ),
    ).toEqual({ verdict: "explicit-deny" });
  });
});

describe("which switch keeps objects private", () => {
  const publicPolicy = document(addPermStatement(BUCKET));
  const read = (input: Partial<Parameters<typeof publicReadOf>[0]>) =>
    publicReadOf({
      bucket: BUCKET,
      access: {},
      bucketBlock: OFF,
      account: { readable: true, flags: OFF },
      ...input,
    });

  it("a public policy with every switch off is public", () => {
    const result = read({ access: { policy: publicPolicy } });
    expect(result.viaPolicy).toBe(true);
    expect(result.policyIgnoredAt).toEqual([]);
  });

  it("RestrictPublicBuckets ignores it, at the account and at the bucket", () => {
    const result = read({
      access: { policy: publicPolicy },
      bucketBlock: { ...OFF, restrictPublicBuckets: true },
      account: { readable: true, flags: ON },
    });
    expect(result.viaPolicy).toBe(false);
    expect(result.policyIgnoredAt).toEqual(["account", "bucket"]);
    expect(result.policyBlockedAt).toEqual(["account"]);
  });

  it("a public object ACL counts only with ACLs enabled and IgnorePublicAcls off", () => {
    const upload = { key: "uploads/a/b.png", publicReadAcl: true };
    expect(read({ access: { newestUpload: upload, ownership: "ObjectWriter" } }).viaAcl).toBe(true);
    const disabled = read({ access: { newestUpload: upload, ownership: "BucketOwnerEnforced" } });
    expect([disabled.viaAcl, disabled.aclsDisabled]).toEqual([false, true]);
    const ignored = read({
      access: { newestUpload: upload },
      bucketBlock: { ...OFF, ignorePublicAcls: true },
    });
    expect([ignored.viaAcl, ignored.aclIgnoredAt]).toEqual([false, ["bucket"]]);
  });

  it("an unreadable account setting is not guessed to be off or on", () => {
    const result = read({
      access: { policy: publicPolicy },
      account: { readable: false, code: "AccessDenied" },
    });
    expect(result.viaPolicy).toBe(true);
  });
});

describe("bucket policy edits keep the attendee's statements", () => {
  const tls = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: `arn:aws:s3:::${BUCKET}/*`,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };

  it("adding AddPerm replaces a statement of the same Sid and keeps the others", () => {
    const wrong = { ...addPermStatement(BUCKET), Resource: `arn:aws:s3:::${BUCKET}` };
    expect(withStatement(document(tls, wrong), addPermStatement(BUCKET)).Statement).toEqual([
      tls,
      addPermStatement(BUCKET),
    ]);
  });

  it("undo removes only what lets anyone read; nothing left means no policy", () => {
    expect(withoutPublicRead(document(tls, addPermStatement(BUCKET)), BUCKET)?.Statement).toEqual([
      tls,
    ]);
    expect(withoutPublicRead(document(addPermStatement(BUCKET)), BUCKET)).toBeUndefined();
  });
});

describe("S3 101's optional hands-on items", () => {
  const features = (overrides: Partial<BucketFeatures> = {}): BucketFeatures => ({
    notifications: { eventBridge: false, destinations: 0 },
    lifecycleRules: [],
    replicationRules: [],
    versions: [],
    deleteMarkers: [],
    ...overrides,
  });
  const bucket = (versioning?: string): BucketSummary => ({
    name: BUCKET,
    createdAt: "2026-11-28T00:00:00.000Z",
    details: { region: "ap-northeast-2", versioning, publicAccessBlock: ON },
  });
  const check = async (labBucket: BucketSummary, labFeatures: BucketFeatures) =>
    stepDefinition("s3-101").check(
      facts({ buckets: [labBucket], labBucketFeatures: { [BUCKET]: labFeatures } }),
      context(),
    );

  it("waits, never fails, and says what is left of the versioning hands-on", async () => {
    const items = await check(
      bucket("Enabled"),
      features({ versions: [{ key: "hello.txt", count: 2 }] }),
    );
    expect(items.find((item) => item.id === "versioning")).toEqual({
      id: "versioning",
      status: "pending",
      optional: true,
      message: { key: "check.s3.101.versioning.twice", params: { key: "hello.txt", count: 2 } },
    });
    expect(items.every((item) => item.optional && item.status !== "fail")).toBe(true);
    expect(stepStateOf(items)).toBe("pending");
  });

  it("passes once each hands-on is done; replication shows only when made", async () => {
    const items = await check(
      bucket("Enabled"),
      features({
        versions: [{ key: "hello.txt", count: 2 }],
        deleteMarkers: ["hello.txt"],
        logging: { targetBucket: "awslab-logs-unit", targetPrefix: "logs/" },
        website: { indexDocument: "index.html" },
        encryption: { algorithm: "AES256" },
        notifications: { eventBridge: true, destinations: 0 },
        lifecycleRules: [{ id: "expire-old-versions", enabled: true }],
        replicationRules: [
          { id: "backup", enabled: true, destinationBucket: "arn:aws:s3:::elsewhere" },
        ],
      }),
    );
    expect(items.map((item) => [item.id, item.status])).toEqual([
      ["versioning", "pass"],
      ["logging", "pass"],
      ["website", "pass"],
      ["encryption", "pass"],
      ["events", "pass"],
      ["lifecycle", "pass"],
      ["replication:backup", "pass"],
    ]);
    expect(stepStateOf(items)).toBe("pass");
  });
});

describe("config.env edits", () => {
  it("rewrites the key's line in place, or appends it", () => {
    const text = "# comment\nS3_BUCKET =\nPRESIGNED_URL = False\n";
    expect(withConfigValue(text, "S3_BUCKET", "awslab-s3-x")).toBe(
      "# comment\nS3_BUCKET = awslab-s3-x\nPRESIGNED_URL = False\n",
    );
    expect(withConfigValue(text, "PRESIGNED_URL", "True")).toBe(
      "# comment\nS3_BUCKET =\nPRESIGNED_URL = True\n",
    );
    expect(withConfigValue("PORT = 80", "S3_BUCKET", "b")).toBe("PORT = 80\nS3_BUCKET = b\n");
  });
});

describe("waiting for IAM to reach EC2", () => {
  // EC2's answer while it doesn't know a profile IAM just created (the SDK's error shape).
  const unknownProfile = Object.assign(
    new Error(
      "Value (arn:aws:iam::123456789012:instance-profile/awslab-ec2-role) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN",
    ),
    { name: "InvalidParameterValue" },
  );

  it("retries only that answer, with growing waits", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retryWhileProfilePropagates(
      async () => {
        calls += 1;
        if (calls < 3) throw unknownProfile;
        return "associated";
      },
      async (ms) => {
        waits.push(ms);
      },
    );
    expect([result, calls, waits]).toEqual(["associated", 3, [1000, 2000]]);
  });

  it("gives up after the last wait, and never retries anything else", async () => {
    const waits: number[] = [];
    await expect(
      retryWhileProfilePropagates(
        async () => {
          throw unknownProfile;
        },
        async (ms) => {
          waits.push(ms);
        },
      ),
    ).rejects.toBe(unknownProfile);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    const other = Object.assign(new Error("Invalid id"), { name: "InvalidInstanceID.NotFound" });
    expect(isUnknownInstanceProfile(other)).toBe(false);
    let tries = 0;
    await expect(
      retryWhileProfilePropagates(
        async () => {
          tries += 1;
          throw other;
        },
        async () => {},
      ),
    ).rejects.toBe(other);
    expect(tries).toBe(1);
  });
});

describe("public reads on AWS and in the sandbox", () => {
  const publicBucket = facts({
    buckets: [
      {
        name: BUCKET,
        createdAt: "2026-11-28T00:00:00.000Z",
        details: {
          region: "ap-northeast-2",
          publicAccessBlock: { ...ON, blockPublicPolicy: false, restrictPublicBuckets: false },
        },
      },
    ],
    labBucketAccess: {
      [BUCKET]: {
        policy: document(addPermStatement(BUCKET)),
        ownership: "BucketOwnerEnforced",
        newestUpload: { key: "uploads/1/사진 1.png", publicReadAcl: false },
      },
    },
    accountPublicAccess: { readable: true, flags: OFF },
  });

  it("on AWS, S3 itself answers an unsigned GET of the newest upload", async () => {
    const probe = vi.fn(async () => ({
      ok: false as const,
      reason: "http_status" as const,
      status: 403,
    }));
    const items = await stepDefinition("public-access").check(
      publicBucket,
      context({ sandbox: false, probe }),
    );
    const url = `https://${BUCKET}.s3.ap-northeast-2.amazonaws.com/uploads/1/%EC%82%AC%EC%A7%84%201.png`;
    expect(probe).toHaveBeenCalledExactlyOnceWith(url);
    expect(items.map((item) => [item.id, item.status, item.message.key])).toEqual([
      ["public-read", "pass", "check.public.viaPolicy"],
      ["anonymous-get", "fail", "check.public.get.refused"],
    ]);
  });

  it("in the sandbox it reasons from the configuration and sends nothing", async () => {
    const probe = vi.fn();
    const items = await stepDefinition("public-access").check(publicBucket, context({ probe }));
    expect(probe).not.toHaveBeenCalled();
    expect(items.map((item) => item.id)).toEqual(["public-read"]);
  });
});
