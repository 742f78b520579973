import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { AssociateIamInstanceProfileCommand } from "@aws-sdk/client-ec2";
import {
  CreateBucketCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  GetBucketOwnershipControlsCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import { PUBLIC_ACCESS_BLOCK_PATH, s3ControlRequest } from "@/lib/aws/s3-control";
import type { PortalDb } from "@/lib/db/connection";
import { moduleSteps } from "@/lib/lab/catalogue";
import { factReader } from "@/lib/lab/facts";
import {
  applyStep,
  checkStep,
  moduleStatus,
  planStep,
  type AttendeeRef,
  type RunnerEnvironment,
} from "@/lib/lab/runner";
import { createBucketWithFreeName } from "@/lib/lab/steps/s3-bucket";
import { sandboxClients } from "./emulator";
import {
  labDatabase,
  labRuntime,
  sandboxAttendee,
  startTestRuntime,
  type TestRuntime,
} from "./lab-harness";

let db: PortalDb;
let sandbox: TestRuntime;
let runtime: RunnerEnvironment;
beforeAll(async () => {
  db = await labDatabase();
  sandbox = await startTestRuntime();
  runtime = labRuntime(db, sandbox.connection);
});
afterAll(async () => {
  await sandbox.stop();
  await db.destroy();
});

async function itemsOf(ref: AttendeeRef, stepId: string) {
  const outcome = await checkStep(runtime, ref, stepId);
  expect(outcome?.problem).toBeUndefined();
  return Object.fromEntries((outcome?.result?.items ?? []).map((item) => [item.id, item]));
}

async function planOf(ref: AttendeeRef, stepId: string, operation: "do" | "undo" = "do") {
  const outcome = await planStep(runtime, ref, stepId, operation);
  expect(outcome.problem).toBeUndefined();
  return outcome.entries.map((entry) => [entry.id, entry.kind, entry.message.key]);
}

async function doItForMe(ref: AttendeeRef, ...stepIds: string[]) {
  for (const stepId of stepIds) {
    const outcome = await applyStep(runtime, ref, stepId);
    expect(outcome.problem, stepId).toBeUndefined();
  }
}

async function labBucketOf(aws: AwsClients) {
  const { buckets } = await factReader(aws, `bucket-${Math.random()}`).readAll(["buckets"]);
  const bucket = buckets.find((candidate) => candidate.name.startsWith("awslab-s3-"));
  if (!bucket) throw new Error("no lab bucket");
  return bucket.name;
}

async function webOf(aws: AwsClients) {
  const { instances } = await factReader(aws, `web-${Math.random()}`).readAll(["instances"]);
  const web = instances.find((instance) => instance.name === "Web");
  if (!web) throw new Error("no Web");
  return web;
}

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** The role, its profile and Web's association, made as the console makes them. */
async function attachRoleByHand(aws: AwsClients, trustedService = "ec2.amazonaws.com") {
  const iam = aws.iam();
  await iam.send(
    new CreateRoleCommand({
      RoleName: "awslab-ec2-role",
      AssumeRolePolicyDocument: policy({
        Effect: "Allow",
        Principal: { Service: trustedService },
        Action: "sts:AssumeRole",
      }),
    }),
  );
  const profile = await iam.send(
    new CreateInstanceProfileCommand({ InstanceProfileName: "awslab-ec2-role" }),
  );
  await iam.send(
    new AddRoleToInstanceProfileCommand({
      InstanceProfileName: "awslab-ec2-role",
      RoleName: "awslab-ec2-role",
    }),
  );
  return profile.InstanceProfile?.Arn ?? "";
}

async function associate(aws: AwsClients, profileArn: string) {
  const web = await webOf(aws);
  await aws.ec2().send(
    new AssociateIamInstanceProfileCommand({
      InstanceId: web.id,
      IamInstanceProfile: { Arn: profileArn },
    }),
  );
}

describe("the bucket", () => {
  it("a bucket only in another region fails and says where it is", async () => {
    const { ref, byHand } = await sandboxAttendee(db);
    const name = `awslab-s3-virginia${Date.now() % 100000}`;
    await byHand
      .inRegion("us-east-1")
      .s3()
      .send(new CreateBucketCommand({ Bucket: name }));
    const items = await itemsOf(ref, "s3-bucket");
    expect(items.bucket).toEqual({
      id: "bucket",
      status: "fail",
      message: {
        key: "check.s3.bucket.otherRegion",
        params: { name, region: "us-east-1", eventRegion: "ap-northeast-2" },
      },
      fix: { key: "fix.s3.bucket.otherRegion", params: { eventRegion: "ap-northeast-2" } },
    });
    expect(await planOf(ref, "s3-bucket")).toEqual([["bucket", "create", "plan.s3.bucket.create"]]);
  });

  it("tries another name while one is taken by another account, with today's defaults", async () => {
    const { aws: someoneElse } = await sandboxClients();
    const { byHand } = await sandboxAttendee(db);
    const taken = `taken${Date.now() % 1000000}`;
    await someoneElse.s3().send(
      new CreateBucketCommand({
        Bucket: `awslab-s3-${taken}`,
        CreateBucketConfiguration: { LocationConstraint: "ap-northeast-2" },
      }),
    );
    const suffixes = [taken, `free${Date.now() % 1000000}`];
    const name = await createBucketWithFreeName(
      byHand,
      { prefix: "awslab-s3-", region: "ap-northeast-2", tags: { "aws101:attendee": "a" } },
      () => suffixes.shift() ?? "unexpected",
    );
    expect(name).toMatch(/^awslab-s3-free\d+$/);
    const s3 = byHand.s3();
    const block = await s3.send(new GetPublicAccessBlockCommand({ Bucket: name }));
    expect(block.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    const ownership = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: name }));
    expect(ownership.OwnershipControls?.Rules?.[0]?.ObjectOwnership).toBe("BucketOwnerEnforced");
  });
});

describe("the IAM role", () => {
  it("a role attached to no instance: the exact item, and do it for me only attaches it", async () => {
    const { ref, byHand } = await sandboxAttendee(db);
    await doItForMe(ref, "ec2-launch", "s3-bucket", "app-s3");
    await attachRoleByHand(byHand);
    const items = await itemsOf(ref, "iam-role");
    expect(items.attached).toEqual({
      id: "attached",
      status: "fail",
      message: { key: "check.iam.role.notAttached", params: { role: "awslab-ec2-role" } },
      fix: { key: "fix.iam.role.attach", params: { role: "awslab-ec2-role" } },
    });
    expect(items.app).toBeUndefined();
    expect(await planOf(ref, "iam-role")).toEqual([
      ["role", "exists", "plan.iam.role.exists"],
      ["profile", "exists", "plan.iam.profile.exists"],
      ["attached", "create", "plan.iam.attach"],
    ]);
    await doItForMe(ref, "iam-role");
    // As on EC2, the app sees a newly attached role on a later credentials lookup: Check again.
    await vi.waitFor(
      async () =>
        expect((await itemsOf(ref, "iam-role")).app?.message.key).toBe("check.app.s3.accessDenied"),
      { timeout: 60_000, interval: 2_000 },
    );
  });

  it("a trust policy for lambda.amazonaws.com: EC2 can't use it, the app stays NoCredentials", async () => {
    const { ref, byHand } = await sandboxAttendee(db);
    await doItForMe(ref, "ec2-launch", "s3-bucket", "app-s3");
    await associate(byHand, await attachRoleByHand(byHand, "lambda.amazonaws.com"));
    const items = await itemsOf(ref, "iam-role");
    expect(items.trust).toEqual({
      id: "trust",
      status: "fail",
      message: {
        key: "check.iam.role.trustOther",
        params: { role: "awslab-ec2-role", services: "lambda.amazonaws.com" },
      },
      fix: { key: "fix.iam.role.trust", params: { role: "awslab-ec2-role" } },
    });
    expect(items.attached?.status).toBe("pass");
    expect((await itemsOf(ref, "app-s3"))["no-credentials"]?.message.key).toBe(
      "check.app.s3.noCredentials",
    );
    expect(await planOf(ref, "iam-role")).toEqual([
      ["trust", "update", "plan.iam.role.trust"],
      ["profile", "exists", "plan.iam.profile.exists"],
      ["attached", "exists", "plan.iam.attach.exists"],
    ]);
  });

  it("another instance profile on Web is named, and left for the attendee to replace", async () => {
    const { ref, byHand } = await sandboxAttendee(db);
    await doItForMe(ref, "ec2-launch", "s3-bucket");
    await attachRoleByHand(byHand);
    const iam = byHand.iam();
    const other = await iam.send(
      new CreateInstanceProfileCommand({ InstanceProfileName: "other-profile" }),
    );
    await associate(byHand, other.InstanceProfile?.Arn ?? "");
    expect((await itemsOf(ref, "iam-role")).attached?.message).toEqual({
      key: "check.iam.role.otherProfile",
      params: { profile: "other-profile", roles: "—", role: "awslab-ec2-role" },
    });
    expect((await planOf(ref, "iam-role")).at(-1)).toEqual([
      "attached",
      "manual",
      "plan.iam.attach.replace",
    ]);
  });
});

describe("the inline policy", () => {
  async function roleOnWeb() {
    const attendee = await sandboxAttendee(db);
    await doItForMe(attendee.ref, "ec2-launch", "s3-bucket", "app-s3", "iam-role");
    return { ...attendee, bucket: await labBucketOf(attendee.byHand) };
  }

  const putPolicy = (aws: AwsClients, ...statements: object[]) =>
    aws.iam().send(
      new PutRolePolicyCommand({
        RoleName: "awslab-ec2-role",
        PolicyName: "awslab-s3-full-access",
        PolicyDocument: policy(...statements),
      }),
    );

  it("a policy with only the bucket ARN: the missing /* is named, the app still can't upload", async () => {
    const { ref, byHand, bucket } = await roleOnWeb();
    await putPolicy(byHand, {
      Effect: "Allow",
      Action: "s3:*",
      Resource: `arn:aws:s3:::${bucket}`,
    });
    const items = await itemsOf(ref, "iam-policy");
    expect(items.policy?.status).toBe("pass");
    expect(items["upload-access"]).toEqual({
      id: "upload-access",
      status: "fail",
      message: {
        key: "check.iam.policy.bucketArnOnly",
        params: { action: "s3:PutObject", bucket },
      },
      fix: {
        key: "fix.iam.policy.edit",
        params: { role: "awslab-ec2-role", policy: "awslab-s3-full-access", bucket },
      },
    });
    expect(items["bucket-access"]?.status).toBe("pass");
    expect(items.upload).toBeUndefined();
    expect((await planOf(ref, "iam-policy"))[0]).toEqual([
      "policy",
      "update",
      "plan.iam.policy.replace",
    ]);
  });

  it("a typo in the bucket name and a missing action are named", async () => {
    const { ref, byHand, bucket } = await roleOnWeb();
    await putPolicy(byHand, {
      Effect: "Allow",
      Action: "s3:*",
      Resource: ["arn:aws:s3:::awslab-s3-typo", "arn:aws:s3:::awslab-s3-typo/*"],
    });
    expect((await itemsOf(ref, "iam-policy"))["upload-access"]?.message).toEqual({
      key: "check.iam.policy.otherBucket",
      params: { action: "s3:PutObject", bucket, others: "awslab-s3-typo" },
    });
    await putPolicy(byHand, {
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:ListBucket"],
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    });
    const items = await itemsOf(ref, "iam-policy");
    expect(items["upload-access"]?.message).toEqual({
      key: "check.iam.policy.actionMissing",
      params: { action: "s3:PutObject", granted: "s3:GetObject" },
    });
    expect(items["download-access"]?.status).toBe("pass");
  });

  it("the lab's policy: the app reaches the bucket, and an upload with Web's role proves it", async () => {
    const { ref, byHand, bucket } = await roleOnWeb();
    await putPolicy(byHand, {
      Effect: "Allow",
      Action: "s3:*",
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    });
    await expect
      .poll(async () => (await itemsOf(ref, "iam-policy")).app?.status, { timeout: 10_000 })
      .toBe("pass");
    expect((await itemsOf(ref, "iam-policy")).upload?.message.key).toBe(
      "check.iam.policy.upload.none",
    );
    expect(await planOf(ref, "iam-policy")).toEqual([
      ["policy", "exists", "plan.iam.policy.exists"],
      ["upload", "create", "plan.iam.policy.upload.sandbox"],
    ]);
    // On a busy machine the first upload may meet the role before the app does: click again.
    const upload = await vi.waitFor(
      async () => {
        await doItForMe(ref, "iam-policy");
        const item = (await itemsOf(ref, "iam-policy")).upload;
        expect(item?.message.key).toBe("check.iam.policy.upload.object");
        return item;
      },
      { timeout: 60_000, interval: 2_000 },
    );
    expect(String(upload?.message.params?.key)).toMatch(
      /^uploads\/[\w-]+\/portal-upload-check\.txt$/,
    );
  });
});

describe("public access", () => {
  async function bucketOnly() {
    const attendee = await sandboxAttendee(db);
    await doItForMe(attendee.ref, "s3-bucket");
    return { ...attendee, bucket: await labBucketOf(attendee.byHand) };
  }

  const addPerm = (bucket: string) => ({
    Sid: "AddPerm",
    Effect: "Allow",
    Principal: "*",
    Action: ["s3:GetObject"],
    Resource: [`arn:aws:s3:::${bucket}/*`],
  });

  const blockAll = (aws: AwsClients, bucket: string, on: boolean) =>
    aws.s3().send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: on,
          IgnorePublicAcls: on,
          BlockPublicPolicy: on,
          RestrictPublicBuckets: on,
        },
      }),
    );

  it("Block Public Access still on with a public policy: the switch that ignores it is named", async () => {
    const { ref, byHand, bucket } = await bucketOnly();
    await byHand
      .s3()
      .send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy(addPerm(bucket)) }));
    const items = await itemsOf(ref, "public-access");
    expect(items["public-read"]).toEqual({
      id: "public-read",
      status: "fail",
      message: { key: "check.public.policyIgnored.bucket" },
      fix: { key: "fix.public.bucketBpa", params: { bucket } },
    });
    expect(await planOf(ref, "public-access")).toEqual([
      ["bucket-bpa", "update", "plan.public.bpaOff"],
    ]);
  });

  it("the account-level switch wins over the bucket's, and do it for me leaves it alone", async () => {
    const { ref, byHand, bucket, accountId } = await bucketOnly();
    await blockAll(byHand, bucket, false);
    await byHand
      .s3()
      .send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy(addPerm(bucket)) }));
    const put = await s3ControlRequest(byHand, {
      accountId,
      method: "PUT",
      path: PUBLIC_ACCESS_BLOCK_PATH,
      body:
        '<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">' +
        "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>" +
        "<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>" +
        "</PublicAccessBlockConfiguration>",
    });
    expect(put.status).toBe(200);
    expect((await itemsOf(ref, "public-access"))["public-read"]).toEqual({
      id: "public-read",
      status: "fail",
      message: { key: "check.public.policyIgnored.account" },
      fix: { key: "fix.public.account" },
    });
    expect(await planOf(ref, "public-access")).toEqual([
      ["account-bpa", "blocked", "plan.public.accountBlocks"],
    ]);
  });

  it("ACLs disabled with an object-ACL attempt: Object Ownership is named", async () => {
    const { ref, byHand, bucket } = await bucketOnly();
    await blockAll(byHand, bucket, false);
    const s3 = byHand.s3();
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: "uploads/by-hand/photo.png", Body: "png" }),
    );
    // AWS refuses this on a bucket with ACLs disabled; the emulator stores it.
    await s3.send(
      new PutObjectAclCommand({
        Bucket: bucket,
        Key: "uploads/by-hand/photo.png",
        ACL: "public-read",
      }),
    );
    expect((await itemsOf(ref, "public-access"))["public-read"]).toEqual({
      id: "public-read",
      status: "fail",
      message: { key: "check.public.aclDisabled" },
      fix: { key: "fix.public.usePolicy", params: { bucket } },
    });
    await s3.send(
      new PutBucketOwnershipControlsCommand({
        Bucket: bucket,
        OwnershipControls: { Rules: [{ ObjectOwnership: "ObjectWriter" }] },
      }),
    );
    expect((await itemsOf(ref, "public-access"))["public-read"]).toEqual({
      id: "public-read",
      status: "pass",
      message: { key: "check.public.viaAcl" },
    });
  });

  it("a public policy on the bucket ARN only is named; undo keeps other statements", async () => {
    const { ref, byHand, bucket } = await bucketOnly();
    const tls = {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
    await blockAll(byHand, bucket, false);
    await byHand.s3().send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: policy(tls, { ...addPerm(bucket), Resource: `arn:aws:s3:::${bucket}` }),
      }),
    );
    expect((await itemsOf(ref, "public-access"))["public-read"]?.message).toEqual({
      key: "check.public.policyBucketArnOnly",
      params: { bucket },
    });
    await doItForMe(ref, "public-access");
    expect((await itemsOf(ref, "public-access"))["public-read"]?.message.key).toBe(
      "check.public.viaPolicy",
    );

    expect(await planOf(ref, "public-access", "undo")).toEqual([
      ["policy", "remove", "plan.public.undo.statement"],
      ["bucket-bpa", "update", "plan.public.undo.bpa"],
    ]);
    const undo = await applyStep(runtime, ref, "public-access", "undo");
    expect(undo.problem).toBeUndefined();
    expect(undo.done).toHaveLength(2);
    const left = await byHand.s3().send(new GetBucketPolicyCommand({ Bucket: bucket }));
    expect(JSON.parse(left.Policy ?? "{}").Statement).toEqual([tls]);
    expect(await planOf(ref, "public-access", "undo")).toEqual([
      ["private", "exists", "plan.public.undo.nothing"],
    ]);
    expect((await applyStep(runtime, ref, "public-access", "undo")).done).toEqual([]);
    expect((await itemsOf(ref, "public-access"))["public-read"]?.message.key).toBe(
      "check.public.none.bucketBlocks",
    );
  });
});

describe("the module's cost", () => {
  it("AWS calls per refresh grow with kinds and lab buckets, never with steps", async () => {
    const { ref, accountId } = await sandboxAttendee(db);
    await doItForMe(ref, "ec2-launch", "s3-bucket", "s3-101", "app-s3", "iam-role", "iam-policy");
    const steps = (await moduleSteps("storage")) ?? [];
    const { aws, counter } = await sandboxClients(accountId);
    // As the runner reads: it knows the account, so Block Public Access needs no GetCallerIdentity.
    await factReader(aws, `cost-${accountId}`, { accountId }).readAll(
      [...steps, ...steps].flatMap((step) => step.needs),
    );
    expect(counter.byOperation()).toEqual({
      "EC2:DescribeInstances": 1,
      // Every bucket by name; location, versioning and Block Public Access of each lab bucket,
      // and only the location of S3 101's log bucket.
      "S3:ListBuckets": 1,
      "S3:GetBucketLocation": 2,
      "S3:GetBucketVersioning": 1,
      "S3:GetPublicAccessBlock": 1,
      // Who may read the lab bucket: policy, ownership, the uploads and the newest one's ACL.
      "S3:GetBucketPolicy": 1,
      "S3:GetBucketOwnershipControls": 1,
      "S3:ListObjectsV2": 1,
      "S3:GetObjectAcl": 1,
      // The S3 101 configurations of the lab bucket.
      "S3:GetBucketEncryption": 1,
      "S3:GetBucketLogging": 1,
      "S3:GetBucketWebsite": 1,
      "S3:GetBucketNotificationConfiguration": 1,
      "S3:GetBucketLifecycleConfiguration": 1,
      "S3:GetBucketReplication": 1,
      "S3:ListObjectVersions": 1,
      // The account's Block Public Access.
      "S3Control:GetPublicAccessBlock": 1,
      // The role, its profile and its policies.
      "IAM:ListRoles": 1,
      "IAM:ListInstanceProfiles": 1,
      "IAM:GetRole": 1,
      "IAM:ListRolePolicies": 1,
      "IAM:ListAttachedRolePolicies": 1,
      "IAM:GetRolePolicy": 1,
    });
    const status = await moduleStatus(runtime, ref, "storage", { fresh: true });
    expect(status?.problem).toBeUndefined();
    expect(status?.awsCalls).toBe(counter.total);
  });
});
