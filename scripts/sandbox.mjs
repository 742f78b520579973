// npm run sandbox — only the AWS emulator and the sample app, for `npm run dev` against them.
import { ensureNpmDependencies, runStack, stopAll } from "./lib/stack.mjs";

ensureNpmDependencies();
try {
  await runStack("sandbox");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
}
