// The lab's happy path against MariaDB and the emulator's S3, plus the bad inputs.
import { createHash } from "node:crypto";
import {
  DeleteBucketPolicyCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config";
import { verifyPassword } from "../src/password";
import { encodeObjectKey } from "../src/storage";
import { type StartedApp, labSettings, startTestApp } from "./support/app";
import { SignupClient, attachmentLinks } from "./support/client";
import {
  accountCredentials,
  createBucket,
  putBucketPolicy,
  s3Client,
  sharedEndpoint,
  uniqueBucketName,
} from "./support/emulator";
import { type LabDatabase, createLabDatabase } from "./support/lab-database";

const ACCOUNT = "200000000001";

interface UserRecord {
  id: number;
  name: string;
  email: string;
  password: string;
  attachment: string | null;
}

let endpoint: string;
let database: LabDatabase;
let credentials: AwsCredentialIdentity;
let s3: S3Client;
let bucket: string;
let started: StartedApp;
let client: SignupClient;

async function users(): Promise<UserRecord[]> {
  return (await database.admin("SELECT * FROM users ORDER BY id")) as UserRecord[];
}

async function lastUser(): Promise<UserRecord> {
  const all = await users();
  const last = all.at(-1);
  if (!last) throw new Error("no users");
  return last;
}

async function objectCount(): Promise<number> {
  const listing = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  return listing.KeyCount ?? 0;
}

beforeAll(async () => {
  endpoint = sharedEndpoint();
  database = await createLabDatabase({ prefix: "signup" });
  credentials = await accountCredentials(endpoint, ACCOUNT);
  s3 = s3Client(endpoint, credentials);
  bucket = uniqueBucketName("awslab-s3-signup");
  await createBucket(s3, bucket);
  started = await startTestApp(labSettings({ database, bucket, endpoint }), credentials);
  client = new SignupClient(started.url);
});

afterAll(async () => {
  await started?.close();
  await database?.drop();
  s3?.destroy();
});

describe("the sign-up form", () => {
  it("is served in Korean and English with a CSRF token bound to an HttpOnly cookie", async () => {
    const page = await client.get("/");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Welcome to Saltware");
    expect(page.html).toContain("솔트웨어에 오신 것을 환영합니다");
    for (const field of ['name="name"', 'name="email"', 'name="password"', 'name="attachment"']) {
      expect(page.html).toContain(field);
    }
    expect(page.html).toContain("Sign Up");
    expect(page.html).toMatch(/name="csrf_token" value="[A-Za-z0-9_-]{43}"/);
    const fresh = await fetch(`${started.url}/`);
    expect(fresh.headers.get("set-cookie")).toMatch(
      /^csrf_nonce=.+; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const policy = fresh.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.html)?.[1] ?? "";
    const styleHash = createHash("sha256").update(style).digest("base64");
    expect(policy).toContain(`style-src 'sha256-${styleHash}'`);
  });

  it("stores a sign-up without attachment with a hashed password", async () => {
    const result = await client.signUp({
      name: "홍길동",
      email: "gildong@example.com",
      password: "asdf1234!",
    });
    expect(result.status).toBe(200);
    expect(result.html).toContain("가입해 주셔서 감사합니다, 홍길동님!");
    expect(result.html).toContain("Thanks for registration, 홍길동!");

    const row = await lastUser();
    expect(row).toMatchObject({ name: "홍길동", email: "gildong@example.com", attachment: null });
    expect(row.password).not.toContain("asdf1234!");
    expect(row.password).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("asdf1234!", row.password)).toBe(true);
    expect(await verifyPassword("wrong-password", row.password)).toBe(false);
  });

  it("uploads an attachment under a unique key with its content type", async () => {
    const first = await client.signUp({
      name: "Kim",
      email: "kim@example.com",
      password: "password-1",
      file: { name: "report.pdf", data: "%PDF-1.4 first", type: "text/html" },
    });
    expect(first.status).toBe(200);
    const firstKey = (await lastUser()).attachment;
    expect(firstKey).toMatch(/^uploads\/[0-9a-f-]{36}\/report\.pdf$/);

    await client.signUp({
      name: "Lee",
      email: "lee@example.com",
      password: "password-2",
      file: { name: "report.pdf", data: "%PDF-1.4 second" },
    });
    const secondKey = (await lastUser()).attachment;
    expect(secondKey).not.toBe(firstKey);

    // The browser's claimed type is ignored: the extension decides.
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: firstKey ?? "" }));
    expect(head.ContentType).toBe("application/pdf");
    const body = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: firstKey ?? "" }));
    expect(await body.Body?.transformToString()).toBe("%PDF-1.4 first");
  });

  it("keeps Korean file names and strips path tricks from the key", async () => {
    await client.signUp({
      name: "Park",
      email: "park@example.com",
      password: "password-3",
      file: { name: "이력서 (최종).pdf", data: "korean" },
    });
    expect((await lastUser()).attachment).toMatch(/^uploads\/[0-9a-f-]{36}\/이력서_최종_\.pdf$/);

    for (const name of ["../../etc/passwd", "..\\..\\windows\\win.ini", ".."]) {
      await client.signUp({
        name: "Mallory",
        email: "m@example.com",
        password: "password-4",
        file: { name, data: "x" },
      });
      const key = (await lastUser()).attachment ?? "";
      expect(key).toMatch(/^uploads\/[0-9a-f-]{36}\/[^/\\]+$/);
      expect(key).not.toContain("..");
    }
    const keys = (await users()).map((row) => row.attachment);
    expect(keys.at(-3)).toMatch(/\/passwd$/);
    expect(keys.at(-2)).toMatch(/\/win\.ini$/);
    expect(keys.at(-1)).toMatch(/\/file$/);
  });

  it("escapes script in the name, in the thank-you message and on /admin", async () => {
    const name = `<script>alert("x")</script>`;
    const result = await client.signUp({ name, email: "xss@example.com", password: "password-5" });
    expect(result.status).toBe(200);
    expect(result.html).not.toContain("<script>");
    expect(result.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");

    const admin = await client.get("/admin");
    expect(admin.html).not.toContain("<script>");
    expect(admin.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});

describe("bad input", () => {
  it("rejects empty fields with a message per field and stores nothing", async () => {
    const before = (await users()).length;
    const result = await client.signUp({ name: "  ", email: "", password: "" });
    expect(result.status).toBe(400);
    expect(result.html).toContain("Name is required.");
    expect(result.html).toContain("Email is required.");
    expect(result.html).toContain("Password must be at least 8 characters.");
    expect((await users()).length).toBe(before);
  });

  it("rejects an invalid email and a short password, keeping what was typed", async () => {
    const result = await client.signUp({
      name: "Kim <b>",
      email: "not-an-email",
      password: "short",
    });
    expect(result.status).toBe(400);
    expect(result.html).toContain("Not a valid email address.");
    expect(result.html).toContain("Password must be at least 8 characters.");
    expect(result.html).toContain('value="Kim &lt;b&gt;"');
    expect(result.html).not.toContain('value="short"');
  });

  it("refuses a file over MAX_UPLOAD_MB, whether announced by Content-Length or not", async () => {
    const rows = (await users()).length;
    const objects = await objectCount();
    const justOver = Buffer.alloc(5 * 1024 * 1024 + 1, 1);
    const result = await client.signUp({
      name: "Big",
      email: "big@example.com",
      password: "password-6",
      file: { name: "big.bin", data: justOver },
    });
    expect(result.status).toBe(413);
    expect(result.html).toContain("The attachment is too large: the limit is 5 MB.");

    const farOver = Buffer.alloc(8 * 1024 * 1024, 1);
    const early = await client.signUp({
      name: "Bigger",
      email: "big@example.com",
      password: "password-6",
      file: { name: "bigger.bin", data: farOver },
    });
    expect(early.status).toBe(413);
    expect((await users()).length).toBe(rows);
    expect(await objectCount()).toBe(objects);
  });

  it("refuses a form without a CSRF token, or with a token for another cookie", async () => {
    const rows = (await users()).length;
    const missing = await client.signUp({
      name: "Eve",
      email: "eve@example.com",
      password: "password-7",
      token: null,
    });
    expect(missing.status).toBe(403);
    expect(missing.html).toContain("CSRF");

    const other = await new SignupClient(started.url).openForm();
    const forged = await client.signUp({
      name: "Eve",
      email: "eve@example.com",
      password: "password-7",
      token: other.token,
    });
    expect(forged.status).toBe(403);
    expect((await users()).length).toBe(rows);
  });
});

describe("/admin", () => {
  it("never shows a password and links the modern-style public URL that S3 refuses until made public", async () => {
    const plain = "public-link-password";
    await client.signUp({
      name: "Choi",
      email: "choi@example.com",
      password: plain,
      file: { name: "사진 1.png", data: "png-bytes" },
    });
    const key = (await lastUser()).attachment ?? "";
    const admin = await client.get("/admin");
    expect(admin.status).toBe(200);
    expect(admin.html).not.toContain(plain);
    expect(admin.html).not.toContain("scrypt$");
    expect(admin.html).toContain("공개 URL");

    const [link] = attachmentLinks(admin.html);
    expect(link).toBe(`${endpoint}/${bucket}/${encodeObjectKey(key)}`);
    expect(link).toContain("%EC%82%AC%EC%A7%84_1.png");

    const before = await fetch(link ?? "");
    expect(before.status).toBe(403);
    await putBucketPolicy(s3, bucket, {
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: `arn:aws:s3:::${bucket}/*`,
    });
    const after = await fetch(link ?? "");
    expect(after.status).toBe(200);
    expect(after.headers.get("content-type")).toBe("image/png");
    expect(await after.text()).toBe("png-bytes");
  });

  it("links presigned GET URLs valid for 300 seconds when PRESIGNED_URL is on", async () => {
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
    await started.app.reconfigure(
      parseConfig(labSettings({ database, bucket, endpoint, extra: { PRESIGNED_URL: "True" } })),
    );
    const admin = await client.get("/admin");
    expect(admin.html).toContain("presigned URL (300초 동안 유효)");

    const key = (await lastUser()).attachment ?? "";
    const [link] = attachmentLinks(admin.html);
    const url = new URL(link ?? "");
    expect(`${url.origin}${url.pathname}`).toBe(`${endpoint}/${bucket}/${encodeObjectKey(key)}`);
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(url.searchParams.get("X-Amz-Credential")).toContain(`${credentials.accessKeyId}/`);
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    // The emulator does not verify presigned signatures, so the shape above is what is asserted;
    // the fetch shows the URL addresses the right object while the public URL stays refused.
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("png-bytes");
    expect((await fetch(`${endpoint}/${bucket}/${encodeObjectKey(key)}`)).status).toBe(403);
  });
});
