import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["test/**/*.test.ts", "lib/**/*.test.ts", "sample-app/test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    environment: "node",
    env: {
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString("base64"),
      NEXTAUTH_SECRET: Buffer.alloc(32, 9).toString("base64"),
      NEXTAUTH_URL: "http://localhost:3000",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    pool: "forks",
    maxWorkers: 2,
    // Emulator tests share two cores with app processes and MariaDB: generous, never a speed assertion.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
