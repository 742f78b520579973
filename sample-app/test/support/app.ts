import type { AwsCredentialIdentity } from "@aws-sdk/types";
import { type SampleApp, createApp } from "../../src/app";
import { parseConfig } from "../../src/config";
import type { LabDatabase } from "./lab-database";

/** The keys an attendee fills in during the lab, pointed at the test database and emulator. */
export function labSettings(options: {
  database?: LabDatabase;
  bucket?: string;
  endpoint?: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  const { database } = options;
  return {
    ...(database && {
      DB_HOST: database.host,
      DB_PORT: String(database.port),
      DB_NAME: database.name,
      DB_USER: database.user,
      DB_USERPASSWORD: database.password,
    }),
    ...(options.bucket && { S3_BUCKET: options.bucket }),
    ...(options.endpoint && { AWS_ENDPOINT_URL: options.endpoint }),
    AWS_EC2_METADATA_DISABLED: "true",
    ...options.extra,
  };
}

export interface StartedApp {
  app: SampleApp;
  url: string;
  logs: string[];
  close(): Promise<void>;
}

export async function startTestApp(
  settings: Record<string, string>,
  credentials?: AwsCredentialIdentity,
): Promise<StartedApp> {
  const logs: string[] = [];
  const app = createApp(parseConfig(settings), {
    credentials: credentials && (async () => credentials),
    log: (line) => logs.push(line),
  });
  const { url } = await app.listen(0, "127.0.0.1");
  return { app, url, logs, close: () => app.close() };
}
