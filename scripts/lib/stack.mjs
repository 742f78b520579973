// Starts what a local portal needs: the AWS emulator, the lab's sample app, the seeded database
// and the portal itself. Used by `npm run demo`, `npm run sandbox` and the Playwright e2e server.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureEmulatorInstalled, freePort, startEmulator } from "./emulator.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// This machine runs Node 20; the SDK's notice about Node 22 would otherwise repeat in every process.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const stoppers = new Set();
let stopping = false;

export function ensureNpmDependencies() {
  if (existsSync(path.join(root, "node_modules", ".package-lock.json"))) return;
  console.log("Installing npm dependencies (npm ci) ...");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("npm ci failed");
}

/** Secrets for a local portal are generated once and kept in data/, never committed. */
export function loadOrCreateSecrets(file) {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) {
    const lines = [
      `CREDENTIALS_KEY=${randomBytes(32).toString("base64")}`,
      `NEXTAUTH_SECRET=${randomBytes(32).toString("base64")}`,
      `DEMO_INSTRUCTOR_PASSWORD=${randomBytes(9).toString("base64url")}`,
    ];
    writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
  }
  return Object.fromEntries(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

export function track(child, name) {
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", resolve);
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  stoppers.add(stop);
  child.once("exit", (code, signal) => {
    stoppers.delete(stop);
    if (!stopping && code !== 0) console.error(`${name} exited (${signal ?? code})`);
  });
  return child;
}

export async function stopAll() {
  stopping = true;
  await Promise.all([...stoppers].map((stop) => stop()));
}

export function stopOnSignals() {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => void stopAll().then(() => process.exit(0)));
  }
}

export function tcpReachable(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export async function waitForHttp(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

const SAMPLE_APP_ACCOUNT = "100000000101";

/**
 * The sandbox's sample app gets its own emulator account through sts:AssumeRole, like an instance
 * role would give it; the emulator answers unknown keys badly once a bucket has a policy.
 */
async function sampleAppCredentials(endpoint) {
  const { STSClient, AssumeRoleCommand } = await import("@aws-sdk/client-sts");
  const sts = new STSClient({
    endpoint,
    region: "ap-northeast-2",
    credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" },
  });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${SAMPLE_APP_ACCOUNT}:role/awslab-ec2-role`,
      RoleSessionName: "sample-app",
      DurationSeconds: 43200,
    }),
  );
  return {
    AWS_ACCESS_KEY_ID: Credentials.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: Credentials.SecretAccessKey,
    AWS_SESSION_TOKEN: Credentials.SessionToken,
  };
}

/** The lab's database as attendees create it in the Database module (with the wider password column). */
async function prepareLabDatabase(database) {
  const mysql = await import("mysql2/promise");
  const connection = await mysql.createConnection({ host: "127.0.0.1", port: 3306, user: "root" });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
    await connection.query(
      "CREATE USER IF NOT EXISTS 'form_user'@'localhost' IDENTIFIED BY 'asdf1234'",
    );
    await connection.query(
      "CREATE USER IF NOT EXISTS 'form_user'@'127.0.0.1' IDENTIFIED BY 'asdf1234'",
    );
    await connection.query(`GRANT ALL PRIVILEGES ON \`${database}\`.* TO 'form_user'@'localhost'`);
    await connection.query(`GRANT ALL PRIVILEGES ON \`${database}\`.* TO 'form_user'@'127.0.0.1'`);
    await connection.query(
      `CREATE TABLE IF NOT EXISTS \`${database}\`.users (id INT AUTO_INCREMENT, name VARCHAR(255) NOT NULL, email VARCHAR(255) NOT NULL, password VARCHAR(255) NOT NULL, attachment VARCHAR(255), PRIMARY KEY (id))`,
    );
  } finally {
    await connection.end();
  }
}

async function createBucket(endpoint, bucket, keys) {
  const { S3Client, CreateBucketCommand } = await import("@aws-sdk/client-s3");
  const s3 = new S3Client({
    endpoint,
    region: "ap-northeast-2",
    forcePathStyle: true,
    credentials: {
      accessKeyId: keys.AWS_ACCESS_KEY_ID,
      secretAccessKey: keys.AWS_SECRET_ACCESS_KEY,
      sessionToken: keys.AWS_SESSION_TOKEN,
    },
  });
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: "ap-northeast-2" },
      }),
    );
  } catch (error) {
    if (error?.name !== "BucketAlreadyOwnedByYou") throw error;
  }
}

/** The sandbox's copy of the lab's web app on loopback: the web-app probe goes here, never to EC2. */
export async function startSampleApp({
  port,
  emulatorEndpoint,
  database = "aws101_demo",
  log = "inherit",
}) {
  const keys = await sampleAppCredentials(emulatorEndpoint);
  const env = {
    ...process.env,
    ...keys,
    PORT: String(port),
    LISTEN_HOST: "127.0.0.1",
    AWS_REGION: "ap-northeast-2",
    AWS_ENDPOINT_URL: emulatorEndpoint,
    AWS_EC2_METADATA_DISABLED: "true",
    S3_BUCKET: "awslab-s3-sandbox",
    CONFIG_FILE: path.join(root, "data", "sample-app.env"),
  };
  await createBucket(emulatorEndpoint, env.S3_BUCKET, keys);
  if (await tcpReachable("127.0.0.1", 3306)) {
    try {
      await prepareLabDatabase(database);
      Object.assign(env, {
        DB_HOST: "127.0.0.1",
        DB_NAME: database,
        DB_USER: "form_user",
        DB_USERPASSWORD: "asdf1234",
      });
    } catch (error) {
      console.warn(
        `MariaDB reachable but not usable (${error.message}); the sample app runs without a database.`,
      );
    }
  } else {
    console.warn(
      "MariaDB is not reachable on 127.0.0.1:3306; the sample app runs and /healthz says so.",
    );
  }
  if (!existsSync(env.CONFIG_FILE))
    writeFileSync(
      env.CONFIG_FILE,
      "# Sample app config for the sandbox; the environment overrides it.\n",
    );
  const child = track(
    spawn(process.execPath, ["--import", "tsx", path.join(root, "sample-app", "src", "main.ts")], {
      cwd: root,
      env,
      stdio: ["ignore", log, log],
    }),
    "sample app",
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, 30_000);
  return { url, child };
}

export async function seedPortal({
  env,
  instructorEmail,
  instructorPassword,
  joinCode,
  eventName,
}) {
  const result = spawnSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(root, "scripts", "seed.ts"),
      "--json",
      "--instructor-email",
      instructorEmail,
      "--instructor-password",
      instructorPassword,
      "--join-code",
      joinCode,
      "--event-name",
      eventName,
    ],
    { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`seeding failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

export async function startEmulatorTracked(options) {
  const emulator = await startEmulator(options);
  stoppers.add(emulator.stop);
  return emulator;
}

export { ensureEmulatorInstalled, freePort };

const modes = {
  demo: {
    portalPort: 3000,
    emulatorPort: 4566,
    appPort: 8080,
    database: "file:./data/portal.db",
    secrets: "data/demo.env",
    portal: "dev",
  },
  sandbox: { emulatorPort: 4566, appPort: 8080, secrets: "data/demo.env", portal: "none" },
  e2e: {
    portalPort: Number(process.env.E2E_PORT ?? 3100),
    database: "file:./data/e2e.db",
    secrets: "data/e2e.env",
    portal: "start",
  },
};

export async function runStack(modeName) {
  const mode = modes[modeName];
  stopOnSignals();
  ensureEmulatorInstalled();
  const secrets = loadOrCreateSecrets(path.join(root, mode.secrets));
  const bundled = spawnSync("npm", ["run", "--silent", "bundle", "-w", "sample-app"], {
    cwd: root,
    stdio: "inherit",
  });
  if (bundled.status !== 0) throw new Error("building the sample app bundle failed");
  const emulator = await startEmulatorTracked({ port: mode.emulatorPort });
  const app = await startSampleApp({
    port: mode.appPort ?? (await freePort()),
    emulatorEndpoint: emulator.endpoint,
    database: modeName === "e2e" ? "aws101_e2e" : "aws101_demo",
    log: modeName === "e2e" ? "ignore" : "inherit",
  });
  const portalEnv = {
    CREDENTIALS_KEY: secrets.CREDENTIALS_KEY,
    NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
    SANDBOX_AWS_ENDPOINT: emulator.endpoint,
    SANDBOX_APP_URL: app.url,
  };
  if (mode.portal === "none") {
    console.log(
      `\nSandbox running.\n  SANDBOX_AWS_ENDPOINT=${emulator.endpoint}\n  SANDBOX_APP_URL=${app.url}\nPress Ctrl+C to stop.`,
    );
    return;
  }
  const portalUrl = `http://localhost:${mode.portalPort}`;
  Object.assign(portalEnv, {
    DATABASE_URL: mode.database,
    NEXTAUTH_URL: portalUrl,
    PORTAL_PUBLIC_URL: portalUrl,
  });
  const seeded = await seedPortal({
    env: portalEnv,
    instructorEmail: "instructor@aws101.local",
    instructorPassword: secrets.DEMO_INSTRUCTOR_PASSWORD,
    joinCode: modeName === "e2e" ? "E2ETEST" : "AWS101",
    eventName: modeName === "e2e" ? "E2E rehearsal" : "AWS 101 데모 (Demo)",
  });
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  track(
    spawn(
      process.execPath,
      [nextBin, mode.portal, "-p", String(mode.portalPort), "-H", "127.0.0.1"],
      {
        cwd: root,
        env: { ...process.env, ...portalEnv, NEXT_TELEMETRY_DISABLED: "1" },
        stdio: ["ignore", modeName === "e2e" ? "ignore" : "inherit", "inherit"],
      },
    ),
    "portal",
  );
  await waitForHttp(`${portalUrl}/api/ping`, 300_000);
  console.log(
    [
      "",
      "AWS 101 portal is running (sandbox mode).",
      `  Portal:              ${portalUrl}`,
      `  Join code:           ${seeded.joinCode}`,
      `  Instructor:          ${seeded.instructorEmail} / ${secrets.DEMO_INSTRUCTOR_PASSWORD}  (${portalUrl}/instructor)`,
      `  AWS emulator:        ${emulator.endpoint}`,
      `  Sample app (local):  ${app.url}`,
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
}
