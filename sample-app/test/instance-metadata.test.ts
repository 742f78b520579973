// IMDSv2 against a loopback fake: the instance id for /healthz, and the instance role's
// credentials, which is how "attach an IAM role" fixes NoCredentials without a restart.
import type { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config";
import { EC2_METADATA_ENDPOINT, metadataEndpoint } from "../src/imds";
import { type StartedApp, labSettings, startTestApp } from "./support/app";
import { SignupClient, healthOf } from "./support/client";
import {
  accountCredentials,
  createBucket,
  s3Client,
  sharedEndpoint,
  uniqueBucketName,
} from "./support/emulator";
import { FakeImds } from "./support/fake-imds";
import { type LabDatabase, createLabDatabase } from "./support/lab-database";

const ACCOUNT = "200000000003";

describe("metadataEndpoint", () => {
  const noSysFiles = () => "";
  it("never points at the link-local address off EC2", () => {
    expect(metadataEndpoint(parseConfig({}), noSysFiles)).toBeNull();
  });
  it("uses the default address when DMI says EC2, unless disabled", () => {
    const nitro = (file: string) => (file.endsWith("board_asset_tag") ? "i-0abc" : "");
    expect(metadataEndpoint(parseConfig({}), nitro)).toBe(EC2_METADATA_ENDPOINT);
    expect(metadataEndpoint(parseConfig({ AWS_EC2_METADATA_DISABLED: "true" }), nitro)).toBeNull();
  });
  it("honours an explicit endpoint", () => {
    const config = parseConfig({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://127.0.0.1:9/" });
    expect(metadataEndpoint(config, noSysFiles)).toBe("http://127.0.0.1:9");
  });
});

describe("on an EC2 instance (fake IMDSv2 on loopback)", () => {
  let endpoint: string;
  let database: LabDatabase;
  let s3: S3Client;
  let bucket: string;
  let imds: FakeImds;
  let started: StartedApp;

  beforeAll(async () => {
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

    endpoint = sharedEndpoint();
    database = await createLabDatabase({ prefix: "imds" });
    const owner = await accountCredentials(endpoint, ACCOUNT);
    s3 = s3Client(endpoint, owner);
    bucket = uniqueBucketName("awslab-s3-imds");
    await createBucket(s3, bucket);
    imds = new FakeImds();
    const imdsEndpoint = await imds.start();
    started = await startTestApp(
      labSettings({
        database,
        bucket,
        endpoint,
        extra: {
          AWS_EC2_METADATA_DISABLED: "false",
          AWS_EC2_METADATA_SERVICE_ENDPOINT: imdsEndpoint,
        },
      }),
    );
  });

  afterAll(async () => {
    await started?.close();
    await imds?.stop();
    await database?.drop();
    s3?.destroy();
  });

  it("reports the instance id read with an IMDSv2 token", async () => {
    const health = await healthOf(started.url);
    expect(health.instanceId).toBe("i-0123456789abcdef0");
    expect(imds.tokens.size).toBeGreaterThan(0);
  });

  it("shows NoCredentials while no role is attached, and uploads once one is", async () => {
    const client = new SignupClient(started.url);
    const attendee = { name: "홍길동", email: "gildong@example.com", password: "asdf1234!" };
    const file = { name: "photo.png", data: "png" };

    const withoutRole = await client.signUp({ ...attendee, file });
    expect(withoutRole.status).toBe(502);
    expect(withoutRole.html).toContain("NoCredentials");
    expect(withoutRole.html).toContain("No IAM role is attached to this EC2 instance");

    imds.role = {
      name: "awslab-ec2-role",
      credentials: await accountCredentials(endpoint, ACCOUNT),
    };
    const withRole = await client.signUp({ ...attendee, file });
    expect(withRole.status).toBe(200);
    const health = await healthOf(started.url);
    expect(health.s3).toMatchObject({ status: "ok", lastUpload: { status: "ok" } });
  });
});
