import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createAwsClients, type AwsClients } from "@/lib/aws/client";
import { readInstances, readUserData } from "@/lib/aws/ec2";
import { assumeSandboxAccount } from "@/lib/aws/identity";
import { sandboxEndpointFor } from "@/lib/sandbox/accounts";
import type { InstanceSummary } from "@/lib/aws/types";
import { InstanceMetadata } from "@/sample-app/src/imds";
import { classifyS3Error, objectKeyFor } from "@/sample-app/src/storage";

/** What the portal learns when it asks for an attendee's instance's app. */
export type AppResolution =
  | { state: "running"; url: string }
  | { state: "not-running"; instanceState: string }
  | { state: "not-found" }
  | { state: "no-app" }
  | { state: "full"; cap: number };

export type AppTarget = { accountId: string; instanceId?: string; address?: string };

/** An upload made with the instance's role: the sample app's S3 status names (ok, AccessDenied …). */
export type InstanceUpload = { status: string; code: string | null; key: string | null };

export type RunningAppInfo = {
  accountId: string;
  instanceId: string;
  url: string;
  pid: number;
  startedAt: string;
  lastUsedAt: string;
  startMs: number;
  rssBytes?: number;
};

/** What an instance's app needs besides its own config file: credentials, database, S3. */
export type InstanceEnvironment = (input: {
  accountId: string;
  instance: InstanceSummary;
  aws: AwsClients;
}) => Promise<{ env: Record<string, string>; close: () => Promise<void> }>;

export type RuntimeOptions = {
  emulatorEndpoint: string;
  region: string;
  /** The extracted sample-app bundle (server.mjs, config.env.example), the same files EC2 runs. */
  appDirectory: string;
  /** Per-instance files (config.env, log) go below this folder. */
  dataDirectory: string;
  maxApps: number;
  idleMs: number;
  watchMs: number;
  environment: InstanceEnvironment;
  log?: (line: string) => void;
};

type App = {
  key: string;
  accountId: string;
  instanceId: string;
  directory: string;
  child: ChildProcess;
  url: string;
  startedAt: number;
  lastUsedAt: number;
  startMs: number;
  /** What the instance gives its app: the S3 gate and the metadata service among it. */
  env: Record<string, string>;
  release: () => Promise<void>;
};

/** The lab's user data downloads the sample app from the portal: only such an instance runs it. */
const INSTALLS_SAMPLE_APP = /\/downloads\/sample-app\/[\w.-]+\.tgz/;

const APP_START_TIMEOUT_MS = 20_000;

/**
 * Runs each sandbox attendee's own copy of the sample app while their emulated Web instance is
 * running: started on the first probe, stopped when the instance stops or terminates, when it has
 * been idle, or when the runtime stops. Everything listens on loopback only.
 */
export class SandboxRuntime {
  private readonly apps = new Map<string, App>();
  private readonly starting = new Map<string, Promise<AppResolution>>();
  private readonly accounts = new Map<string, { aws: AwsClients; expiresAt: number }>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: RuntimeOptions) {}

  start() {
    this.timer = setInterval(() => void this.sweep(), this.options.watchMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await Promise.all([...this.apps.values()].map((app) => this.stopApp(app, "runtime stopping")));
  }

  private log(line: string) {
    (this.options.log ?? console.log)(`[sandbox-runtime] ${line}`);
  }

  private async account(accountId: string): Promise<AwsClients> {
    const cached = this.accounts.get(accountId);
    if (cached && cached.expiresAt > Date.now()) return cached.aws;
    const endpoint = sandboxEndpointFor(this.options.emulatorEndpoint, accountId);
    const credentials = await assumeSandboxAccount({
      endpoint,
      region: this.options.region,
      accountId,
      sessionName: "sandbox-runtime",
      durationSeconds: 3600,
    });
    const aws = createAwsClients({
      credentials,
      region: this.options.region,
      endpoint,
    });
    this.accounts.set(accountId, { aws, expiresAt: credentials.expiration.getTime() - 300_000 });
    return aws;
  }

  private async findInstance(target: AppTarget): Promise<InstanceSummary | undefined> {
    const instances = await readInstances(await this.account(target.accountId));
    return instances.find((instance) =>
      target.instanceId ? instance.id === target.instanceId : instance.publicIp === target.address,
    );
  }

  /** The attendee's app for this instance, started if the instance runs the lab's user data. */
  async resolve(target: AppTarget): Promise<AppResolution> {
    const instance = await this.findInstance(target);
    if (!instance) return { state: "not-found" };
    const key = `${target.accountId}|${instance.id}`;
    if (instance.state !== "running") {
      const app = this.apps.get(key);
      if (app) await this.stopApp(app, `instance is ${instance.state}`);
      return { state: "not-running", instanceState: instance.state };
    }
    const running = this.apps.get(key);
    if (running) {
      running.lastUsedAt = Date.now();
      return { state: "running", url: running.url };
    }
    let pending = this.starting.get(key);
    if (!pending) {
      pending = this.launch(key, target.accountId, instance).finally(() =>
        this.starting.delete(key),
      );
      this.starting.set(key, pending);
    }
    return pending;
  }

  private async launch(
    key: string,
    accountId: string,
    instance: InstanceSummary,
  ): Promise<AppResolution> {
    if (this.apps.size + this.starting.size >= this.options.maxApps) {
      return { state: "full", cap: this.options.maxApps };
    }
    const aws = await this.account(accountId);
    const userData = (await readUserData(aws, [instance]))[instance.id] ?? "";
    if (!INSTALLS_SAMPLE_APP.test(userData)) return { state: "no-app" };

    const directory = path.join(this.options.dataDirectory, accountId, instance.id);
    mkdirSync(directory, { recursive: true });
    const configFile = path.join(directory, "config.env");
    // As the user data does on EC2: the attendee's config starts as the example.
    if (!existsSync(configFile)) {
      copyFileSync(path.join(this.options.appDirectory, "config.env.example"), configFile);
    }
    const started = Date.now();
    const environment = await this.options.environment({ accountId, instance, aws });
    const child = spawn(
      process.execPath,
      [path.join(this.options.appDirectory, "server.mjs"), "--config", configFile],
      {
        cwd: directory,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          PATH: process.env.PATH ?? "",
          // No credentials from the runtime's own environment or home: only what the instance has.
          HOME: directory,
          NODE_ENV: "production",
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
          PORT: "0",
          LISTEN_HOST: "127.0.0.1",
          AWS_REGION: this.options.region,
          ...environment.env,
        },
      },
    );
    const logStream = createWriteStream(path.join(directory, "app.log"), { flags: "a" });
    child.stdout?.pipe(logStream, { end: false });
    child.stderr?.pipe(logStream, { end: false });
    child.once("exit", () => logStream.end());
    const url = await new Promise<string>((resolve, reject) => {
      const timeout = setTimeout(
        () => reject(new Error("the sample app did not start")),
        APP_START_TIMEOUT_MS,
      );
      let buffered = "";
      const onOutput = (chunk: Buffer) => {
        buffered += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buffered);
        if (match?.[1]) {
          clearTimeout(timeout);
          child.stdout?.off("data", onOutput);
          resolve(match[1]);
        }
      };
      child.stdout?.on("data", onOutput);
      child.once("exit", (code) => {
        clearTimeout(timeout);
        reject(new Error(`the sample app exited (${code})`));
      });
    }).catch(async (error: unknown) => {
      child.kill("SIGKILL");
      await environment.close();
      throw error;
    });
    const now = Date.now();
    const app: App = {
      key,
      accountId,
      instanceId: instance.id,
      directory,
      child,
      url,
      startedAt: now,
      lastUsedAt: now,
      startMs: now - started,
      env: environment.env,
      release: environment.close,
    };
    child.once("exit", () => {
      if (this.apps.get(key) === app) {
        this.apps.delete(key);
        void app.release();
      }
    });
    this.apps.set(key, app);
    this.log(`started ${key} at ${url} in ${app.startMs} ms`);
    return { state: "running", url };
  }

  private async stopApp(app: App, reason: string) {
    if (this.apps.get(app.key) !== app) return;
    this.apps.delete(app.key);
    await new Promise<void>((resolve) => {
      if (app.child.exitCode !== null) return resolve();
      app.child.once("exit", () => resolve());
      app.child.kill("SIGTERM");
    });
    await app.release();
    this.log(`stopped ${app.key}: ${reason}`);
  }

  /** Follows the emulator: an app whose instance stopped or vanished, or that sat idle, stops. */
  async sweep() {
    const byAccount = new Map<string, App[]>();
    for (const app of this.apps.values()) {
      if (Date.now() - app.lastUsedAt > this.options.idleMs) {
        await this.stopApp(app, "idle");
        continue;
      }
      byAccount.set(app.accountId, [...(byAccount.get(app.accountId) ?? []), app]);
    }
    for (const [accountId, apps] of byAccount) {
      try {
        const instances = await readInstances(await this.account(accountId));
        for (const app of apps) {
          const instance = instances.find((candidate) => candidate.id === app.instanceId);
          if (instance?.state !== "running") {
            await this.stopApp(app, `instance is ${instance?.state ?? "gone"}`);
          }
        }
      } catch (error) {
        this.log(`could not follow account ${accountId}: ${String(error)}`);
      }
    }
  }

  /** The instance's config.env, as `cat` over SSH would show it. */
  async readConfig(accountId: string, instanceId: string): Promise<string | undefined> {
    const file = path.join(this.options.dataDirectory, accountId, instanceId, "config.env");
    return existsSync(file) ? readFile(file, "utf8") : undefined;
  }

  /**
   * Saves config.env and restarts the app, as editing it and `systemctl restart` would: the app
   * starts afresh and so sees the attendee's current RDS endpoints too.
   */
  async writeConfig(accountId: string, instanceId: string, text: string): Promise<boolean> {
    const directory = path.join(this.options.dataDirectory, accountId, instanceId);
    if (!existsSync(directory)) return false;
    writeFileSync(path.join(directory, "config.env"), text);
    const app = this.apps.get(`${accountId}|${instanceId}`);
    if (app) {
      await this.stopApp(app, "restart after a config change");
      await this.resolve({ accountId, instanceId });
    }
    return true;
  }

  /**
   * Puts a small file under uploads/ with the credentials the instance's metadata service hands
   * out, through the same S3 gate as the app: a sign-up with an attachment, without the form (or
   * the database it needs first). undefined when the instance runs no app.
   */
  async uploadAsInstance(
    accountId: string,
    instanceId: string,
    bucket: string,
  ): Promise<InstanceUpload | undefined> {
    const resolution = await this.resolve({ accountId, instanceId });
    const app = this.apps.get(`${accountId}|${instanceId}`);
    const metadataUrl = app?.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
    if (resolution.state !== "running" || !app || !metadataUrl) return undefined;
    const client = new S3Client({
      region: this.options.region,
      endpoint: app.env.AWS_ENDPOINT_URL,
      forcePathStyle: true,
      // The portal, not the app, asks here: a busy machine must not turn into NoCredentials.
      credentials: new InstanceMetadata(metadataUrl, 5_000).credentials,
      maxAttempts: 1,
    });
    const key = objectKeyFor("portal-upload-check.txt");
    try {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: "Uploaded by the AWS 101 portal with Web's IAM role, as the sample app does.\n",
          ContentType: "text/plain; charset=utf-8",
        }),
      );
      this.log(`upload with the role of ${accountId}|${instanceId}: ok`);
      return { status: "ok", code: null, key };
    } catch (error) {
      const failure = classifyS3Error(error, "PutObject");
      this.log(`upload with the role of ${accountId}|${instanceId}: ${failure.code}`);
      return { status: failure.problem, code: failure.code, key: null };
    } finally {
      client.destroy();
    }
  }

  /** The app's access log, newest last. */
  readLog(accountId: string, instanceId: string): string {
    const file = path.join(this.options.dataDirectory, accountId, instanceId, "app.log");
    return existsSync(file) ? readFileSync(file, "utf8") : "";
  }

  list(): RunningAppInfo[] {
    return [...this.apps.values()].map((app) => ({
      accountId: app.accountId,
      instanceId: app.instanceId,
      url: app.url,
      pid: app.child.pid ?? 0,
      startedAt: new Date(app.startedAt).toISOString(),
      lastUsedAt: new Date(app.lastUsedAt).toISOString(),
      startMs: app.startMs,
      rssBytes: residentBytes(app.child.pid),
    }));
  }
}

function residentBytes(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kib ? Number(kib) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
