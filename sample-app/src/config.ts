import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  SANDBOX_DATABASE_ENV,
  type SandboxDatabase,
  parseSandboxDatabase,
} from "./sandbox-database";

export const CONFIG_KEYS = [
  "PORT",
  "LISTEN_HOST",
  "DB_HOST",
  "DB_PORT",
  "DB_NAME",
  "DB_USER",
  "DB_USERPASSWORD",
  "S3_BUCKET",
  "PRESIGNED_URL",
  "AWS_REGION",
  "AWS_ENDPOINT_URL",
  "MAX_UPLOAD_MB",
  "ADMIN_PASSWORD",
  "AWS_EC2_METADATA_DISABLED",
  "AWS_EC2_METADATA_SERVICE_ENDPOINT",
] as const;

export type ConfigKey = (typeof CONFIG_KEYS)[number];

const KNOWN_KEYS: ReadonlySet<string> = new Set(CONFIG_KEYS);

const httpUrl = z
  .url({
    protocol: /^https?$/,
    error: "http:// 또는 https:// URL이어야 합니다 / must be an http(s) URL",
  })
  .transform((url) => url.replace(/\/+$/, ""));

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(80),
  LISTEN_HOST: z.string().default("0.0.0.0"),
  DB_HOST: z.string().default(""),
  DB_PORT: z.coerce.number().int().min(1).max(65535).default(3306),
  DB_NAME: z.string().default(""),
  DB_USER: z.string().default(""),
  DB_USERPASSWORD: z.string().default(""),
  S3_BUCKET: z.string().default(""),
  PRESIGNED_URL: z.stringbool().default(false),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "예: ap-northeast-2 / e.g. ap-northeast-2")
    .default("ap-northeast-2"),
  AWS_ENDPOINT_URL: httpUrl.optional(),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(100).default(5),
  ADMIN_PASSWORD: z.string().default(""),
  AWS_EC2_METADATA_DISABLED: z.stringbool().default(false),
  AWS_EC2_METADATA_SERVICE_ENDPOINT: httpUrl.optional(),
});

export type AppConfig = z.output<typeof configSchema> & {
  /** Keys that were given a non-empty value (file or environment), for /healthz. */
  readonly provided: readonly ConfigKey[];
  /** Only in the portal's sandbox (environment only, see sandbox-database.ts). */
  readonly sandboxDatabase: SandboxDatabase | null;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the attendee-edited file: `KEY = value` lines, `#` comments, optional quotes. */
export function parseConfigText(text: string): {
  values: Record<string, string>;
  warnings: string[];
} {
  const values: Record<string, string> = {};
  const warnings: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
    if (!match) {
      warnings.push(`line ${index + 1}: expected KEY = value`);
      return;
    }
    const [, key = "", rawValue = ""] = match;
    if (!KNOWN_KEYS.has(key)) warnings.push(`line ${index + 1}: unknown key ${key}`);
    values[key] = unquote(rawValue.trim());
  });
  return { values, warnings };
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === "'" || quote === '"') && value.length >= 2 && value.endsWith(quote)) {
    return value.slice(1, -1);
  }
  return value;
}

export function parseConfig(
  raw: Readonly<Record<string, string | undefined>>,
  options: { sandboxDatabase?: string } = {},
): AppConfig {
  const input: Partial<Record<ConfigKey, string>> = {};
  for (const key of CONFIG_KEYS) {
    const value = raw[key]?.trim();
    if (value) input[key] = value;
  }
  const result = configSchema.safeParse(input);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  let sandboxDatabase: SandboxDatabase | null = null;
  if (options.sandboxDatabase?.trim()) {
    try {
      sandboxDatabase = parseSandboxDatabase(options.sandboxDatabase);
    } catch (error) {
      problems.push(`${SANDBOX_DATABASE_ENV}: ${(error as Error).message}`);
    }
  }
  if (!result.success || problems.length > 0) {
    throw new ConfigError(`설정 오류 / invalid configuration\n  ${problems.join("\n  ")}`);
  }
  return {
    ...result.data,
    provided: CONFIG_KEYS.filter((key) => key in input),
    sandboxDatabase,
  };
}

export interface LoadedConfig {
  config: AppConfig;
  file: string;
  fileFound: boolean;
  warnings: string[];
}

/** File first, then environment variables on top, as the lab's config.py plus overrides. */
export function loadConfig(options: { file: string; env?: NodeJS.ProcessEnv }): LoadedConfig {
  const file = path.resolve(options.file);
  const env = options.env ?? process.env;
  const fileFound = existsSync(file);
  const parsed = fileFound
    ? parseConfigText(readFileSync(file, "utf8"))
    : { values: {}, warnings: [`${file} not found: using environment variables and defaults`] };
  const fromEnv = Object.fromEntries(
    CONFIG_KEYS.filter((key) => env[key]?.trim()).map((key) => [key, env[key]]),
  );
  return {
    config: parseConfig(
      { ...parsed.values, ...fromEnv },
      { sandboxDatabase: env[SANDBOX_DATABASE_ENV] },
    ),
    file,
    fileFound,
    warnings: parsed.warnings,
  };
}
