// Starts what a local portal needs: the AWS emulator, the lab's sample app, the seeded database
// and the portal itself. Used by `npm run demo`, `npm run sandbox` and the Playwright e2e server.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureEmulatorInstalled, freePort, startEmulator } from "./emulator.mjs";
import { startRecordingProxy } from "./recording-proxy.mjs";

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

/**
 * The sandbox instance runtime: each attendee's running Web gets its own copy of the sample app on
 * loopback. The portal finds it through the runtime's token-protected loopback API.
 */
export async function startSandboxRuntime({
  emulatorEndpoint,
  port = 0,
  dataDir,
  log = "inherit",
  logFile = undefined,
}) {
  const token = randomBytes(24).toString("hex");
  const child = track(
    spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        path.join(root, "scripts", "sandbox-runtime.ts"),
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          SANDBOX_AWS_ENDPOINT: emulatorEndpoint,
          SANDBOX_RUNTIME_PORT: String(port),
          SANDBOX_RUNTIME_TOKEN: token,
          SANDBOX_DATA_DIR: dataDir,
        },
        stdio: ["ignore", "pipe", logFile ? "pipe" : "inherit"],
      },
    ),
    "sandbox runtime",
  );
  if (logFile) {
    const file = createWriteStream(logFile, { flags: "a" });
    child.stdout.pipe(file);
    child.stderr.pipe(file);
    child.stderr.pipe(process.stderr);
  }
  const url = await new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk) => {
      if (log === "inherit") process.stdout.write(chunk);
      output += chunk.toString();
      const match = /sandbox runtime listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the sandbox runtime exited (${code})`)));
  });
  return { url, token };
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
      // `=` form: a generated password may start with "-", which parseArgs takes for an option.
      `--instructor-email=${instructorEmail}`,
      `--instructor-password=${instructorPassword}`,
      `--join-code=${joinCode}`,
      `--event-name=${eventName}`,
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

/**
 * SANDBOX_EMULATORS=N starts N emulator processes (one core each); the portal and the sandbox
 * runtime get them as one comma-separated SANDBOX_AWS_ENDPOINT and keep each account on one.
 */
export async function startSandboxEmulators({ port, count = emulatorCount() } = {}) {
  const emulators = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      startEmulatorTracked(index === 0 && port ? { port } : {}),
    ),
  );
  return { first: emulators[0], endpoints: emulators.map((emulator) => emulator.endpoint) };
}

function emulatorCount() {
  const count = Number(process.env.SANDBOX_EMULATORS ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 16) {
    throw new Error("SANDBOX_EMULATORS must be a whole number from 1 to 16");
  }
  return count;
}

export { ensureEmulatorInstalled, freePort };

const modes = {
  demo: {
    portalPort: 3000,
    emulatorPort: 4566,
    runtimePort: 4580,
    database: "file:./data/portal.db",
    secrets: "data/demo.env",
    portal: "dev",
  },
  sandbox: { emulatorPort: 4566, runtimePort: 4580, secrets: "data/demo.env", portal: "none" },
  e2e: {
    portalPort: Number(process.env.E2E_PORT ?? 3100),
    database: "file:./data/e2e.db",
    secrets: "data/e2e.env",
    portal: "start",
    // Server logs and every text response of the run, for the no-secret scan (e2e/no-secrets).
    capture: "data/e2e-capture",
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
  const capture = mode.capture ? path.join(root, mode.capture) : undefined;
  if (capture) mkdirSync(capture, { recursive: true });
  const { first: emulator, endpoints } = await startSandboxEmulators({ port: mode.emulatorPort });
  const sandboxEndpoint = endpoints.join(",");
  const runtime = await startSandboxRuntime({
    emulatorEndpoint: sandboxEndpoint,
    port: mode.runtimePort ?? 0,
    dataDir: path.join(root, "data", modeName === "e2e" ? "e2e-sandbox" : "sandbox"),
    log: modeName === "e2e" ? "ignore" : "inherit",
    logFile: capture && path.join(capture, "runtime.log"),
  });
  const portalEnv = {
    CREDENTIALS_KEY: secrets.CREDENTIALS_KEY,
    NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
    SANDBOX_AWS_ENDPOINT: sandboxEndpoint,
    SANDBOX_RUNTIME_URL: runtime.url,
    SANDBOX_RUNTIME_TOKEN: runtime.token,
  };
  if (mode.portal === "none") {
    console.log(
      `\nSandbox running.\n  SANDBOX_AWS_ENDPOINT=${sandboxEndpoint}\n  SANDBOX_RUNTIME_URL=${runtime.url}\n  SANDBOX_RUNTIME_TOKEN=${runtime.token}\n  NEXTAUTH_URL=http://localhost:3000\n  CREDENTIALS_KEY and NEXTAUTH_SECRET: set -a; . ./${mode.secrets}; set +a\nPress Ctrl+C to stop.`,
    );
    return;
  }
  const portalUrl = `http://localhost:${mode.portalPort}`;
  Object.assign(portalEnv, {
    DATABASE_URL: mode.database,
    NEXTAUTH_URL: portalUrl,
    PORTAL_PUBLIC_URL: portalUrl,
  });
  if (capture) {
    // Tests paste real emulator credentials; the portal verifies and uses them there. The
    // portal's own identity (the default chain's environment) assumes attendees' roles there too.
    Object.assign(portalEnv, {
      PASTED_CREDENTIALS_ENDPOINT: emulator.endpoint,
      AWS_ACCESS_KEY_ID: "AKIAPORTALE2E0000000",
      AWS_SECRET_ACCESS_KEY: "portal-e2e-identity",
    });
    writeFileSync(
      path.join(capture, "stack.json"),
      JSON.stringify({ emulatorEndpoint: emulator.endpoint }),
    );
  }
  const seeded = await seedPortal({
    env: portalEnv,
    instructorEmail: "instructor@aws101.local",
    instructorPassword: secrets.DEMO_INSTRUCTOR_PASSWORD,
    joinCode: modeName === "e2e" ? "E2ETEST" : "AWS101",
    eventName: modeName === "e2e" ? "E2E rehearsal" : "AWS 101 데모 (Demo)",
  });
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const nextPort = capture ? await freePort() : mode.portalPort;
  const portal = track(
    spawn(process.execPath, [nextBin, mode.portal, "-p", String(nextPort), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...process.env, ...portalEnv, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"],
    }),
    "portal",
  );
  if (capture) {
    const log = createWriteStream(path.join(capture, "portal.log"), { flags: "a" });
    portal.stdout.pipe(log);
    portal.stderr.pipe(log);
    portal.stderr.pipe(process.stderr);
    const proxy = await startRecordingProxy({
      port: mode.portalPort,
      target: `http://127.0.0.1:${nextPort}`,
      file: path.join(capture, "responses.ndjson"),
    });
    stoppers.add(proxy.stop);
  }
  await waitForHttp(`${portalUrl}/api/ping`, 300_000);
  console.log(
    [
      "",
      "AWS 101 portal is running (sandbox mode).",
      `  Portal:              ${portalUrl}`,
      `  Join code:           ${seeded.joinCode}`,
      `  Instructor:          ${seeded.instructorEmail} / ${secrets.DEMO_INSTRUCTOR_PASSWORD}  (${portalUrl}/instructor)`,
      `  AWS emulator:        ${sandboxEndpoint}`,
      `  Sandbox runtime:     ${runtime.url} (one sample app per running Web instance)`,
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
}
