import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity } from "@aws-sdk/types";

export const REGION = "ap-northeast-2";

interface EmulatorModule {
  startEmulator(options?: { env?: Record<string, string> }): Promise<{
    endpoint: string;
    stop(): Promise<void>;
  }>;
}

/** The run's shared emulator (set by the root vitest globalSetup), or a private one for scripts. */
export async function ensureEmulator(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  if (process.env.MOTO_ENDPOINT)
    return { endpoint: process.env.MOTO_ENDPOINT, stop: async () => {} };
  const modulePath = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    "../../../scripts/lib/emulator.mjs",
  );
  const { startEmulator } = (await import(modulePath)) as EmulatorModule;
  return startEmulator();
}

export function sharedEndpoint(): string {
  const endpoint = process.env.MOTO_ENDPOINT;
  if (!endpoint) throw new Error("MOTO_ENDPOINT is not set: run the tests with the root vitest");
  return endpoint;
}

/** The emulator scopes state per account; each test file assumes a role in its own account. */
export async function accountCredentials(
  endpoint: string,
  accountId: string,
): Promise<AwsCredentialIdentity> {
  const sts = new STSClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: "bootstrap", secretAccessKey: "bootstrap" },
  });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/any`,
      RoleSessionName: "sample-app-test",
    }),
  );
  sts.destroy();
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey)
    throw new Error("AssumeRole failed");
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  };
}

export function s3Client(endpoint: string, credentials: AwsCredentialIdentity): S3Client {
  return new S3Client({ endpoint, region: REGION, forcePathStyle: true, credentials });
}

/** Bucket names are global in the emulator too, so every one gets a random suffix. */
export function uniqueBucketName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createBucket(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
}

export async function putBucketPolicy(
  s3: S3Client,
  bucket: string,
  statement: { Effect: "Allow" | "Deny"; Action: string; Resource: string },
): Promise<void> {
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: bucket,
      Policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Sid: "Test", Principal: "*", ...statement }],
      }),
    }),
  );
}
