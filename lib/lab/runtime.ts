import "server-only";
import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/client-ip";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createAppProbe, createHealthReader } from "@/lib/lab/probe";
import type { AttendeeRef, RunnerEnvironment } from "@/lib/lab/runner";
import type { BackgroundSettings } from "@/lib/lab/background-refresh";
import type { SchedulerSettings } from "@/lib/lab/status-scheduler";
import { labUserData } from "@/lib/lab/user-data";
import type { AttendeeSession } from "@/lib/auth/session";

export async function runnerEnvironment(): Promise<RunnerEnvironment> {
  const config = env();
  return {
    db: await db(),
    sandboxEndpoint: config.SANDBOX_AWS_ENDPOINT,
    sandboxRuntime:
      config.SANDBOX_RUNTIME_URL && config.SANDBOX_RUNTIME_TOKEN
        ? { url: config.SANDBOX_RUNTIME_URL, token: config.SANDBOX_RUNTIME_TOKEN }
        : undefined,
    cacheMs: config.STATUS_CACHE_SECONDS * 1000,
    makeProbe: ({ sandbox }) => createAppProbe({ sandbox, timeoutMs: config.APP_PROBE_TIMEOUT_MS }),
    makeHealthReader: ({ sandbox }) =>
      createHealthReader({ sandbox, timeoutMs: config.APP_PROBE_TIMEOUT_MS }),
    userData: await labUserData(),
  };
}

export function schedulerSettings(): SchedulerSettings {
  const config = env();
  return {
    cadenceMs: config.STATUS_REFRESH_SECONDS * 1000,
    concurrency: config.STATUS_REFRESH_CONCURRENCY,
    perSecond: config.STATUS_REFRESH_PER_SECOND,
    accountCallsPerSecond: config.STATUS_ACCOUNT_CALLS_PER_SECOND,
    firstRefreshSpreadMs: 2_000,
  };
}

export function backgroundSettings(): BackgroundSettings | undefined {
  const config = env();
  if (config.STATUS_BACKGROUND_SECONDS === 0) return undefined;
  return {
    cadenceMs: config.STATUS_BACKGROUND_SECONDS * 1000,
    concurrency: config.STATUS_BACKGROUND_CONCURRENCY,
    activeWindowMs: 2 * 60 * 60 * 1000,
    tickMs: 5_000,
  };
}

export async function attendeeRef(session: AttendeeSession): Promise<AttendeeRef> {
  return {
    attendeeId: session.attendee.id,
    eventId: session.event.id,
    clientIp: clientIpFrom(await headers(), env().TRUST_PROXY),
  };
}
