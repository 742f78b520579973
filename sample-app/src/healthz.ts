import { CONFIG_KEYS, type AppConfig, type ConfigKey } from "./config";
import type { Database, DatabaseHealth } from "./db";
import type { InstanceMetadata } from "./imds";
import type { S3Status, Storage, UploadOutcome } from "./storage";
import { APP_NAME, APP_VERSION } from "./version";

/** What the portal's checks read. Config values are never included, only whether each is set. */
export interface Health {
  app: string;
  version: string;
  time: string;
  config: Record<ConfigKey, boolean>;
  database: DatabaseHealth;
  /** Where the app looks for its database (no password): lets the portal match the RDS endpoint. */
  databaseTarget: { host: string | null; name: string | null; user: string | null };
  s3: {
    status: S3Status;
    code: string | null;
    bucket: string | null;
    region: string;
    lastUpload: UploadOutcome | null;
  };
  presignedUrls: boolean;
  instanceId: string | null;
}

export async function collectHealth(parts: {
  config: AppConfig;
  database: Database;
  storage: Storage;
  metadata: InstanceMetadata | null;
}): Promise<Health> {
  const { config, database, storage, metadata } = parts;
  const [databaseHealth, s3Health, instanceId] = await Promise.all([
    database.health(),
    storage.health(),
    metadata ? metadata.instanceId() : Promise.resolve(null),
  ]);
  return {
    app: APP_NAME,
    version: APP_VERSION,
    time: new Date().toISOString(),
    config: Object.fromEntries(
      CONFIG_KEYS.map((key) => [key, config.provided.includes(key)]),
    ) as Record<ConfigKey, boolean>,
    database: databaseHealth,
    databaseTarget: {
      host: config.DB_HOST || null,
      name: config.DB_NAME || null,
      user: config.DB_USER || null,
    },
    s3: {
      ...s3Health,
      bucket: storage.bucket,
      region: config.AWS_REGION,
      lastUpload: storage.lastUpload,
    },
    presignedUrls: config.PRESIGNED_URL,
    instanceId,
  };
}
