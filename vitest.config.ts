import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const testEnv = {
  CREDENTIALS_KEY: Buffer.alloc(32, 7).toString("base64"),
  NEXTAUTH_SECRET: Buffer.alloc(32, 9).toString("base64"),
  NEXTAUTH_URL: "http://localhost:3000",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

const POSTGRES_SUITE = [
  "test/integration/shared-state.test.ts",
  "test/integration/background-refresh.test.ts",
  "test/integration/status-store.test.ts",
  "test/integration/instructor-console.test.ts",
  "test/integration/step-status.test.ts",
  "test/integration/runner-and-credentials.test.ts",
  "test/integration/security.test.ts",
  "test/integration/status-scheduler.test.ts",
  "test/integration/identity-steps.test.ts",
  "test/integration/records-steps.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "test/server-only-stub.ts"),
    },
  },
  test: {
    globalSetup: ["test/global-setup.ts"],
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    // Emulator tests share two cores with app processes and MariaDB: generous, never a speed assertion.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["test/**/*.test.ts", "lib/**/*.test.ts", "sample-app/test/**/*.test.ts"],
          env: testEnv,
        },
      },
      {
        // The tests whose subject is the database, again on PostgreSQL (127.0.0.1:5432 or
        // TEST_POSTGRES_URL): queries, leases, limiters, the change feed, the runner's records.
        extends: true,
        test: {
          name: "postgres",
          include: POSTGRES_SUITE,
          env: { ...testEnv, TEST_DATABASE: "postgres" },
        },
      },
    ],
  },
});
