// The lab's instance-role steps in the sandbox, against the real emulator: the app on the
// instance first finds no credentials, then is denied, then uploads once the role's policy allows.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  AssociateIamInstanceProfileCommand,
  DescribeIamInstanceProfileAssociationsCommand,
  DisassociateIamInstanceProfileCommand,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import { latestAl2023ImageId, readInstances } from "@/lib/aws/ec2";
import { startInstanceMetadata } from "@/lib/sandbox/instance-metadata";
import type { LoopbackServer } from "@/lib/sandbox/loopback";
import { POLICY_CACHE_MS } from "@/lib/sandbox/timing";
import { RoleSessionRegistry } from "@/lib/sandbox/role-sessions";
import { startS3Gate } from "@/lib/sandbox/s3-gate";
import { InstanceMetadata } from "../../sample-app/src/imds";
import type { Health } from "../../sample-app/src/healthz";
import { type LabDatabase, createLabDatabase } from "../../sample-app/test/support/lab-database";
import { REGION, emulatorEndpoint, sandboxClients } from "./emulator";

// The app waits 1 s for the metadata service, as on EC2; in a test run next to other app
// processes the emulated one can need longer, and that must not read as "no role".
const METADATA_TIMEOUT_MS = 5_000;

const ROLE = "awslab-ec2-role";
const EC2_TRUST = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
};

const suffix = () => Math.random().toString(36).slice(2, 8);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function track<T extends LoopbackServer>(server: Promise<T>): Promise<T> {
  const started = await server;
  cleanups.push(() => started.close());
  return started;
}

async function launchWeb(aws: AwsClients): Promise<string> {
  const result = await aws.ec2().send(
    new RunInstancesCommand({
      ImageId: await latestAl2023ImageId(aws),
      InstanceType: "t3.micro",
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "Web" }] }],
    }),
  );
  const id = result.Instances?.[0]?.InstanceId;
  if (!id) throw new Error("no instance");
  return id;
}

/** The console's "Create role" for EC2: the role and its same-named instance profile. */
async function createInstanceRole(aws: AwsClients, name: string, trust = EC2_TRUST) {
  await aws
    .iam()
    .send(
      new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }),
    );
  const profile = await aws
    .iam()
    .send(new CreateInstanceProfileCommand({ InstanceProfileName: name }));
  await aws
    .iam()
    .send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: name }));
  return profile.InstanceProfile?.Arn ?? "";
}

async function readRoleArn(aws: AwsClients) {
  const role = await aws.iam().send(new GetRoleCommand({ RoleName: ROLE }));
  return role.Role?.Arn;
}

/** Actions → Security → Modify IAM role. */
async function attachRole(aws: AwsClients, instanceId: string, profileName: string) {
  await aws.ec2().send(
    new AssociateIamInstanceProfileCommand({
      InstanceId: instanceId,
      IamInstanceProfile: { Name: profileName },
    }),
  );
}

async function detachRole(aws: AwsClients, instanceId: string) {
  const associations = await aws.ec2().send(
    new DescribeIamInstanceProfileAssociationsCommand({
      Filters: [{ Name: "instance-id", Values: [instanceId] }],
    }),
  );
  for (const association of associations.IamInstanceProfileAssociations ?? []) {
    await aws
      .ec2()
      .send(
        new DisassociateIamInstanceProfileCommand({ AssociationId: association.AssociationId }),
      );
  }
}

/** An inline policy, then long enough for the gate's policy cache to have let go of the old one. */
async function putRolePolicy(aws: AwsClients, name: string, statements: object[]) {
  await aws.iam().send(
    new PutRolePolicyCommand({
      RoleName: ROLE,
      PolicyName: name,
      PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
    }),
  );
  await sleep(POLICY_CACHE_MS);
}

async function deleteRolePolicy(aws: AwsClients, name: string) {
  await aws.iam().send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: name }));
  await sleep(POLICY_CACHE_MS);
}

/** The lab's inline policy, written by hand: objects under the bucket, and listing the bucket. */
const labStatements = (bucket: string) => [
  {
    Effect: "Allow",
    Action: ["s3:PutObject", "s3:GetObject"],
    Resource: `arn:aws:s3:::${bucket}/*`,
  },
  { Effect: "Allow", Action: "s3:ListBucket", Resource: `arn:aws:s3:::${bucket}` },
];

/** An S3 client as the sample app builds it: IMDS credentials, the sandbox endpoint, path style. */
function appClient(endpoint: string, credentials: AwsCredentialIdentityProvider) {
  const client = new S3Client({
    region: REGION,
    endpoint,
    forcePathStyle: true,
    credentials,
    maxAttempts: 1,
  });
  cleanups.push(async () => client.destroy());
  return client;
}

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as Error & {
      $metadata?: { httpStatusCode?: number };
      Code?: string;
    };
  }
  throw new Error("expected the request to fail");
}

async function imdsToken(url: string): Promise<string> {
  const response = await fetch(`${url}/latest/api/token`, {
    method: "PUT",
    headers: { "x-aws-ec2-metadata-token-ttl-seconds": "60" },
  });
  expect(response.status).toBe(200);
  return response.text();
}

async function imdsGet(url: string, path: string, token: string) {
  const response = await fetch(`${url}/latest/meta-data/${path}`, {
    headers: { "x-aws-ec2-metadata-token": token },
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(() => {
  // Only the instance's role may supply credentials to the "app" in this file.
  for (const name of [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
  ]) {
    delete process.env[name];
  }
  process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/credentials";
  process.env.AWS_CONFIG_FILE = "/nonexistent/config";
});

describe("instance role in the sandbox: NoCredentials, AccessDenied, then allowed", () => {
  let aws: AwsClients;
  let bucket: string;
  let instanceId: string;
  let imds: LoopbackServer;
  let gate: LoopbackServer;
  let app: S3Client;

  beforeAll(async () => {
    const sandbox = await sandboxClients();
    aws = sandbox.aws;
    bucket = `awslab-s3-${suffix()}`;
    await aws.s3().send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    instanceId = await launchWeb(aws);
    const sessions = new RoleSessionRegistry();
    imds = await track(
      startInstanceMetadata({
        instanceId,
        accountId: sandbox.accountId,
        aws,
        sessions,
        describe: async () => (await readInstances(aws)).find(({ id }) => id === instanceId),
      }),
    );
    gate = await track(startS3Gate({ emulatorEndpoint: emulatorEndpoint(), sessions }));
    app = appClient(gate.url, new InstanceMetadata(imds.url, METADATA_TIMEOUT_MS).credentials);
  });

  const upload = (key: string) =>
    app.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "attachment" }));

  /** What an app with the SDK's default credential chain meets on this instance. */
  async function sdkDefaultChainUpload(key: string) {
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = imds.url;
    try {
      // The SDK gives a metadata service 1 s by default; a busy test machine can need more.
      const client = appClient(gate.url, fromNodeProviderChain({ timeout: 5_000, maxRetries: 2 }));
      return await failureOf(
        client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "x" })),
      );
    } finally {
      delete process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
    }
  }

  it("serves IMDSv2: a token is required, the instance id and region are there", async () => {
    expect((await fetch(`${imds.url}/latest/meta-data/instance-id`)).status).toBe(401);
    const missingTtl = await fetch(`${imds.url}/latest/api/token`, { method: "PUT" });
    expect(missingTtl.status).toBe(400);
    const token = await imdsToken(imds.url);
    expect(await imdsGet(imds.url, "instance-id", token)).toEqual({
      status: 200,
      text: instanceId,
    });
    expect(await imdsGet(imds.url, "placement/region", token)).toEqual({
      status: 200,
      text: REGION,
    });
    expect((await imdsGet(imds.url, "iam/security-credentials/", token)).status).toBe(404);
  });

  it("without a role, the app's credential chain and the SDK's default chain find nothing", async () => {
    const appError = await failureOf(upload("uploads/none.txt"));
    expect(appError.name).toBe("CredentialsProviderError");
    expect(appError.message).toContain("No IAM role is attached");

    expect((await sdkDefaultChainUpload("uploads/sdk.txt")).name).toBe("CredentialsProviderError");
  });

  it("with the role attached but no policy, PutObject is AccessDenied as on AWS", async () => {
    await createInstanceRole(aws, ROLE);
    await attachRole(aws, instanceId, ROLE);

    const token = await imdsToken(imds.url);
    expect(await imdsGet(imds.url, "iam/security-credentials/", token)).toEqual({
      status: 200,
      text: ROLE,
    });
    const issued = JSON.parse(
      (await imdsGet(imds.url, `iam/security-credentials/${ROLE}`, token)).text,
    );
    expect(issued).toMatchObject({ Code: "Success", Type: "AWS-HMAC" });
    expect(Object.keys(issued).sort()).toEqual(
      [
        "AccessKeyId",
        "Code",
        "Expiration",
        "LastUpdated",
        "SecretAccessKey",
        "Token",
        "Type",
      ].sort(),
    );
    const lifetime = new Date(issued.Expiration).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(5 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);

    const denied = await failureOf(upload("uploads/denied.txt"));
    expect(denied).toBeInstanceOf(S3ServiceException);
    expect(denied.name).toBe("AccessDenied");
    expect(denied.$metadata?.httpStatusCode).toBe(403);
    expect(denied.message).toMatch(
      new RegExp(
        `^User: arn:aws:sts::\\d{12}:assumed-role/${ROLE}/${instanceId} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::${bucket}/uploads/denied.txt" because no identity-based policy allows the s3:PutObject action$`,
      ),
    );
    await expect(
      aws.s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "uploads/denied.txt" })),
    ).rejects.toMatchObject({ name: "NotFound" });
    expect(await sdkDefaultChainUpload("uploads/sdk.txt")).toMatchObject({
      name: "AccessDenied",
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("a policy naming only the bucket ARN (no /*) still denies PutObject", async () => {
    await putRolePolicy(aws, "bucket-only", [
      { Effect: "Allow", Action: "s3:*", Resource: `arn:aws:s3:::${bucket}` },
    ]);
    expect((await failureOf(upload("uploads/still-denied.txt"))).name).toBe("AccessDenied");
    // ListBucket is a bucket action, so HeadBucket passes with the same policy.
    await expect(app.send(new HeadBucketCommand({ Bucket: bucket }))).resolves.toBeDefined();
    await deleteRolePolicy(aws, "bucket-only");
  });

  it("with the lab's inline policy, the upload reaches the bucket without restarting the app", async () => {
    await putRolePolicy(aws, "awslab-s3-full-access", labStatements(bucket));
    await upload("uploads/photo.png");
    const stored = await aws
      .s3()
      .send(new GetObjectCommand({ Bucket: bucket, Key: "uploads/photo.png" }));
    expect(await stored.Body?.transformToString()).toBe("attachment");
  });

  it("a presigned GET from the app works with s3:GetObject and is denied without it", async () => {
    const link = await getSignedUrl(
      app,
      new GetObjectCommand({ Bucket: bucket, Key: "uploads/photo.png" }),
      { expiresIn: 300 },
    );
    const allowed = await fetch(link);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toBe("attachment");

    await putRolePolicy(aws, "awslab-s3-full-access", [
      { Effect: "Allow", Action: "s3:PutObject", Resource: `arn:aws:s3:::${bucket}/*` },
    ]);
    const denied = await fetch(link);
    expect(denied.status).toBe(403);
    const body = await denied.text();
    expect(body).toContain("<Code>AccessDenied</Code>");
    expect(body).toContain("is not authorized to perform: s3:GetObject");
    await putRolePolicy(aws, "awslab-s3-full-access", labStatements(bucket));
  });

  it("refuses a tampered or expired presigned URL, which the emulator alone would serve", async () => {
    const link = await getSignedUrl(
      app,
      new GetObjectCommand({ Bucket: bucket, Key: "uploads/photo.png" }),
      { expiresIn: 300 },
    );
    const tampered = await fetch(link.replace("uploads/photo.png", "uploads/other.png"));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain("<Code>SignatureDoesNotMatch</Code>");

    const expired = await getSignedUrl(
      app,
      new GetObjectCommand({ Bucket: bucket, Key: "uploads/photo.png" }),
      { expiresIn: 60, signingDate: new Date(Date.now() - 10 * 60_000) },
    );
    const late = await fetch(expired);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain("<Message>Request has expired</Message>");
  });

  it("passes anonymous GETs through: private until the bucket policy makes objects public", async () => {
    const publicUrl = `${gate.url}/${bucket}/uploads/photo.png`;
    const privateAnswer = await fetch(publicUrl);
    expect(privateAnswer.status).toBe(403);
    expect(await privateAnswer.text()).toContain("<Code>AccessDenied</Code>");

    await aws.s3().send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "AddPerm",
              Effect: "Allow",
              Principal: "*",
              Action: ["s3:GetObject"],
              Resource: [`arn:aws:s3:::${bucket}/*`],
            },
          ],
        }),
      }),
    );
    const publicAnswer = await fetch(publicUrl);
    expect(publicAnswer.status).toBe(200);
    expect(await publicAnswer.text()).toBe("attachment");
  });

  it("counts an attached customer managed policy like an inline one", async () => {
    await deleteRolePolicy(aws, "awslab-s3-full-access");
    expect((await failureOf(upload("uploads/managed.txt"))).name).toBe("AccessDenied");
    const created = await aws.iam().send(
      new CreatePolicyCommand({
        PolicyName: "awslab-s3-managed",
        PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: labStatements(bucket) }),
      }),
    );
    const policyArn = created.Policy?.Arn ?? "";
    await aws.iam().send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: policyArn }));
    await sleep(POLICY_CACHE_MS);
    await upload("uploads/managed.txt");
    await aws.iam().send(new DetachRolePolicyCommand({ RoleName: ROLE, PolicyArn: policyArn }));
    await sleep(POLICY_CACHE_MS);
    expect((await failureOf(upload("uploads/managed-2.txt"))).name).toBe("AccessDenied");
  });

  it("detaching the role takes the credentials away from new clients", async () => {
    await detachRole(aws, instanceId);
    const token = await imdsToken(imds.url);
    expect((await imdsGet(imds.url, "iam/security-credentials/", token)).status).toBe(404);
    const fresh = appClient(
      gate.url,
      new InstanceMetadata(imds.url, METADATA_TIMEOUT_MS).credentials,
    );
    const error = await failureOf(
      fresh.send(new PutObjectCommand({ Bucket: bucket, Key: "uploads/after.txt", Body: "x" })),
    );
    expect(error.name).toBe("CredentialsProviderError");
  });
});

describe("instance roles across accounts, bucket policies and trust", () => {
  let owner: AwsClients;
  let other: AwsClients;
  let otherInstance: string;
  let bucket: string;
  let imds: LoopbackServer;
  let gate: LoopbackServer;
  let app: S3Client;

  beforeAll(async () => {
    owner = (await sandboxClients()).aws;
    const second = await sandboxClients();
    other = second.aws;
    bucket = `awslab-s3-${suffix()}`;
    await owner.s3().send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    otherInstance = await launchWeb(other);
    const sessions = new RoleSessionRegistry();
    imds = await track(
      startInstanceMetadata({
        instanceId: otherInstance,
        accountId: second.accountId,
        aws: other,
        sessions,
        describe: async () => (await readInstances(other)).find(({ id }) => id === otherInstance),
      }),
    );
    gate = await track(startS3Gate({ emulatorEndpoint: emulatorEndpoint(), sessions }));
    await createInstanceRole(other, ROLE);
    await attachRole(other, otherInstance, ROLE);
    await other.iam().send(
      new PutRolePolicyCommand({
        RoleName: ROLE,
        PolicyName: "everything-in-s3",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }],
        }),
      }),
    );
    app = appClient(gate.url, new InstanceMetadata(imds.url, METADATA_TIMEOUT_MS).credentials);
  });

  const upload = (key: string) =>
    app.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: "x" }));
  const setBucketPolicy = async (statement: object) => {
    await owner.s3().send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }),
      }),
    );
    await sleep(POLICY_CACHE_MS);
  };

  it("keeps another attendee's bucket closed although the emulator itself would serve it", async () => {
    const denied = await failureOf(upload("uploads/intruder.txt"));
    expect(denied.name).toBe("AccessDenied");
    expect(denied.message).toContain(
      "because no resource-based policy allows the s3:PutObject action",
    );
    const straightToEmulator = appClient(
      emulatorEndpoint(),
      new InstanceMetadata(imds.url, METADATA_TIMEOUT_MS).credentials,
    );
    await expect(
      straightToEmulator.send(
        new PutObjectCommand({ Bucket: bucket, Key: "uploads/intruder.txt", Body: "x" }),
      ),
    ).resolves.toBeDefined();
  });

  it("opens it when the owner's bucket policy grants the role, as cross-account access on AWS", async () => {
    const roleArn = (await readRoleArn(other)) ?? "";
    await setBucketPolicy({
      Effect: "Allow",
      Principal: { AWS: roleArn },
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::${bucket}/*`,
    });
    await upload("uploads/granted.txt");
    await expect(
      owner.s3().send(new HeadObjectCommand({ Bucket: bucket, Key: "uploads/granted.txt" })),
    ).resolves.toBeDefined();
  });

  it("names an explicit deny in the bucket policy", async () => {
    await setBucketPolicy({
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::${bucket}/*`,
    });
    const denied = await failureOf(upload("uploads/denied.txt"));
    expect(denied.message).toContain("with an explicit deny in a resource-based policy");
  });

  it("gives no credentials for a role whose trust policy does not name EC2", async () => {
    await detachRole(other, otherInstance);
    await createInstanceRole(other, "lambda-only-role", {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "lambda.amazonaws.com" },
          Action: "sts:AssumeRole",
        },
      ],
    });
    await attachRole(other, otherInstance, "lambda-only-role");
    const token = await imdsToken(imds.url);
    const answer = JSON.parse(
      (await imdsGet(imds.url, "iam/security-credentials/lambda-only-role", token)).text,
    );
    expect(answer).toMatchObject({ Code: "AssumeRoleUnauthorizedAccess" });
    expect(answer).not.toHaveProperty("AccessKeyId");
    const fresh = appClient(
      gate.url,
      new InstanceMetadata(imds.url, METADATA_TIMEOUT_MS).credentials,
    );
    const error = await failureOf(
      fresh.send(new PutObjectCommand({ Bucket: bucket, Key: "uploads/x.txt", Body: "x" })),
    );
    expect(error.name).toBe("CredentialsProviderError");
  });
});

describe("S3 gate: callers it does not know", () => {
  let upstreamRequests: string[];
  let gate: LoopbackServer;
  let aws: AwsClients;

  beforeAll(async () => {
    upstreamRequests = [];
    // Stands in for the emulator, to see exactly what the gate forwards.
    const upstream = createServer((request, response) => {
      upstreamRequests.push(`${request.method} ${request.url}`);
      response.writeHead(200, { "content-type": "text/plain" }).end("from upstream");
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", () => resolve()));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          upstream.close(() => resolve());
          upstream.closeAllConnections();
        }),
    );
    const { port } = upstream.address() as AddressInfo;
    gate = await track(
      startS3Gate({
        emulatorEndpoint: `http://127.0.0.1:${port}`,
        sessions: new RoleSessionRegistry(),
      }),
    );
    aws = (await sandboxClients()).aws;
  });

  it("never forwards a request signed with a key the sandbox did not hand out", async () => {
    // Valid emulator credentials, but not an instance role's: the gate must not relay them.
    const stranger = appClient(gate.url, async () => aws.target.credentials);
    const error = await failureOf(
      stranger.send(new PutObjectCommand({ Bucket: "awslab-s3-any", Key: "k", Body: "x" })),
    );
    expect(error.name).toBe("InvalidAccessKeyId");
    expect(error.$metadata?.httpStatusCode).toBe(403);
    const presigned = await getSignedUrl(
      stranger,
      new GetObjectCommand({ Bucket: "awslab-s3-any", Key: "k" }),
      { expiresIn: 60 },
    );
    expect((await fetch(presigned)).status).toBe(403);
    expect(upstreamRequests).toEqual([]);
  });

  it("relays unsigned requests unchanged", async () => {
    const answer = await fetch(`${gate.url}/awslab-s3-any/uploads/a%20b.png?x=1`);
    expect(await answer.text()).toBe("from upstream");
    expect(upstreamRequests).toEqual(["GET /awslab-s3-any/uploads/a%20b.png?x=1"]);
  });
});

/** The form as a browser posts it: the CSRF cookie and token from the page, then multipart. */
async function signUpWithFile(appUrl: string, file: { name: string; data: string }) {
  const page = await fetch(`${appUrl}/`);
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const token = /name="csrf_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const form = new FormData();
  form.append("csrf_token", token);
  form.append("name", "홍길동");
  form.append("email", "gildong@example.com");
  form.append("password", "asdf1234!");
  form.append("attachment", new Blob([file.data]), file.name);
  const response = await fetch(`${appUrl}/`, { method: "POST", body: form, headers: { cookie } });
  return { status: response.status, html: await response.text() };
}

async function healthOf(appUrl: string): Promise<Health> {
  return (await fetch(`${appUrl}/healthz`)).json() as Promise<Health>;
}

async function firstAttachmentLink(appUrl: string): Promise<string> {
  const html = await (await fetch(`${appUrl}/admin`)).text();
  const href = /<td class="url"><a href="([^"]+)"/.exec(html)?.[1] ?? "";
  return href.replace(/&amp;/g, "&");
}

/** The sample app as the sandbox runtime starts it: its own process, config file and environment. */
async function startSampleAppProcess(
  configText: string,
  env: Record<string, string>,
): Promise<string> {
  const directory = mkdtempSync(path.join(tmpdir(), "sandbox-app-"));
  const configFile = path.join(directory, "config.env");
  writeFileSync(configFile, configText);
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) {
    if (name.startsWith("AWS_") || name === "MOTO_ENDPOINT") delete childEnv[name];
  }
  const child = spawn(process.execPath, ["--import", "tsx", "sample-app/src/main.ts"], {
    cwd: path.resolve(__dirname, "../.."),
    env: {
      ...childEnv,
      CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
      AWS_CONFIG_FILE: "/nonexistent/config",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = / listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`sample app exited (${code}):\n${output}`)));
  });
  return url;
}

describe("the real sample app on a sandbox instance shows the lab's teaching pages", () => {
  let aws: AwsClients;
  let bucket: string;
  let instanceId: string;
  let database: LabDatabase;
  let appUrl: string;
  const attachment = { name: "photo.png", data: "png bytes" };

  beforeAll(async () => {
    const sandbox = await sandboxClients();
    aws = sandbox.aws;
    bucket = `awslab-s3-${suffix()}`;
    await aws.s3().send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    instanceId = await launchWeb(aws);
    const sessions = new RoleSessionRegistry();
    const imds = await track(
      startInstanceMetadata({
        instanceId,
        accountId: sandbox.accountId,
        aws,
        sessions,
        describe: async () => (await readInstances(aws)).find(({ id }) => id === instanceId),
      }),
    );
    const gate = await track(startS3Gate({ emulatorEndpoint: emulatorEndpoint(), sessions }));
    database = await createLabDatabase({ prefix: "sbiam" });
    cleanups.push(() => database.drop());
    // What the attendee writes in config.env; the runtime adds the sandbox's endpoints.
    appUrl = await startSampleAppProcess(
      [
        "PORT = 0",
        "LISTEN_HOST = 127.0.0.1",
        `DB_HOST = ${database.host}`,
        `DB_PORT = ${database.port}`,
        `DB_NAME = ${database.name}`,
        `DB_USER = ${database.user}`,
        `DB_USERPASSWORD = ${database.password}`,
        `S3_BUCKET = ${bucket}`,
        "PRESIGNED_URL = True",
        "",
      ].join("\n"),
      { AWS_ENDPOINT_URL: gate.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url },
    );
  }, 90_000);

  it("NoCredentials before a role is attached; the app knows its instance id", async () => {
    const result = await signUpWithFile(appUrl, attachment);
    expect(result.status).toBe(502);
    expect(result.html).toContain("NoCredentials");
    expect(result.html).toContain("Unable to locate credentials");
    expect(result.html).toContain("IAM 역할 수정(Modify IAM role)");
    const health = await healthOf(appUrl);
    expect(health.s3.status).toBe("NoCredentials");
    expect(health.instanceId).toBe(instanceId);
  });

  it("AccessDenied on PutObject once the role is attached without a policy", async () => {
    await createInstanceRole(aws, ROLE);
    await attachRole(aws, instanceId, ROLE);
    // The app asks its metadata service with a 1 s timeout, as on EC2: on a busy machine the first
    // ask may miss, so wait until the app itself sees the role (HeadBucket, now denied).
    await expect
      .poll(async () => (await healthOf(appUrl)).s3.status, { timeout: 15_000 })
      .toBe("AccessDenied");
    const result = await signUpWithFile(appUrl, attachment);
    expect(result.status).toBe(502);
    expect(result.html).toContain("AccessDenied");
    expect(result.html).toContain("when calling the PutObject operation");
    expect(result.html).toContain("인라인 정책 생성(Create inline policy)");
    expect(result.html).toContain(
      `assumed-role/${ROLE}/${instanceId} is not authorized to perform: s3:PutObject`,
    );
    expect((await healthOf(appUrl)).s3.lastUpload?.status).toBe("AccessDenied");
  });

  it("stores the attachment with the original lab's s3:* inline policy, and its presigned link opens", async () => {
    await putRolePolicy(aws, "awslab-s3-full-access", [
      {
        Effect: "Allow",
        Action: "s3:*",
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      },
    ]);
    const result = await signUpWithFile(appUrl, attachment);
    expect(result.status).toBe(200);
    const listed = await aws.s3().send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(listed.Contents?.map(({ Key }) => Key)).toEqual([
      expect.stringMatching(/^uploads\/.+\/photo\.png$/),
    ]);
    const health = await healthOf(appUrl);
    expect(health.s3).toMatchObject({ status: "ok", lastUpload: { status: "ok" } });

    const link = await firstAttachmentLink(appUrl);
    expect(link).toContain("X-Amz-Signature=");
    const download = await fetch(link);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(attachment.data);
  });
});
