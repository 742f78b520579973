// npm run demo — installs what is missing, seeds a demo event and starts the emulator, the
// sample app and the portal at http://localhost:3000.
import { ensureNpmDependencies, runStack, stopAll } from "./lib/stack.mjs";

ensureNpmDependencies();
try {
  await runStack("demo");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
}
