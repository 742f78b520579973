// Starts the local AWS emulator (moto server) from the project's own virtualenv.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MOTO_VERSION = "5.2.1";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const venv = path.join(root, ".venv");
const motoServer = path.join(venv, "bin", "moto_server");

export function ensureEmulatorInstalled({ quiet = false } = {}) {
  if (existsSync(motoServer)) return motoServer;
  const stdio = quiet ? "ignore" : "inherit";
  if (!quiet)
    console.log(`Installing the AWS emulator (moto[server]==${MOTO_VERSION}) into .venv ...`);
  run("python3", ["-m", "venv", venv], stdio);
  run(
    path.join(venv, "bin", "pip"),
    ["install", "--quiet", `moto[server]==${MOTO_VERSION}`],
    stdio,
  );
  return motoServer;
}

function run(command, args, stdio) {
  const result = spawnSync(command, args, { stdio });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startEmulator({ port, env = {} } = {}) {
  ensureEmulatorInstalled();
  const chosenPort = port ?? (await freePort());
  const child = spawn(motoServer, ["-H", "127.0.0.1", "-p", String(chosenPort)], {
    stdio: ["ignore", "ignore", "pipe"],
    // AWS managed policies (AmazonS3FullAccess …) exist only when loaded: attendees attach them.
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: "true", ...env },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${chosenPort}`;
  await waitUntilUp(endpoint, child, () => stderr);
  return {
    endpoint,
    port: chosenPort,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        // A stopped (SIGSTOP) emulator must be let go on before it can hear SIGTERM.
        child.kill("SIGCONT");
        child.kill("SIGTERM");
      }),
  };
}

async function waitUntilUp(endpoint, child, stderr) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited early:\n${stderr()}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill("SIGKILL");
  throw new Error(`moto_server did not start on ${endpoint}:\n${stderr()}`);
}
