// Renders the sign-up form, /admin and one teaching error in headless Chromium into docs/,
// against a throwaway database on the local MariaDB and a private emulator account.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { SignupClient } from "../test/support/client";
import {
  accountCredentials,
  createBucket,
  ensureEmulator,
  putBucketPolicy,
  s3Client,
  uniqueBucketName,
} from "../test/support/emulator";
import { labSettings, startTestApp } from "../test/support/app";
import { createLabDatabase } from "../test/support/lab-database";

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "docs");

const emulator = await ensureEmulator();
const database = await createLabDatabase({ prefix: "shots" });
const credentials = await accountCredentials(emulator.endpoint, "200000000090");
const s3 = s3Client(emulator.endpoint, credentials);
const bucket = uniqueBucketName("awslab-s3-shots");
await createBucket(s3, bucket);

const running = await startTestApp(
  labSettings({ database, bucket, endpoint: emulator.endpoint }),
  credentials,
);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const client = new SignupClient(running.url);
  await client.signUp({ name: "홍길동", email: "gildong@example.com", password: "asdf1234!" });
  await client.signUp({
    name: "김철수",
    email: "chulsoo@example.com",
    password: "correct horse",
    file: { name: "이력서 2026.pdf", data: "%PDF-1.4 sample" },
  });
  await client.signUp({
    name: "<script>alert(1)</script>",
    email: "mallory@example.com",
    password: "password123",
    file: { name: "../../etc/passwd", data: "root:x:0:0" },
  });

  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  const policyViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text()))
      policyViolations.push(message.text());
  });
  await page.goto(`${running.url}/`);
  await page.fill("#name", "Jane Doe");
  await page.fill("#email", "jane@example.com");
  await page.screenshot({ path: path.join(docs, "signup.png"), fullPage: true });
  await page.goto(`${running.url}/admin`);
  await page.screenshot({ path: path.join(docs, "admin.png"), fullPage: true });

  await putBucketPolicy(s3, bucket, {
    Effect: "Deny",
    Action: "s3:PutObject",
    Resource: `arn:aws:s3:::${bucket}/*`,
  });
  await page.goto(`${running.url}/`);
  await page.fill("#name", "Jane Doe");
  await page.fill("#email", "jane@example.com");
  await page.fill("#password", "asdf1234!");
  await page.setInputFiles("#attachment", {
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from("not really a png"),
  });
  await page.click("button[type=submit]");
  await page.screenshot({ path: path.join(docs, "error-access-denied.png"), fullPage: true });
  if (policyViolations.length > 0)
    throw new Error(`CSP violations:\n${policyViolations.join("\n")}`);
  console.log(`screenshots written to ${path.relative(process.cwd(), docs)}`);
} finally {
  await browser.close();
  await running.close();
  await database.drop();
  s3.destroy();
  await emulator.stop();
}
