// The sandbox instance runtime: each attendee's emulated Web instance gets its own sample app on
// loopback while it runs. Started by `npm run demo`, `npm run sandbox` and the e2e server.
//   node --conditions=react-server --import tsx scripts/sandbox-runtime.ts
import path from "node:path";
import { z } from "zod";
import { DEFAULT_BUNDLE_PATH } from "@/sample-app/scripts/bundle";
import { unpackSampleApp } from "@/lib/sandbox/app-bundle";
import { startControlServer } from "@/lib/sandbox/control";
import { createInstanceEnvironment } from "@/lib/sandbox/environment";
import { SandboxRuntime } from "@/lib/sandbox/runtime";

const settings = z
  .object({
    // One emulator or several, comma-separated: each account lives on one (lib/sandbox/accounts).
    SANDBOX_AWS_ENDPOINT: z.string().min(1),
    SANDBOX_RUNTIME_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    SANDBOX_RUNTIME_TOKEN: z.string().min(16),
    SANDBOX_DATA_DIR: z.string().default(path.join(process.cwd(), "data", "sandbox")),
    SANDBOX_MAX_APPS: z.coerce.number().int().min(1).default(40),
    SANDBOX_IDLE_MINUTES: z.coerce.number().positive().default(30),
    DEFAULT_REGION: z.string().default("ap-northeast-2"),
  })
  .parse(process.env);

const appDirectory = unpackSampleApp(
  DEFAULT_BUNDLE_PATH,
  path.join(settings.SANDBOX_DATA_DIR, "app"),
);
const instances = createInstanceEnvironment({ emulatorEndpoint: settings.SANDBOX_AWS_ENDPOINT });
const runtime = new SandboxRuntime({
  emulatorEndpoint: settings.SANDBOX_AWS_ENDPOINT,
  region: settings.DEFAULT_REGION,
  appDirectory,
  dataDirectory: path.join(settings.SANDBOX_DATA_DIR, "instances"),
  maxApps: settings.SANDBOX_MAX_APPS,
  idleMs: settings.SANDBOX_IDLE_MINUTES * 60_000,
  watchMs: 2_000,
  environment: instances.environment,
});
runtime.start();
const control = await startControlServer(runtime, {
  port: settings.SANDBOX_RUNTIME_PORT,
  token: settings.SANDBOX_RUNTIME_TOKEN,
});
console.log(`sandbox runtime listening on ${control.url}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void Promise.all([runtime.stop(), control.close()])
      .then(() => instances.close())
      .finally(() => process.exit(0));
  });
}
