// Sign-ups per second against MariaDB and the emulator's S3, on loopback only. Every scenario is
// bounded by a request count and a wall-clock cap; the figures are printed, never asserted.
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import autocannon from "autocannon";
import { APP_VERSION } from "../src/version";
import { csrfTokenFrom } from "../test/support/client";
import {
  accountCredentials,
  createBucket,
  ensureEmulator,
  s3Client,
  uniqueBucketName,
} from "../test/support/emulator";
import { labSettings, startTestApp } from "../test/support/app";
import { createLabDatabase } from "../test/support/lab-database";

const ACCOUNT = "200000000080";
const CONNECTIONS = 8;
const WALL_CLOCK_CAP_SECONDS = 30;
const BOUNDARY = "----aws101bench";

function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; data: Buffer },
): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="attachment"; filename="${file.name}"\r\n` +
          "Content-Type: application/octet-stream\r\n\r\n",
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

interface Scenario {
  title: string;
  method: "GET" | "POST";
  path: string;
  amount: number;
  body?: Buffer;
}

function runScenario(
  baseUrl: string,
  cookie: string,
  scenario: Scenario,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${scenario.path}`,
        method: scenario.method,
        connections: CONNECTIONS,
        amount: scenario.amount,
        timeout: 20,
        headers: {
          cookie,
          ...(scenario.body && { "content-type": `multipart/form-data; boundary=${BOUNDARY}` }),
        },
        body: scenario.body,
      },
      (error: Error | null, result: autocannon.Result) => {
        clearTimeout(cap);
        if (error) reject(error);
        else resolve(result);
      },
    );
    const cap = setTimeout(() => instance.stop(), WALL_CLOCK_CAP_SECONDS * 1000);
  });
}

const emulator = await ensureEmulator();
const database = await createLabDatabase({ prefix: "bench" });
const credentials = await accountCredentials(emulator.endpoint, ACCOUNT);
const s3 = s3Client(emulator.endpoint, credentials);
const bucket = uniqueBucketName("awslab-s3-bench");
await createBucket(s3, bucket);

const running = await startTestApp(
  labSettings({ database, bucket, endpoint: emulator.endpoint }),
  credentials,
);

try {
  const formResponse = await fetch(`${running.url}/`);
  const cookie = (formResponse.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const token = csrfTokenFrom(await formResponse.text());
  const fields = {
    csrf_token: token,
    name: "벤치 Bench",
    email: "bench@example.com",
    password: "bench-password",
  };

  const scenarios: Scenario[] = [
    {
      title: "sign-up, no attachment",
      method: "POST",
      path: "/",
      amount: 400,
      body: multipartBody(fields),
    },
    {
      title: "sign-up, 64 KiB attachment",
      method: "POST",
      path: "/",
      amount: 300,
      body: multipartBody(fields, { name: "bench.bin", data: Buffer.alloc(64 * 1024, 7) }),
    },
    { title: "/admin, 100 rows, public links", method: "GET", path: "/admin", amount: 400 },
    { title: "/healthz (SELECT + HeadBucket)", method: "GET", path: "/healthz", amount: 400 },
  ];

  console.log(
    `aws101-sample-app ${APP_VERSION} · node ${process.version} · ${CONNECTIONS} connections · loopback MariaDB + emulator S3\n`,
  );
  const rows: Record<string, string | number>[] = [];
  for (const scenario of scenarios) {
    const result = await runScenario(running.url, cookie, scenario);
    const completed = result["2xx"] + result.non2xx;
    rows.push({
      scenario: scenario.title,
      requests: completed,
      "2xx": result["2xx"],
      "non-2xx": result.non2xx,
      errors: result.errors,
      "req/s": Number(
        ((completed * 1000) / (result.finish.getTime() - result.start.getTime())).toFixed(1),
      ),
      "p50 ms": result.latency.p50,
      "p99 ms": result.latency.p99,
      "max ms": result.latency.max,
    });
  }
  console.table(rows);

  const stored = (await database.admin("SELECT COUNT(*) AS count FROM users")) as Array<{
    count: number;
  }>;
  const objects = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
  console.log(
    `rows in users: ${stored[0]?.count ?? 0}, objects in the bucket: ${objects.KeyCount ?? 0}`,
  );
} finally {
  await running.close();
  await database.drop();
  s3.destroy();
  await emulator.stop();
}
