import { startEmulator } from "../scripts/lib/emulator.mjs";

// One emulator per test run; tests isolate themselves by emulator account, not by resets.
export default async function setup() {
  const emulator = await startEmulator();
  process.env.MOTO_ENDPOINT = emulator.endpoint;
  return async () => {
    await emulator.stop();
  };
}
