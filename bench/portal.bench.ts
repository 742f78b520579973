// npm run bench — the portal under a classroom's load, on loopback only, bounded in time:
// builds the portal if needed, starts its own emulator (behind a request counter), sandbox
// runtime and production server, joins N attendees over HTTP, connects their sandbox accounts,
// gives half of them a Web instance, and lets every one watch the Compute panel as the page does
// (a stream, plus the fallback poll) for a while. Prints a table and writes docs/performance.md.
// Also times an attendee's "do it for me" to the update on their stream, and counts the AWS calls
// of one whole-lab refresh at the emulator. --emulators N spreads the sandbox over N processes.
//   npm run bench [-- --attendees 30,100,300 --seconds 60 --emulators 1 --refreshes-per-second 5
//                    --account-calls-per-second 2 --profile DIR]
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { DescribeSubnetsCommand, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { createAwsClients } from "@/lib/aws/client";
import { latestAl2023ImageId } from "@/lib/aws/ec2";
import { assumeSandboxAccount } from "@/lib/aws/identity";
import { connectSandbox, resolveCredentials, sandboxAccountId } from "@/lib/credentials";
import { openDatabase } from "@/lib/db/connection";
import { stepRegistry } from "@/lib/lab/registry";
import { sandboxEndpointFor } from "@/lib/sandbox/accounts";
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
import { countingEmulator } from "./counting-emulator";
import { countWholeLab } from "./whole-lab";

const { values } = parseArgs({
  options: {
    attendees: { type: "string", default: "30,100,300" },
    seconds: { type: "string", default: "60" },
    emulators: { type: "string", default: process.env.SANDBOX_EMULATORS ?? "1" },
    "refreshes-per-second": {
      type: "string",
      default: process.env.STATUS_REFRESH_PER_SECOND ?? "5",
    },
    "account-calls-per-second": {
      type: "string",
      default: process.env.STATUS_ACCOUNT_CALLS_PER_SECOND ?? "2",
    },
    /** Attendees per run whose "do it for me" is timed to their stream. */
    applies: { type: "string", default: "5" },
    /** A directory for the portal's CPU profiles and event-loop stalls (bench/loop-delay.mjs). */
    profile: { type: "string" },
  },
});
const emulatorCount = Number(values.emulators);
const appliesPerRun = Number(values.applies);
const sizes = values.attendees.split(",").map(Number);
const seconds = Number(values.seconds);
const region = "ap-northeast-2";
const JOIN_CODE = "BENCHLAB";
const FALLBACK_POLL_MS = 15_000;
/** The page whose panel every attendee watches: a Compute step. */
const WATCHED_PAGE = "/lab/compute/ec2-launch";
const OPENING_SPREAD_MS = 5_000;
/** Attendees joining at once while the class fills up. */
const JOINING_AT_ONCE = 8;

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

const images: Record<string, Promise<string>> = {};

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
      // The emulator's image catalogue is the same in every account: looked up once per process.
      ImageId: await (images[emulator] ??= latestAl2023ImageId(aws)),
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnets.Subnets?.[0]?.SubnetId,
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "Web" }] }],
    }),
  );
}

/** NaN when nothing was measured (a run shorter than the poll's period), printed as "–". */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/**
 * One attendee's page as the browser loads it: the step page (its HTML carries the stored status),
 * then the stream of pushes, and the fallback poll every 15 s from the opening on.
 */
async function watch(
  portal: string,
  cookie: string,
  until: number,
  measured: { status: number[]; opening: number[] },
  errors: { n: number },
) {
  // A class opens its pages over a few seconds, not in one millisecond.
  await sleep(Math.random() * OPENING_SPREAD_MS);
  const openedAt = performance.now();
  try {
    const page = await fetch(`${portal}${WATCHED_PAGE}`, { headers: { cookie } });
    await page.text();
    if (!page.ok) errors.n += 1;
    measured.opening.push(performance.now() - openedAt);
  } catch {
    errors.n += 1;
  }
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
      measured.status.push(performance.now() - started);
    } catch {
      errors.n += 1;
    }
  };
  while (Date.now() + FALLBACK_POLL_MS <= until) {
    await sleep(FALLBACK_POLL_MS);
    await poll();
  }
  controller.abort();
  await stream;
}

/** A server action's id in the production build, to call it over HTTP as the page's form does. */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(
    ([, action]) => action.exportedName === exportedName,
  );
  if (!found) throw new Error(`no server action ${exportedName} in the build`);
  return found[0];
}

/** The step whose "do it for me" is timed (on attendees with a Web): it gives Web an Elastic IP. */
const APPLIED_STEP = "elastic-ip";

const appliedStepState = (data: string) =>
  (JSON.parse(data) as { steps: { stepId: string; state: string }[] }).steps.find(
    (step) => step.stepId === APPLIED_STEP,
  )?.state;

/**
 * The attendee's own "do it for me", timed to the update on their stream: from the click, and
 * from the action's answer (negative: the push arrived before the answer).
 */
async function applyToStream(
  portal: string,
  cookie: string,
  applyAction: string,
): Promise<{ toStream: number; afterAnswer: number } | { failed: string }> {
  const controller = new AbortController();
  const response = await fetch(`${portal}/api/status/compute/stream`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  if (!reader) return { failed: `stream HTTP ${response.status}` };
  const decoder = new TextDecoder();
  let buffer = "";
  let before: string | undefined;
  // Zero until the click: events before it show what the panel showed.
  let sentAt = 0;
  let pushedAt: number | undefined;
  const reading = (async () => {
    while (pushedAt === undefined) {
      const chunk = await reader.read();
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!event.startsWith("data: ")) continue;
        const state = appliedStepState(event.slice(6));
        if (!sentAt) before = state;
        else if (state !== before) pushedAt = performance.now();
      }
    }
  })().catch(() => {});
  // What the panel showed before the click: the stream's first event, or nothing yet.
  const shown = Date.now() + 5_000;
  while (before === undefined && Date.now() < shown) await sleep(50);
  sentAt = performance.now();
  const answer = await fetch(`${portal}/lab/compute/${APPLIED_STEP}`, {
    method: "POST",
    headers: {
      cookie,
      origin: portal,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": applyAction,
    },
    body: JSON.stringify([{ stepId: APPLIED_STEP, operation: "do" }]),
  });
  const answered = await answer.text();
  const answeredAt = performance.now();
  const deadline = Date.now() + 30_000;
  while (pushedAt === undefined && Date.now() < deadline) await sleep(20);
  controller.abort();
  await reading;
  if (pushedAt === undefined) {
    return {
      failed: `no change of ${before ?? "nothing shown"}: HTTP ${answer.status} ${answered.slice(0, 300)}`,
    };
  }
  return { toStream: pushedAt - sentAt, afterAnswer: pushedAt - answeredAt };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The AWS calls the portal makes for one attendee with a Web when each of its modules is asked
 * once (each module a refresh of its own), counted at the emulator for that account only: the
 * rest of the class's refreshes still under way are not this attendee's.
 */
async function modulesMeasured(portal: string, cookie: string, accountId: string) {
  const modules = (
    JSON.parse(readFileSync(path.join(root, "content", "modules.json"), "utf8")) as {
      id: string;
    }[]
  ).map((module) => module.id);
  const proxy = proxyOf(accountId);
  const mine = () =>
    Object.entries(proxy.byOperation())
      .filter(([call]) => call.startsWith(`${accountId} `))
      .reduce((sum, [, calls]) => sum + calls, 0);
  const before = mine();
  for (const moduleId of modules) {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const answer = await fetch(`${portal}/api/status/${moduleId}`, { headers: { cookie } });
      if (!((await answer.json()) as { refreshing?: boolean }).refreshing) break;
      await sleep(200);
    }
  }
  return { modules: modules.length, calls: mine() - before };
}

/** The counting proxy in front of the emulator process the account lives on. */
function proxyOf(accountId: string) {
  const url = sandboxEndpointFor(counted.url, accountId);
  const proxy = proxies.find((candidate) => candidate.url === url);
  if (!proxy) throw new Error(`no counting proxy at ${url}`);
  return proxy;
}

/**
 * The first and a later refresh of every step for the attendee (one reader), the lower bound, and
 * every step refreshed alone (the per-check baseline), counted at the emulator for the attendee's
 * account.
 */
async function wholeLabCalls(attendeeId: string, accountId: string) {
  const resolved = await resolveCredentials(db, attendeeId, counted.url);
  if (!resolved) throw new Error("the bench attendee has no sandbox credentials");
  const proxy = proxyOf(accountId);
  proxy.nameKey(resolved.target.credentials.accessKeyId, accountId);
  return countWholeLab({
    aws: createAwsClients(resolved.target),
    scope: { accountId, principalArn: resolved.principalArn },
    steps: [...stepRegistry.values()],
    proxy,
    accounts: [accountId],
    beforeEach: () => {},
  });
}

/** The framework floor: the JS every page of the build loads (Next's runtime, React, polyfills). */
function frameworkFloorKb(): number {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next", "build-manifest.json"), "utf8"),
  ) as { rootMainFiles: string[]; polyfillFiles: string[] };
  return (
    [...manifest.rootMainFiles, ...manifest.polyfillFiles].reduce(
      (sum, file) => sum + gzipSync(readFileSync(path.join(root, ".next", file))).length,
      0,
    ) / 1024
  );
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

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}
const secrets = loadOrCreateSecrets(path.join(root, "data", "bench.env"));
const dbFile = path.join(root, "data", "bench.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });

const emulators = await Promise.all(
  Array.from({ length: emulatorCount }, () => startEmulatorTracked({})),
);
// Counts what reaches the emulator (the load the refresh budget lets through), by account.
const proxies = await Promise.all(emulators.map((emulator) => countingEmulator(emulator.endpoint)));
// One comma-separated SANDBOX_AWS_ENDPOINT: the portal keeps each account on one process.
const counted = {
  url: proxies.map((proxy) => proxy.url).join(","),
  count: () => proxies.reduce((sum, proxy) => sum + proxy.total(), 0),
  close: () => Promise.all(proxies.map((proxy) => proxy.close())),
};
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
  STATUS_REFRESH_PER_SECOND: values["refreshes-per-second"],
  STATUS_ACCOUNT_CALLS_PER_SECOND: values["account-calls-per-second"],
};
await seedPortal({
  env: portalEnv,
  instructorEmail: "instructor@aws101.local",
  instructorPassword: secrets.DEMO_INSTRUCTOR_PASSWORD,
  joinCode: JOIN_CODE,
  eventName: "Benchmark",
});
const profileDir = values.profile ? path.resolve(values.profile) : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });
// Node refuses --cpu-prof in NODE_OPTIONS; on the command line, Next's server child inherits it.
const profileArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
const profileEnv: Record<string, string> = profileDir
  ? {
      BENCH_PROFILE_DIR: profileDir,
      NODE_OPTIONS: `--import=${path.join(root, "bench", "loop-delay.mjs")}`,
    }
  : {};
const cli = track(
  spawn(
    process.execPath,
    [
      ...profileArgs,
      path.join(root, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(portalPort),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: root,
      env: { ...process.env, ...portalEnv, ...profileEnv, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    },
  ),
  "portal",
);
await waitForHttp(`${portal}/api/ping`, 120_000);
// This process seals the attendees' sandbox credentials into the portal's database itself.
Object.assign(process.env, portalEnv);
const db = await openDatabase(`file:${dbFile}`);

/**
 * docs/performance.md keeps its prose (before and after, what was changed); the bench replaces only
 * its own section, one per number of emulator processes.
 */
function writeMeasured(report: string) {
  const file = path.join(root, "docs", "performance.md");
  const start = `<!-- bench: ${emulatorCount} emulator(s) -->`;
  const end = `<!-- /bench: ${emulatorCount} emulator(s) -->`;
  const section = `${start}\n${report.replace(/^# Performance\n/, `## Measured, ${emulatorCount} emulator process(es)\n`)}${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  writeFileSync(
    file,
    from >= 0 && to > from
      ? `${current.slice(0, from)}${section}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${section}\n`,
  );
}

type Row = {
  attendees: number;
  p50: number;
  p90: number;
  p99: number;
  /** The step page's load at p50, p90 and p99: the status arrives in its HTML. */
  opening: number[];
  errors: number;
  emulatorPerSecond: number;
  callsPerAttendeeMinute: number;
  rssMiB: number;
  cpuPercent: number;
  benchCpuPercent: number;
  /** The machine's 1-minute load average at the start and the end of the run. */
  load: number[];
  applies: { toStream: number; afterAnswer: number }[];
  applyFailures: number;
};
const rows: Row[] = [];
const ms = (value: number) => (Number.isNaN(value) ? "–" : `${value.toFixed(0)} ms`);
try {
  const applyAction = actionId("applyStepAction");
  const joined: { cookie: string; attendeeId: string; applied: boolean }[] = [];
  for (const size of sizes) {
    while (joined.length < size) {
      const first = joined.length;
      const batch = Array.from(
        { length: Math.min(JOINING_AT_ONCE, size - first) },
        (_, offset) => first + offset,
      );
      joined.push(
        ...(await Promise.all(
          batch.map(async (index) => {
            const cookie = await join(portal, `Bench ${index}`);
            const attendeeId = await sessionAttendeeId(portal, cookie);
            await connectSandbox(db, { attendeeId, endpoint: counted.url, region });
            const accountId = sandboxAccountId(attendeeId);
            if (index % 2 === 0) {
              await launchWeb(sandboxEndpointFor(counted.url, accountId), accountId);
            }
            return { cookie, attendeeId, applied: false };
          }),
        )),
      );
    }
    // Each route answers once before the clock starts: a running portal is warm.
    await watch(portal, joined[0]?.cookie ?? "", Date.now(), { status: [], opening: [] }, { n: 0 });
    const pid = serverPid(cli.pid ?? 0);
    const before = {
      load: os.loadavg()[0] ?? 0,
      requests: counted.count(),
      usage: processUsage(pid),
      bench: process.cpuUsage(),
      at: Date.now(),
    };
    const samples = { status: [] as number[], opening: [] as number[] };
    const clientLoop = monitorEventLoopDelay({ resolution: 10 });
    clientLoop.enable();
    const errors = { n: 0 };
    const until = Date.now() + seconds * 1000;
    // A few attendees click "do it for me" during the run, spread over it, each once per bench.
    const appliers = joined
      .filter((one, index) => index % 2 === 0 && !one.applied)
      .slice(0, appliesPerRun);
    const applies: Row["applies"] = [];
    let applyFailures = 0;
    const timedApplies = appliers.map(async (one, index) => {
      one.applied = true;
      await sleep(((index + 0.5) / appliers.length) * seconds * 800);
      const timed = await applyToStream(portal, one.cookie, applyAction).catch(
        (error: unknown) => ({
          failed: String(error),
        }),
      );
      if ("failed" in timed) {
        applyFailures += 1;
        console.log(`"do it for me" not seen on the stream: ${timed.failed}`);
      } else applies.push(timed);
    });
    await Promise.all([
      ...joined.map(({ cookie }) => watch(portal, cookie, until, samples, errors)),
      ...timedApplies,
    ]);
    const elapsed = (Date.now() - before.at) / 1000;
    const usage = processUsage(pid);
    const bench = process.cpuUsage(before.bench);
    const requests = counted.count() - before.requests;
    samples.status.sort((a, b) => a - b);
    samples.opening.sort((a, b) => a - b);
    applies.sort((a, b) => a.toStream - b.toStream);
    rows.push({
      attendees: size,
      p50: percentile(samples.status, 50),
      p90: percentile(samples.status, 90),
      p99: percentile(samples.status, 99),
      opening: [50, 90, 99].map((p) => percentile(samples.opening, p)),
      errors: errors.n,
      emulatorPerSecond: requests / elapsed,
      callsPerAttendeeMinute: requests / size / (elapsed / 60),
      rssMiB: usage.rssMiB,
      cpuPercent: ((usage.cpuSeconds - before.usage.cpuSeconds) / elapsed) * 100,
      benchCpuPercent: ((bench.user + bench.system) / 1e6 / elapsed) * 100,
      load: [before.load, os.loadavg()[0] ?? 0],
      applies,
      applyFailures,
    });
    clientLoop.disable();
    console.log(
      `${size} attendees: done (the bench client's event loop: p99 ${(clientLoop.percentile(99) / 1e6).toFixed(0)} ms, max ${(clientLoop.max / 1e6).toFixed(0)} ms)`,
    );
  }
  const pagesCookie = await join(portal, "Bench pages");
  const pagesAttendee = await sessionAttendeeId(portal, pagesCookie);
  await connectSandbox(db, { attendeeId: pagesAttendee, endpoint: counted.url, region });
  const pagesAccount = sandboxAccountId(pagesAttendee);
  await launchWeb(sandboxEndpointFor(counted.url, pagesAccount), pagesAccount);
  // Every stream of the runs is closed: what reaches the emulator now is this refresh alone.
  await sleep(3_000);
  const measured = await modulesMeasured(portal, pagesCookie, pagesAccount);
  const lab = await wholeLabCalls(pagesAttendee, pagesAccount);
  const labPageKb = await pageJsKb(portal, "/lab/compute/ec2-launch", pagesCookie);
  const floorKb = frameworkFloorKb();

  const table = [
    "| attendees | status p50 | p90 | p99 | page opening p50 / p90 / p99 | errors | emulator requests/s | AWS calls per attendee per minute | portal RSS | portal CPU | bench client CPU | machine load (start → end) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${row.attendees} | ${ms(row.p50)} | ${ms(row.p90)} | ${ms(row.p99)} | ${row.opening.map(ms).join(" / ")} | ${row.errors} | ${row.emulatorPerSecond.toFixed(1)} | ${row.callsPerAttendeeMinute.toFixed(1)} | ${row.rssMiB.toFixed(0)} MiB | ${row.cpuPercent.toFixed(0)} % | ${row.benchCpuPercent.toFixed(0)} % | ${row.load.map((load) => load.toFixed(1)).join(" → ")} |`,
    ),
  ].join("\n");
  const applyTable = [
    '| attendees | "do it for me" timed | click → stream (median / max) | push after the action\'s answer (median / max) | no update within 30 s |',
    "|---|---|---|---|---|",
    ...rows.map((row) => {
      const toStream = row.applies.map((one) => one.toStream);
      const after = row.applies.map((one) => one.afterAnswer).sort((a, b) => a - b);
      return `| ${row.attendees} | ${row.applies.length} | ${ms(percentile(toStream, 50))} / ${ms(toStream.at(-1) ?? Number.NaN)} | ${ms(percentile(after, 50))} / ${ms(after.at(-1) ?? Number.NaN)} | ${row.applyFailures} |`;
    }),
  ].join("\n");
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${emulatorCount} moto process${emulatorCount > 1 ? "es" : ""}, refresh budget ${values["refreshes-per-second"]} refreshes/s and ${values["account-calls-per-second"]} AWS calls/s per account`;
  const report = `# Performance

Measured by \`npm run bench -- --attendees ${sizes.join(",")} --seconds ${seconds} --emulators ${emulatorCount} --refreshes-per-second ${values["refreshes-per-second"]} --account-calls-per-second ${values["account-calls-per-second"]}\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.
Production build; the portal, the emulator(s), the sandbox runtime and this benchmark's own client
share the machine. Sandbox attendees joined over HTTP, half of them with a Web instance, each
watching the Compute panel as the page does for ${seconds} s: the step page (${WATCHED_PAGE}, whose HTML
carries the stored status) opened over the first ${OPENING_SPREAD_MS / 1000} s, then its server-sent event stream, and the
${FALLBACK_POLL_MS / 1000} s fallback poll. "Status" is the poll's latency, "page opening" the page's load;
every AWS call the portal makes reaches the emulator through a counting proxy.

${table}

An attendee's own action: "do it for me" of ${APPLIED_STEP} clicked during the run (a server
action over HTTP) until the changed step arrives on the attendee's stream. The click includes the
work itself (re-reading, allocating and associating the address, the check); the push follows the check's refresh.

${applyTable}

Whole-lab refresh of an attendee with a Web, counted at the emulator for that account only: a
process's first refresh of the account ${lab.first.calls} calls (it also reads the Web's AMI, which the process
then keeps: an AMI never changes); every refresh after it, all ${Object.keys(lab.perStep).length} steps with one reader,
${lab.whole.calls} calls; the lower bound (one list or describe per resource kind and region in use)
${lab.lowerBound}, and ${lab.whole.calls - lab.lowerBound} more per resource found (the Web's user data: kept on AWS while the Web runs,
read every time on the emulator, which keeps an instance's first launch time across a restart); every step refreshed alone, as if each check read its own kinds (measured)
${lab.baseline} calls, ${(lab.baseline / lab.whole.calls).toFixed(1)}× the whole-lab refresh. Through the portal, each of the
${measured.modules} modules asked once (a refresh per module, each with its own reader): ${measured.calls} calls.

First-load JavaScript, gzip: a lab step page ${labPageKb.toFixed(0)} KB; the framework floor (what
every page of the build loads: Next's runtime, React, polyfills) ${floorKb.toFixed(0)} KB; the lab page's share above it ${(labPageKb - floorKb).toFixed(0)} KB.
`;
  console.log(`\n${report}`);
  writeMeasured(report);
} finally {
  await db.destroy();
  await counted.close();
  await stopAll();
}
if (profileDir) {
  // Written by bench/loop-delay.mjs as the portal exits.
  for (const file of readdirSync(profileDir).filter((name) => name.startsWith("loop-"))) {
    console.log(
      `portal, seen from inside (${file}):`,
      readFileSync(path.join(profileDir, file), "utf8"),
    );
  }
}
