// The EC2 path end to end, on loopback: render the user data, serve the bundle as the portal
// will, run the script with the system-changing commands stubbed, then run the unpacked server
// with plain `node`.
import {
  type ChildProcessWithoutNullStreams,
  execFileSync,
  spawn,
  spawnSync,
} from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundle } from "../scripts/bundle";
import {
  APP_DIRECTORY,
  EC2_USER_DATA_MAX_BYTES,
  SERVICE_NAME,
  renderUserData,
} from "../src/user-data";
import { APP_VERSION } from "../src/version";
import { labSettings } from "./support/app";
import { SignupClient, healthOf } from "./support/client";
import {
  accountCredentials,
  createBucket,
  s3Client,
  sharedEndpoint,
  uniqueBucketName,
} from "./support/emulator";
import { type LabDatabase, createLabDatabase } from "./support/lab-database";

const ACCOUNT = "200000000004";

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stderr }));
  });
}

function bashSyntaxCheck(script: string): { status: number | null; stderr: string } {
  const result = spawnSync("bash", ["-n"], { input: script, encoding: "utf8" });
  return { status: result.status, stderr: result.stderr };
}

const SHA256 = "0".repeat(64);

describe("renderUserData", () => {
  const script = renderUserData({
    portalUrl: "https://portal.example.com/",
    version: APP_VERSION,
    sha256: SHA256,
  });

  it("is valid bash under the EC2 size limit", () => {
    expect(bashSyntaxCheck(script)).toEqual({ status: 0, stderr: "" });
    expect(Buffer.byteLength(script, "utf8")).toBeLessThan(EC2_USER_DATA_MAX_BYTES);
    expect(script.startsWith("#!/bin/bash\n")).toBe(true);
  });

  it("installs with dnf on Amazon Linux 2023 and runs the app as a systemd service on port 80", () => {
    expect(script).toContain(
      `'https://portal.example.com/downloads/sample-app/${APP_VERSION}.tgz'`,
    );
    expect(script).toContain("dnf install -y mariadb105");
    expect(script).toMatch(/dnf install -y "nodejs\$\{major\}"/);
    expect(script).not.toMatch(/\byum\b/);
    expect(script).toContain(`/etc/systemd/system/$SERVICE.service`);
    expect(script).toContain("AmbientCapabilities=CAP_NET_BIND_SERVICE");
    expect(script).toContain(`systemctl enable --now "$SERVICE"`);
  });

  it("quotes whatever the portal URL contains", () => {
    const hostile = renderUserData({
      portalUrl: "https://portal.example.com/it's$(reboot)",
      version: "1.2.3",
      sha256: SHA256,
    });
    expect(bashSyntaxCheck(hostile).status).toBe(0);
    const line = hostile
      .split("\n")
      .find((candidate) => candidate.startsWith("readonly BUNDLE_URL="));
    const printed = execFileSync("bash", ["-c", `${line}\nprintf %s "$BUNDLE_URL"`], {
      encoding: "utf8",
    });
    expect(printed).toBe("https://portal.example.com/it's$(reboot)/downloads/sample-app/1.2.3.tgz");
  });

  it("rejects URLs that are not http(s) or carry credentials, and odd versions", () => {
    expect(() =>
      renderUserData({ portalUrl: "ftp://portal.example.com", version: "1.0.0", sha256: SHA256 }),
    ).toThrow();
    expect(() =>
      renderUserData({
        portalUrl: "https://user:pw@portal.example.com",
        version: "1.0.0",
        sha256: SHA256,
      }),
    ).toThrow(/credentials/);
    expect(() =>
      renderUserData({
        portalUrl: "https://portal.example.com",
        version: "1.0.0; rm -rf /",
        sha256: SHA256,
      }),
    ).toThrow();
    expect(() =>
      renderUserData({
        portalUrl: "https://portal.example.com",
        version: "1.0.0",
        sha256: "$(reboot)",
      }),
    ).toThrow(/sha256/);
  });
});

describe("the bundle, installed by the user data and run with plain node", () => {
  let work: string;
  let bundlePath: string;
  let portal: Server;
  let portalUrl: string;
  let database: LabDatabase;
  let bucket: string;
  let child: ChildProcessWithoutNullStreams | null = null;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "sample-app-bundle-"));
    bundlePath = await buildBundle(path.join(work, "sample-app.tgz"));
    portal = createServer((request, response) => {
      if (request.url === `/downloads/sample-app/${APP_VERSION}.tgz`) {
        response.writeHead(200, { "Content-Type": "application/gzip" });
        response.end(readFileSync(bundlePath));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", () => resolve()));
    portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    database = await createLabDatabase({ prefix: "bundle" });
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await new Promise<void>((resolve) => (portal ? portal.close(() => resolve()) : resolve()));
    await database?.drop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("holds one server file, the config template, maintenance.html and VERSION", () => {
    const listing = execFileSync("tar", ["-tzf", bundlePath], { encoding: "utf8" })
      .trim()
      .split("\n");
    expect(listing.sort()).toEqual([
      "aws101-sample-app/",
      "aws101-sample-app/VERSION",
      "aws101-sample-app/config.env.example",
      "aws101-sample-app/maintenance.html",
      "aws101-sample-app/server.mjs",
    ]);
  });

  /** The user data with the system-changing commands stubbed and every path under `root`. */
  function installer(root: string, sha256: string) {
    const stubs = path.join(root, "stubs");
    const commandLog = path.join(root, "commands.log");
    mkdirSync(path.join(root, "etc/systemd/system"), { recursive: true });
    mkdirSync(path.join(root, "home/ec2-user"), { recursive: true });
    mkdirSync(stubs);
    for (const command of ["dnf", "useradd", "chown", "systemctl"]) {
      writeFileSync(
        path.join(stubs, command),
        `#!/bin/sh\necho "${command} $*" >> "${commandLog}"\n`,
      );
      chmodSync(path.join(stubs, command), 0o755);
    }
    writeFileSync(path.join(stubs, "id"), "#!/bin/sh\nexit 1\n");
    chmodSync(path.join(stubs, "id"), 0o755);
    const script = renderUserData({ portalUrl, version: APP_VERSION, sha256 })
      .replaceAll(APP_DIRECTORY, `${root}${APP_DIRECTORY}`)
      .replaceAll("/etc/systemd/system", `${root}/etc/systemd/system`)
      .replaceAll("/home/ec2-user", `${root}/home/ec2-user`);
    // Asynchronous on purpose: the script downloads from the portal stand-in in this process.
    const install = () =>
      run("bash", ["-c", script], { PATH: `${stubs}:${process.env.PATH ?? ""}` });
    return { install, commandLog };
  }

  it("installs nothing when the download is not the bundle the portal built", async () => {
    const root = path.join(work, "tampered");
    const { install } = installer(root, createHash("sha256").update("another app").digest("hex"));
    const result = await install();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("does not match the portal's checksum");
    expect(existsSync(path.join(`${root}${APP_DIRECTORY}`, "server.mjs"))).toBe(false);
  });

  it("installs, starts, serves sign-ups and reloads its config on SIGHUP", async () => {
    const root = path.join(work, "root");
    const digest = createHash("sha256").update(readFileSync(bundlePath)).digest("hex");
    const { install: runInstaller, commandLog } = installer(root, digest);
    const install = await runInstaller();
    expect(install.stderr).toBe("");
    expect(install.status).toBe(0);

    const appDirectory = `${root}${APP_DIRECTORY}`;
    expect(readFileSync(path.join(appDirectory, "VERSION"), "utf8").trim()).toBe(APP_VERSION);
    expect(existsSync(path.join(appDirectory, "config.env"))).toBe(true);
    const unit = readFileSync(
      path.join(root, `etc/systemd/system/${SERVICE_NAME}.service`),
      "utf8",
    );
    expect(unit).toContain(
      `ExecStart=/usr/bin/node-22 ${appDirectory}/server.mjs --config ${appDirectory}/config.env`,
    );
    expect(unit).toContain("ExecReload=/bin/kill -HUP $MAINPID");
    expect(unit).toContain("User=aws101");
    const commands = readFileSync(commandLog, "utf8");
    expect(commands).toContain("dnf install -y mariadb105 tar gzip");
    expect(commands).toContain("dnf install -y nodejs22");
    expect(commands).toContain(`systemctl enable --now ${SERVICE_NAME}`);

    const endpoint = sharedEndpoint();
    const credentials = await accountCredentials(endpoint, ACCOUNT);
    const s3 = s3Client(endpoint, credentials);
    bucket = uniqueBucketName("awslab-s3-bundle");
    await createBucket(s3, bucket);
    s3.destroy();

    const configFile = path.join(appDirectory, "config.env");
    child = spawn(
      process.execPath,
      [path.join(appDirectory, "server.mjs"), "--config", configFile],
      {
        cwd: appDirectory,
        env: {
          PATH: process.env.PATH,
          PORT: "0",
          LISTEN_HOST: "127.0.0.1",
          ...labSettings({ database, bucket, endpoint }),
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          AWS_SESSION_TOKEN: credentials.sessionToken ?? "",
        },
      },
    );
    const running = child;
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      running.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      running.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });

    const health = await healthOf(url);
    expect(health).toMatchObject({
      version: APP_VERSION,
      database: { status: "ok" },
      s3: { status: "ok" },
    });
    expect(health.presignedUrls).toBe(false);
    const signup = await new SignupClient(url).signUp({
      name: "홍길동",
      email: "gildong@example.com",
      password: "asdf1234!",
      file: { name: "photo.png", data: "png" },
    });
    expect(signup.status).toBe(200);

    appendFileSync(configFile, "\nPRESIGNED_URL = True\n");
    running.kill("SIGHUP");
    await expect
      .poll(async () => (await healthOf(url)).presignedUrls, { timeout: 5_000, interval: 100 })
      .toBe(true);

    const exited = new Promise<number | null>((resolve) =>
      running.once("exit", (code) => resolve(code)),
    );
    running.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
