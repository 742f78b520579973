import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const externalBaseUrl = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/artifacts/results",
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "e2e/artifacts/report.json" }]],
  // After every spec: no secret planted by e2e/secrets.spec.ts anywhere the portal keeps or sends.
  projects: [
    { name: "e2e", teardown: "no-secrets" },
    { name: "no-secrets", testMatch: /no-secrets\.teardown\.ts$/ },
  ],
  use: {
    baseURL: externalBaseUrl ?? `http://localhost:${port}`,
    locale: "ko-KR",
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: externalBaseUrl
    ? undefined
    : {
        command: "node scripts/e2e-server.mjs",
        url: `http://localhost:${port}/api/ping`,
        timeout: 300_000,
        reuseExistingServer: false,
        env: { E2E_PORT: String(port) },
        gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      },
});
