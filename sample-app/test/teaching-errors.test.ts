// The errors the lab wants attendees to meet, each produced for real against MariaDB and the
// emulator, plus the fix the page suggests applied without restarting the app.
import { DeleteBucketPolicyCommand, type S3Client } from "@aws-sdk/client-s3";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WIDEN_PASSWORD_COLUMN_SQL } from "../src/db";
import { type StartedApp, labSettings, startTestApp } from "./support/app";
import { SignupClient, healthOf } from "./support/client";
import {
  accountCredentials,
  createBucket,
  putBucketPolicy,
  s3Client,
  sharedEndpoint,
  uniqueBucketName,
} from "./support/emulator";
import { type LabDatabase, createLabDatabase } from "./support/lab-database";

const ACCOUNT = "200000000002";
const attendee = { name: "홍길동", email: "gildong@example.com", password: "asdf1234!" };
const attachment = { name: "photo.png", data: "png" };

let endpoint: string;
let database: LabDatabase;
let credentials: AwsCredentialIdentity;
let s3: S3Client;
let bucket: string;
const cleanups: Array<() => Promise<void>> = [];

async function start(
  settings: Record<string, string>,
  withCredentials = true,
): Promise<StartedApp> {
  const started = await startTestApp(settings, withCredentials ? credentials : undefined);
  cleanups.push(() => started.close());
  return started;
}

async function userCount(target: LabDatabase = database): Promise<number> {
  const rows = (await target.admin("SELECT COUNT(*) AS count FROM users")) as Array<{
    count: number;
  }>;
  return Number(rows[0]?.count);
}

beforeAll(async () => {
  // Nothing on this machine may stand in for the instance role: no keys, no profiles.
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
  database = await createLabDatabase({ prefix: "teach" });
  credentials = await accountCredentials(endpoint, ACCOUNT);
  s3 = s3Client(endpoint, credentials);
  bucket = uniqueBucketName("awslab-s3-teach");
  await createBucket(s3, bucket);
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await database?.drop();
  s3?.destroy();
});

describe("S3 teaching errors", () => {
  it("names NoCredentials and says to attach an IAM role when the instance has no role", async () => {
    const started = await start(labSettings({ database, bucket, endpoint }), false);
    const before = await userCount();
    const result = await new SignupClient(started.url).signUp({ ...attendee, file: attachment });
    expect(result.status).toBe(502);
    expect(result.html).toContain("NoCredentials");
    expect(result.html).toContain("Unable to locate credentials");
    expect(result.html).toContain("IAM 역할 수정(Modify IAM role)");
    expect(result.html).not.toMatch(/at \w+ \(|node_modules/);
    expect(await userCount()).toBe(before);

    const health = await healthOf(started.url);
    expect(health.s3.lastUpload?.status).toBe("NoCredentials");
    expect(health.s3.status).toBe("NoCredentials");
  });

  it("names AccessDenied on PutObject and points at the role's policy (Deny bucket policy)", async () => {
    await putBucketPolicy(s3, bucket, {
      Effect: "Deny",
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::${bucket}/*`,
    });
    const started = await start(labSettings({ database, bucket, endpoint }));
    const client = new SignupClient(started.url);
    const before = await userCount();
    const denied = await client.signUp({ ...attendee, file: attachment });
    expect(denied.status).toBe(502);
    expect(denied.html).toContain("AccessDenied");
    expect(denied.html).toContain("when calling the PutObject operation");
    expect(denied.html).toContain("인라인 정책 생성(Create inline policy)");
    expect(denied.html).toContain(`arn:aws:s3:::${bucket}/*`);
    expect(await userCount()).toBe(before);
    const health = await healthOf(started.url);
    expect(health.s3.lastUpload?.status).toBe("AccessDenied");
    expect(health.s3.status).toBe("ok");

    // Granting the permission is enough: the next sign-up works without a restart.
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
    const allowed = await client.signUp({ ...attendee, file: attachment });
    expect(allowed.status).toBe(200);
    expect((await healthOf(started.url)).s3.lastUpload?.status).toBe("ok");
  });

  it("names NoSuchBucket when S3_BUCKET has a typo", async () => {
    const started = await start(labSettings({ database, bucket: `${bucket}-typo`, endpoint }));
    const result = await new SignupClient(started.url).signUp({ ...attendee, file: attachment });
    expect(result.status).toBe(502);
    expect(result.html).toContain("NoSuchBucket");
    expect((await healthOf(started.url)).s3).toMatchObject({
      status: "NoSuchBucket",
      bucket: `${bucket}-typo`,
    });
  });

  it("stores the row but not the file when S3_BUCKET is empty, and says so", async () => {
    const started = await start(labSettings({ database, endpoint }));
    const result = await new SignupClient(started.url).signUp({ ...attendee, file: attachment });
    expect(result.status).toBe(200);
    expect(result.html).toContain("S3_BUCKET is not set, so the attachment was not stored.");
    expect((await healthOf(started.url)).s3.status).toBe("not_configured");
  });
});

describe("database teaching errors", () => {
  it("detects the lab's old VARCHAR(35) password column and the ALTER TABLE fixes it live", async () => {
    const old = await createLabDatabase({ prefix: "teach_old", passwordColumnLength: 35 });
    cleanups.push(() => old.drop());
    const started = await start(labSettings({ database: old }));
    expect((await healthOf(started.url)).database).toEqual({
      status: "old_password_column",
      code: null,
      users: 0,
    });
    const client = new SignupClient(started.url);
    const refused = await client.signUp(attendee);
    expect(refused.status).toBe(500);
    expect(refused.html).toContain("users.password");
    expect(refused.html).toContain(WIDEN_PASSWORD_COLUMN_SQL);
    expect(await userCount(old)).toBe(0);

    await old.admin(WIDEN_PASSWORD_COLUMN_SQL);
    const accepted = await client.signUp(attendee);
    expect(accepted.status).toBe(200);
    expect((await healthOf(started.url)).database).toEqual({ status: "ok", code: null, users: 1 });
  });

  it("explains an unconfigured database and still serves the form", async () => {
    const started = await start(labSettings({}));
    const form = await new SignupClient(started.url).get("/");
    expect(form.status).toBe(200);
    expect(form.html).toContain("The database is not configured yet");
    const result = await new SignupClient(started.url).signUp(attendee);
    expect(result.status).toBe(503);
    expect(result.html).toContain("DB_HOST");
    expect((await healthOf(started.url)).database.status).toBe("not_configured");
  });

  it.each([
    {
      problem: "access_denied",
      code: "ER_ACCESS_DENIED_ERROR",
      settings: () => labSettings({ database, extra: { DB_USERPASSWORD: "wrong-password" } }),
      pageText: "DB_USER or DB_USERPASSWORD is wrong",
    },
    {
      // MariaDB and MySQL answer "access denied", not "unknown database", for a name the user
      // holds no grant on, so a typo in DB_NAME lands here too.
      problem: "access_denied",
      code: "ER_DBACCESS_DENIED_ERROR",
      settings: () => labSettings({ database, extra: { DB_NAME: `${database.name}_typo` } }),
      pageText: "no privileges on this database",
    },
    {
      problem: "refused",
      code: "ECONNREFUSED",
      settings: () => labSettings({ database, extra: { DB_PORT: "1" } }),
      pageText: "recovers by itself",
    },
  ])(
    "reports $problem ($code) in /healthz and on the page",
    async ({ problem, code, settings, pageText }) => {
      const started = await start(settings());
      expect((await healthOf(started.url)).database).toEqual({
        status: problem,
        code,
        users: null,
      });
      const result = await new SignupClient(started.url).signUp(attendee);
      expect(result.status).toBe(503);
      expect(result.html).toContain(pageText);
    },
  );

  it("reports unknown_database when the lab's CREATE DATABASE step was skipped", async () => {
    const missing = await createLabDatabase({ prefix: "teach_nodb", createDatabase: false });
    cleanups.push(() => missing.drop());
    const started = await start(labSettings({ database: missing }));
    expect((await healthOf(started.url)).database).toEqual({
      status: "unknown_database",
      code: "ER_BAD_DB_ERROR",
      users: null,
    });
    const result = await new SignupClient(started.url).signUp(attendee);
    expect(result.status).toBe(503);
    expect(result.html).toContain(`CREATE DATABASE ${missing.name};`);
  });

  it("reports a missing users table with the CREATE TABLE to run", async () => {
    const empty = await createLabDatabase({ prefix: "teach_notable", createTable: false });
    cleanups.push(() => empty.drop());
    const started = await start(labSettings({ database: empty }));
    expect((await healthOf(started.url)).database).toEqual({
      status: "no_such_table",
      code: "ER_NO_SUCH_TABLE",
      users: null,
    });
    const result = await new SignupClient(started.url).signUp(attendee);
    expect(result.status).toBe(503);
    expect(result.html).toContain("CREATE TABLE IF NOT EXISTS users");
    expect(result.html).toContain("password VARCHAR(255) NOT NULL");
  });
});

describe("/admin protection", () => {
  it("asks for HTTP Basic credentials once ADMIN_PASSWORD is set", async () => {
    const started = await start(
      labSettings({ database, extra: { ADMIN_PASSWORD: "s3cret-admin" } }),
    );
    const anonymous = await fetch(`${started.url}/admin`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Basic");
    const wrong = await fetch(`${started.url}/admin`, {
      headers: { authorization: `Basic ${Buffer.from("admin:nope").toString("base64")}` },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${started.url}/admin`, {
      headers: { authorization: `Basic ${Buffer.from("admin:s3cret-admin").toString("base64")}` },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).not.toContain("Anyone can open this page");
    expect((await healthOf(started.url)).config.ADMIN_PASSWORD).toBe(true);
    expect(JSON.stringify(await healthOf(started.url))).not.toContain("s3cret-admin");
  });
});
