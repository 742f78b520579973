// The package's public surface for the portal (demo wiring, user data) and scripts.
export {
  type AppOptions,
  type RunningApp,
  type SampleApp,
  type StartOptions,
  createApp,
  startApp,
} from "./app";
export {
  type AppConfig,
  CONFIG_KEYS,
  type ConfigKey,
  ConfigError,
  loadConfig,
  parseConfig,
} from "./config";
export type { Health } from "./healthz";
export {
  APP_DIRECTORY,
  EC2_USER_DATA_MAX_BYTES,
  SERVICE_NAME,
  bundleUrl,
  renderUserData,
} from "./user-data";
export { APP_NAME, APP_VERSION } from "./version";
