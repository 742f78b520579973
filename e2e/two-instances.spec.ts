// Two portal instances behind one load balancer share one PostgreSQL: a change made through one
// reaches a stream held by the other, and do-it-for-me clicked on both at once acts once.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { DescribeInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { freePort, root, seedPortal, waitForHttp } from "../scripts/lib/stack.mjs";
import {
  builtActions,
  callAction,
  encodeArgs,
  secretsOfRun,
  signInAttendee,
  stackInfo,
} from "./portal-client";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = `aws101_e2e_${randomBytes(5).toString("hex")}`;
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
const joinCode = `TWO${randomBytes(3).toString("hex").toUpperCase()}`;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

type Instance = { url: string; process: ChildProcess };
const instances: Instance[] = [];

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: root,
      stdio: "ignore",
      env: {
        ...process.env,
        ...secretsOfRun(),
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: url,
        PORTAL_PUBLIC_URL: url,
        SANDBOX_AWS_ENDPOINT: stackInfo().emulatorEndpoint,
        // Only the change feed can bring the other instance's change within the test's wait.
        STATUS_REFRESH_SECONDS: "600",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  const instance = { url, process: child };
  instances.push(instance);
  await waitForHttp(`${url}/api/ping`, 120_000);
  return instance;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await admin(`CREATE DATABASE ${database}`);
  await seedPortal({
    env: { ...secretsOfRun(), DATABASE_URL: databaseUrl },
    instructorEmail: `two-${joinCode.toLowerCase()}@aws101.local`,
    instructorPassword: randomBytes(12).toString("base64url"),
    joinCode,
    eventName: "Two instances",
  });
  await Promise.all([startInstance(), startInstance()]);
});

test.afterAll(async () => {
  for (const instance of instances) instance.process.kill("SIGTERM");
  await Promise.all(
    instances.map(
      (instance) =>
        new Promise((resolve) => {
          if (instance.process.exitCode !== null) resolve(undefined);
          else instance.process.once("exit", resolve);
        }),
    ),
  );
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

/** Status events of a stream, as the panel's EventSource would get them. */
async function openStream(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
  expect(response.status).toBe(200);
  const events: { steps: { id: string; state: string }[] }[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => line.slice(6))
          .join("\n");
        if (data) events.push(JSON.parse(data));
      }
    }
  })();
  return { events, close: () => controller.abort() };
}

test("a change through one instance reaches the other's stream; ten clicks on both make one instance", async ({
  playwright,
}) => {
  test.setTimeout(180_000);
  const [first, second] = instances;
  if (!first || !second) throw new Error("instances did not start");
  const onFirst: APIRequestContext = await playwright.request.newContext({ baseURL: first.url });
  expect((await signInAttendee(onFirst, "Two instances", joinCode)).status()).toBe(200);
  const onSecond = await playwright.request.newContext({
    baseURL: second.url,
    storageState: await onFirst.storageState(),
  });
  const cookie = (await onFirst.storageState()).cookies
    .map((entry) => `${entry.name}=${entry.value}`)
    .join("; ");

  const actions = builtActions();
  const id = (key: string) => {
    const found = actions.get(key);
    if (!found) throw new Error(`${key} is not in the build`);
    return found.id;
  };
  const connected = await callAction(
    onFirst,
    "/credentials",
    id("app/credentials/actions.ts#connectSandboxAction"),
    encodeArgs([{}]),
  );
  expect(connected.result).toMatchObject({ ok: true });
  const accountId = /\b\d{12}\b/.exec(
    (connected.result as { data?: { message?: string } }).data?.message ?? "",
  )?.[0];

  const stream = await openStream(`${second.url}/api/status/compute/stream`, cookie);
  await expect.poll(() => stream.events.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const launchState = () =>
    stream.events.at(-1)?.steps.find((step) => step.id === "ec2-launch")?.state;
  expect(launchState()).not.toBe("pass");

  const apply = id("app/lab/actions.ts#applyStepAction");
  const clicks = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      callAction(
        i % 2 ? onSecond : onFirst,
        "/lab/compute/ec2-launch",
        apply,
        encodeArgs([{ stepId: "ec2-launch", operation: "do" }]),
      ),
    ),
  );
  for (const click of clicks) expect(click.status).toBe(200);

  expect(accountId).toMatch(/^\d{12}$/);
  const endpoint = stackInfo().emulatorEndpoint;
  const region = "ap-northeast-2";
  const assumed = await new STSClient({
    region,
    endpoint,
    credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" },
  }).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/aws101-attendee`,
      RoleSessionName: "two-instances",
    }),
  );
  const ec2 = new EC2Client({
    region,
    endpoint,
    credentials: {
      accessKeyId: assumed.Credentials!.AccessKeyId!,
      secretAccessKey: assumed.Credentials!.SecretAccessKey!,
      sessionToken: assumed.Credentials!.SessionToken!,
    },
  });
  const running = await ec2.send(
    new DescribeInstancesCommand({
      Filters: [{ Name: "instance-state-name", Values: ["pending", "running"] }],
    }),
  );
  expect(
    (running.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []),
  ).toHaveLength(1);
  // The stream on the second instance shows the first's launch without the page asking again.
  await expect.poll(launchState, { timeout: 15_000 }).not.toBe("not-started");
  stream.close();
});
