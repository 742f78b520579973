import { randomUUID } from "node:crypto";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { type AppConfig, type LoadedConfig, loadConfig } from "./config";
import { Csrf } from "./csrf";
import { Database } from "./db";
import { sendHtml } from "./http";
import { InstanceMetadata, metadataEndpoint } from "./imds";
import { type Services, route } from "./routes";
import { Storage, defaultCredentials } from "./storage";
import { messagePage } from "./views";

export interface AppOptions {
  /** Replaces the default chain (environment, ~/.aws, instance role), e.g. for tests. */
  credentials?: AwsCredentialIdentityProvider;
  log?: (line: string) => void;
}

export interface SampleApp {
  readonly server: Server;
  readonly config: AppConfig;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Applies a new configuration without a restart (PORT and LISTEN_HOST excepted). */
  reconfigure(config: AppConfig): Promise<void>;
  close(): Promise<void>;
}

export function createApp(initialConfig: AppConfig, options: AppOptions = {}): SampleApp {
  const log = options.log ?? ((line: string) => console.log(line));
  const csrf = new Csrf();

  const buildServices = (config: AppConfig): Services => {
    const endpoint = metadataEndpoint(config);
    const metadata = endpoint ? new InstanceMetadata(endpoint) : null;
    return {
      config,
      database: new Database(config),
      storage: new Storage(config, options.credentials ?? defaultCredentials(metadata)),
      metadata,
      csrf,
      log,
    };
  };
  let services = buildServices(initialConfig);

  const server = createServer((request, response) => {
    const current = services;
    const started = Date.now();
    // An access log like a web server's: journalctl on EC2, the runtime's log in the sandbox.
    response.once("finish", () =>
      log(
        `${request.method} ${(request.url ?? "/").split("?")[0]} ${response.statusCode} ${Date.now() - started}ms`,
      ),
    );
    route(current, request, response).catch((error: unknown) => {
      // The browser gets a reference number, never a stack trace; the log gets the details.
      const reference = randomUUID().slice(0, 8);
      log(
        `error ${reference}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendHtml(
        response,
        500,
        messagePage(
          { ko: "예기치 않은 오류가 발생했습니다", en: "Unexpected error" },
          {
            ko: `잠시 후 다시 시도하세요. 참조 번호: ${reference}`,
            en: `Please try again later. Reference: ${reference}`,
          },
        ),
      );
    });
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

  const release = async (old: Services) => {
    old.storage.close();
    await old.database.close();
  };

  return {
    server,
    get config() {
      return services.config;
    },
    listen(port = services.config.PORT, host = services.config.LISTEN_HOST) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address() as AddressInfo;
          const shownHost = ["0.0.0.0", "::"].includes(host) ? "127.0.0.1" : host;
          resolve({ url: `http://${shownHost}:${address.port}`, port: address.port });
        });
      });
    },
    async reconfigure(config) {
      const previous = services;
      services = buildServices(config);
      await release(previous);
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await release(services);
    },
  };
}

export interface StartOptions extends AppOptions {
  configFile: string;
  env?: NodeJS.ProcessEnv;
  /** Overrides PORT / LISTEN_HOST from the configuration, e.g. port 0 in tests. */
  port?: number;
  host?: string;
}

export interface RunningApp {
  app: SampleApp;
  url: string;
  port: number;
  /** Re-reads the configuration file and environment (what SIGHUP does). */
  reload(): Promise<LoadedConfig>;
  close(): Promise<void>;
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const log = options.log ?? ((line: string) => console.log(line));
  const load = () => {
    const loaded = loadConfig({ file: options.configFile, env: options.env });
    for (const warning of loaded.warnings) log(`config: ${warning}`);
    return loaded;
  };
  const app = createApp(load().config, { ...options, log });
  const { url, port } = await app.listen(options.port, options.host);
  return {
    app,
    url,
    port,
    async reload() {
      const loaded = load();
      await app.reconfigure(loaded.config);
      return loaded;
    },
    close: () => app.close(),
  };
}
