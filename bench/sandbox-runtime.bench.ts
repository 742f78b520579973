// Memory per sandbox app and start latency on the first probe, on this machine:
//   npm run bench:sandbox [-- --apps 8]
// Starts its own emulator and runtime; every address is loopback.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DescribeSubnetsCommand, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { createAwsClients } from "@/lib/aws/client";
import { latestAl2023ImageId } from "@/lib/aws/ec2";
import { assumeSandboxAccount } from "@/lib/aws/identity";
import { unpackSampleApp } from "@/lib/sandbox/app-bundle";
import { createInstanceEnvironment } from "@/lib/sandbox/environment";
import { SandboxRuntime } from "@/lib/sandbox/runtime";
import { buildBundle, DEFAULT_BUNDLE_PATH } from "@/sample-app/scripts/bundle";
import { startEmulator } from "../scripts/lib/emulator.mjs";

const { values } = parseArgs({ options: { apps: { type: "string", default: "6" } } });
const apps = Number(values.apps);
const region = "ap-northeast-2";
const userData = "#!/bin/bash\ncurl -fsSL http://127.0.0.1:3000/downloads/sample-app/0.1.0.tgz\n";

const emulator = await startEmulator();
const scratch = mkdtempSync(path.join(tmpdir(), "aws101-bench-"));
await buildBundle();
const instances = createInstanceEnvironment({ emulatorEndpoint: emulator.endpoint });
const runtime = new SandboxRuntime({
  emulatorEndpoint: emulator.endpoint,
  region,
  appDirectory: unpackSampleApp(DEFAULT_BUNDLE_PATH, path.join(scratch, "app")),
  dataDirectory: path.join(scratch, "instances"),
  maxApps: apps,
  idleMs: 600_000,
  watchMs: 60_000,
  environment: instances.environment,
  log: () => {},
});
try {
  const starts: number[] = [];
  for (let index = 0; index < apps; index += 1) {
    const accountId = `7000000000${String(index).padStart(2, "0")}`;
    const credentials = await assumeSandboxAccount({
      endpoint: emulator.endpoint,
      region,
      accountId,
      sessionName: "bench",
      durationSeconds: 3600,
    });
    const aws = createAwsClients({ credentials, region, endpoint: emulator.endpoint });
    const subnets = await aws.ec2().send(new DescribeSubnetsCommand({}));
    const launched = await aws.ec2().send(
      new RunInstancesCommand({
        ImageId: await latestAl2023ImageId(aws),
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnets.Subnets?.[0]?.SubnetId,
        UserData: Buffer.from(userData).toString("base64"),
        TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "Web" }] }],
      }),
    );
    const instanceId = launched.Instances?.[0]?.InstanceId ?? "";
    const started = performance.now();
    const resolved = await runtime.resolve({ accountId, instanceId });
    if (resolved.state !== "running") throw new Error(`app ${index}: ${resolved.state}`);
    await fetch(`${resolved.url}/`);
    starts.push(performance.now() - started);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rss = runtime.list().map((app) => (app.rssBytes ?? 0) / 1024 / 1024);
  const median = (list: number[]) =>
    [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  console.log(`sandbox apps: ${apps} (node ${process.version}, ${region})`);
  console.log(
    `start on first probe: median ${median(starts).toFixed(0)} ms, max ${Math.max(...starts).toFixed(0)} ms`,
  );
  console.log(
    `resident memory per app: median ${median(rss).toFixed(1)} MiB, max ${Math.max(...rss).toFixed(1)} MiB, total ${rss.reduce((sum, value) => sum + value, 0).toFixed(0)} MiB`,
  );
} finally {
  await runtime.stop();
  await instances.close();
  await emulator.stop();
  rmSync(scratch, { recursive: true, force: true });
}
