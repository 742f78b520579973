// npm run bench — the portal under a classroom's load, on loopback only, bounded in time:
// builds the portal if needed, starts its own emulator (behind a request counter), sandbox
// runtime and production server, joins N attendees over HTTP, connects their sandbox accounts,
// gives half of them a Web instance, and lets every one watch the Compute panel as the page does
// (a stream, plus the fallback poll) for a while. Prints a table and writes docs/performance.md.
//   npm run bench [-- --attendees 30,100,300 --seconds 60]
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { DescribeSubnetsCommand, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { createAwsClients } from "@/lib/aws/client";
import { latestAl2023ImageId } from "@/lib/aws/ec2";
import { assumeSandboxAccount } from "@/lib/aws/identity";
import { connectSandbox, sandboxAccountId } from "@/lib/credentials";
import { openDatabase } from "@/lib/db/connection";
import { stepRegistry } from "@/lib/lab/registry";
import {
  freePort,
  loadOrCreateSecrets,
  root,
  seedPortal,
  startEmulatorTracked,
  startSandboxRuntime,
  stopAll,
  track,
  waitForHttp,
} from "../scripts/lib/stack.mjs";

const { values } = parseArgs({
  options: {
    attendees: { type: "string", default: "30,100,300" },
    seconds: { type: "string", default: "60" },
  },
});
const sizes = values.attendees.split(",").map(Number);
const seconds = Number(values.seconds);
const region = "ap-northeast-2";
const JOIN_CODE = "BENCHLAB";
const FALLBACK_POLL_MS = 15_000;

/** Counts what reaches the emulator: the load the portal's refresh budget lets through. */
async function countingProxy(target: string) {
  const upstream = new URL(target);
  let requests = 0;
  const server = createServer((incoming, outgoing) => {
    requests += 1;
    const forwarded = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function processUsage(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rssKib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return { cpuSeconds: ticks / 100, rssMiB: rssKib / 1024 };
}

/** The portal's node process: `next start` runs the server in a child of the CLI. */
function serverPid(cliPid: number): number {
  const children = spawnSync("pgrep", ["-P", String(cliPid)], { encoding: "utf8" })
    .stdout.trim()
    .split("\n")
    .filter(Boolean)
    .map(Number);
  return children[0] ?? cliPid;
}

async function join(portal: string, name: string): Promise<string> {
  const csrf = await fetch(`${portal}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const signedIn = await fetch(`${portal}/api/auth/callback/attendee`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, joinCode: JOIN_CODE, displayName: name, json: "true" }),
  });
  const session = signedIn.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .find((line) => line?.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`joining failed for ${name}: HTTP ${signedIn.status}`);
  return `${cookie}; ${session}`;
}

async function sessionAttendeeId(portal: string, cookie: string): Promise<string> {
  const response = await fetch(`${portal}/api/auth/session`, { headers: { cookie } });
  const session = (await response.json()) as { user?: { id?: string } };
  if (!session.user?.id) throw new Error("no attendee in the session");
  return session.user.id;
}

async function launchWeb(emulator: string, accountId: string) {
  const credentials = await assumeSandboxAccount({
    endpoint: emulator,
    region,
    accountId,
    sessionName: "bench",
    durationSeconds: 3600,
  });
  const aws = createAwsClients({ credentials, region, endpoint: emulator });
  const subnets = await aws.ec2().send(new DescribeSubnetsCommand({}));
  await aws.ec2().send(
    new RunInstancesCommand({
      ImageId: await latestAl2023ImageId(aws),
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnets.Subnets?.[0]?.SubnetId,
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "Web" }] }],
    }),
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** One attendee's page: a stream of pushes, the first GET and the slow fallback poll. */
function watch(
  portal: string,
  cookie: string,
  until: number,
  latencies: number[],
  errors: { n: number },
) {
  const controller = new AbortController();
  const stream = fetch(`${portal}/api/status/compute/stream`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  })
    .then(async (response) => {
      const reader = response.body?.getReader();
      while (reader && !(await reader.read()).done);
    })
    .catch(() => {});
  const poll = async () => {
    const started = performance.now();
    try {
      const response = await fetch(`${portal}/api/status/compute`, { headers: { cookie } });
      await response.text();
      if (!response.ok) errors.n += 1;
      latencies.push(performance.now() - started);
    } catch {
      errors.n += 1;
    }
  };
  const loop = (async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * FALLBACK_POLL_MS));
    while (Date.now() < until) {
      await poll();
      await new Promise((resolve) => setTimeout(resolve, FALLBACK_POLL_MS));
    }
  })();
  return (async () => {
    await poll();
    await loop;
    controller.abort();
    await stream;
  })();
}

/** gzip size of the JS a page loads, to compare a lab page with the framework's own floor. */
async function pageJsKb(portal: string, pagePath: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${portal}${pagePath}`, { headers: { cookie } })).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map(
    (match) => match[1],
  );
  let bytes = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(`${portal}${src}`)).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return bytes / 1024;
}

function wholeLabCalls() {
  const steps = [...stepRegistry.values()];
  const kinds = new Set(steps.flatMap((step) => step.needs));
  return {
    steps: steps.length,
    lowerBound: kinds.size,
    perCheck: steps.reduce((sum, step) => sum + step.needs.length, 0),
  };
}

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}
const secrets = loadOrCreateSecrets(path.join(root, "data", "bench.env"));
const dbFile = path.join(root, "data", "bench.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });

const emulator = await startEmulatorTracked({});
const counted = await countingProxy(emulator.endpoint);
const runtime = await startSandboxRuntime({
  emulatorEndpoint: counted.url,
  dataDir: path.join(root, "data", "bench-sandbox"),
  log: "ignore",
});
const portalPort = await freePort();
const portal = `http://127.0.0.1:${portalPort}`;
const portalEnv = {
  CREDENTIALS_KEY: secrets.CREDENTIALS_KEY,
  NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
  NEXTAUTH_URL: portal,
  PORTAL_PUBLIC_URL: portal,
  DATABASE_URL: `file:${dbFile}`,
  SANDBOX_AWS_ENDPOINT: counted.url,
  SANDBOX_RUNTIME_URL: runtime.url,
  SANDBOX_RUNTIME_TOKEN: runtime.token,
};
await seedPortal({
  env: portalEnv,
  instructorEmail: "instructor@aws101.local",
  instructorPassword: secrets.DEMO_INSTRUCTOR_PASSWORD,
  joinCode: JOIN_CODE,
  eventName: "Benchmark",
});
const cli = track(
  spawn(
    process.execPath,
    [
      path.join(root, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(portalPort),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: root,
      env: { ...process.env, ...portalEnv, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    },
  ),
  "portal",
);
await waitForHttp(`${portal}/api/ping`, 120_000);
// This process seals the attendees' sandbox credentials into the portal's database itself.
Object.assign(process.env, portalEnv);
const db = await openDatabase(`file:${dbFile}`);

type Row = {
  attendees: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  emulatorPerSecond: number;
  callsPerAttendeeMinute: number;
  rssMiB: number;
  cpuPercent: number;
};
const rows: Row[] = [];
try {
  const joined: { cookie: string; attendeeId: string }[] = [];
  for (const size of sizes) {
    while (joined.length < size) {
      const index = joined.length;
      const cookie = await join(portal, `Bench ${index}`);
      const attendeeId = await sessionAttendeeId(portal, cookie);
      await connectSandbox(db, { attendeeId, endpoint: counted.url, region });
      if (index % 2 === 0) await launchWeb(counted.url, sandboxAccountId(attendeeId));
      joined.push({ cookie, attendeeId });
    }
    const pid = serverPid(cli.pid ?? 0);
    const before = { requests: counted.count(), usage: processUsage(pid), at: Date.now() };
    const latencies: number[] = [];
    const errors = { n: 0 };
    const until = Date.now() + seconds * 1000;
    await Promise.all(joined.map(({ cookie }) => watch(portal, cookie, until, latencies, errors)));
    const elapsed = (Date.now() - before.at) / 1000;
    const usage = processUsage(pid);
    const requests = counted.count() - before.requests;
    latencies.sort((a, b) => a - b);
    rows.push({
      attendees: size,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      errors: errors.n,
      emulatorPerSecond: requests / elapsed,
      callsPerAttendeeMinute: requests / size / (elapsed / 60),
      rssMiB: usage.rssMiB,
      cpuPercent: ((usage.cpuSeconds - before.usage.cpuSeconds) / elapsed) * 100,
    });
    console.log(`${size} attendees: done`);
  }
  const lab = wholeLabCalls();
  const labPageKb = await pageJsKb(
    portal,
    "/lab/compute/ec2-launch",
    await join(portal, "Bench pages"),
  );
  const floorKb = await pageJsKb(portal, "/instructor/sign-in", "");

  const table = [
    "| attendees | p50 | p90 | p99 | errors | emulator requests/s | AWS calls per attendee per minute | portal RSS | portal CPU |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${row.attendees} | ${row.p50.toFixed(0)} ms | ${row.p90.toFixed(0)} ms | ${row.p99.toFixed(0)} ms | ${row.errors} | ${row.emulatorPerSecond.toFixed(1)} | ${row.callsPerAttendeeMinute.toFixed(1)} | ${row.rssMiB.toFixed(0)} MiB | ${row.cpuPercent.toFixed(0)} % |`,
    ),
  ].join("\n");
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, one moto process`;
  const report = `# Performance

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}. Production build,
sandbox attendees joined over HTTP, half of them with a Web instance, each watching the Compute panel
as the page does (a server-sent event stream and the ${FALLBACK_POLL_MS / 1000} s fallback poll) for
${seconds} s. Latency is the status request's; every AWS call the portal makes reaches the emulator
through a counting proxy.

${table}

Whole-lab refresh: ${lab.steps} steps need ${lab.lowerBound} resource kinds, so one refresh of every
step reads each kind once (${lab.lowerBound} reads, plus calls that depend on what exists), against
${lab.perCheck} if every check read its own (${(lab.perCheck / lab.lowerBound).toFixed(1)}× more).

First-load JavaScript, gzip: a lab step page ${labPageKb.toFixed(0)} KB; the framework floor (the
instructor sign-in page) ${floorKb.toFixed(0)} KB; the lab page's share above it ${(labPageKb - floorKb).toFixed(0)} KB.
`;
  writeFileSync(path.join(root, "docs", "performance.md"), report);
  console.log(`\n${report}`);
} finally {
  await db.destroy();
  await counted.close();
  await stopAll();
}
