import { parseArgs } from "node:util";
import { startApp } from "./app";
import { ConfigError } from "./config";
import { APP_NAME, APP_VERSION } from "./version";

const { values: args } = parseArgs({ options: { config: { type: "string" } } });
const configFile = args.config ?? process.env.CONFIG_FILE ?? "config.env";

try {
  const running = await startApp({ configFile });
  console.log(`${APP_NAME} ${APP_VERSION} listening on ${running.url} (config: ${configFile})`);

  process.on("SIGHUP", () => {
    running.reload().then(
      () => console.log("configuration reloaded"),
      (error: unknown) =>
        console.error(`configuration not reloaded, keeping the previous one: ${String(error)}`),
    );
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
