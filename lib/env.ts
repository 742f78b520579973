import "server-only";
import { z } from "zod";
import { isLoopbackUrl } from "@/lib/net";
import { sandboxEndpointList } from "@/lib/sandbox/accounts";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(z.url().optional());

const envSchema = z.object({
  DATABASE_URL: z.string().default("file:./data/portal.db"),
  CREDENTIALS_KEY: z
    .string({
      error: "CREDENTIALS_KEY is required: 32 random bytes, base64 (openssl rand -base64 32)",
    })
    .refine((value) => Buffer.from(value, "base64").length === 32, {
      message: "CREDENTIALS_KEY must be 32 bytes, base64-encoded",
    }),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is required: a random secret (openssl rand -base64 32)" })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters (openssl rand -base64 32)"),
  NEXTAUTH_URL: z.url({
    protocol: /^https?$/,
    error: "NEXTAUTH_URL is required: the portal's public URL, e.g. https://portal.example.com",
  }),
  // Several emulator processes, comma-separated, spread the sandbox accounts over the cores.
  SANDBOX_AWS_ENDPOINT: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine(
      (value) =>
        !value ||
        sandboxEndpointList(value).every(
          (endpoint) => z.url().safeParse(endpoint).success && isLoopbackUrl(endpoint),
        ),
      {
        message:
          "SANDBOX_AWS_ENDPOINT must be loopback URLs (the local emulators), comma-separated",
      },
    ),
  SANDBOX_RUNTIME_URL: optionalUrl.refine((value) => !value || isLoopbackUrl(value), {
    message: "SANDBOX_RUNTIME_URL must be a loopback URL (the sandbox instance runtime)",
  }),
  SANDBOX_RUNTIME_TOKEN: z.string().min(16).optional(),
  // Tests only: pasted credentials are verified and used at the emulator instead of AWS.
  PASTED_CREDENTIALS_ENDPOINT: optionalUrl.refine((value) => !value || isLoopbackUrl(value), {
    message: "PASTED_CREDENTIALS_ENDPOINT must be a loopback URL (the local emulator, for tests)",
  }),
  PORTAL_PUBLIC_URL: optionalUrl,
  DEFAULT_REGION: z.string().default("ap-northeast-2"),
  TIME_ZONE: z
    .string()
    .default("Asia/Seoul")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "TIME_ZONE must be an IANA time zone such as Asia/Seoul"),
  TRUST_PROXY: flag,
  STATUS_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(4),
  STATUS_REFRESH_SECONDS: z.coerce.number().int().min(2).max(600).default(20),
  STATUS_REFRESH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  STATUS_REFRESH_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(5),
  // AWS calls per second one attendee's account may spend on scheduled refreshes (their own check
  // or "do it for me" is never held back): after a refresh of N calls the next waits N / this.
  STATUS_ACCOUNT_CALLS_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(2),
  // Nobody watching: started modules of active attendees, for the instructor's grid (0 = off).
  STATUS_BACKGROUND_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  STATUS_BACKGROUND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  APP_PROBE_TIMEOUT_MS: z.coerce.number().int().min(200).max(10_000).default(2500),
  ACTION_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
  EVENT_ACTION_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  MAX_ATTENDEES_PER_EVENT: z.coerce.number().int().min(1).max(100_000).default(500),
});

export type PortalEnv = z.infer<typeof envSchema>;

/** Served over HTTPS (directly or behind a TLS proxy): cookies are Secure and HSTS is sent. */
export function servedOverHttps(config: PortalEnv = env()): boolean {
  return config.NEXTAUTH_URL.startsWith("https:");
}

let cached: PortalEnv | undefined;

export function parseEnv(source: Record<string, string | undefined>): PortalEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid portal configuration:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export function env(): PortalEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
