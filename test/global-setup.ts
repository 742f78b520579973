import { buildBundle } from "../sample-app/scripts/bundle";
import { startEmulator } from "../scripts/lib/emulator.mjs";

// One emulator per test run; tests isolate themselves by emulator account, not by resets. The
// sample-app bundle is rebuilt so the sandbox runtime's tests run today's app.
export default async function setup() {
  const [emulator] = await Promise.all([startEmulator(), buildBundle()]);
  process.env.MOTO_ENDPOINT = emulator.endpoint;
  return async () => {
    await emulator.stop();
  };
}
