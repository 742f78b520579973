// Playwright's webServer: a fresh database, emulator and sample app, and the built portal.
import { rmSync } from "node:fs";
import path from "node:path";
import { root, runStack, stopAll } from "./lib/stack.mjs";

for (const suffix of ["", "-wal", "-shm"])
  rmSync(path.join(root, "data", `e2e.db${suffix}`), { force: true });
rmSync(path.join(root, "data", "e2e-capture"), { recursive: true, force: true });
try {
  await runStack("e2e");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
}
