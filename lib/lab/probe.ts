import "server-only";
import { isLoopbackUrl } from "@/lib/net";
import type { ProbeResult } from "@/lib/lab/types";

type Fetch = typeof fetch;

/**
 * HTTP probe of the attendee's web app. In the sandbox it refuses every non-loopback URL, so the
 * public-looking addresses the emulator invents are never contacted even if a caller slips.
 */
export function createAppProbe(options: {
  sandbox: boolean;
  timeoutMs: number;
  fetchImpl?: Fetch;
}) {
  const fetchImpl = options.fetchImpl ?? fetch;
  return async (url: string): Promise<ProbeResult> => {
    if (options.sandbox && !isLoopbackUrl(url)) return { ok: false, reason: "network" };
    try {
      const response = await fetchImpl(url, {
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { "user-agent": "aws101-portal-check" },
      });
      const body = (await response.text()).slice(0, 200_000);
      if (!response.ok) return { ok: false, reason: "http_status", status: response.status };
      return { ok: true, status: response.status, looksLikeSampleApp: body.includes("Saltware") };
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === "TimeoutError" || name === "AbortError") return { ok: false, reason: "timeout" };
      const code = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, reason: code === "ECONNREFUSED" ? "refused" : "network" };
    }
  };
}

/** GET <app>/healthz as JSON, under the same loopback rule as the probe; undefined when unreadable. */
export function createHealthReader(options: {
  sandbox: boolean;
  timeoutMs: number;
  fetchImpl?: Fetch;
}) {
  const fetchImpl = options.fetchImpl ?? fetch;
  return async (appUrl: string): Promise<unknown> => {
    const url = new URL("/healthz", appUrl).toString();
    if (options.sandbox && !isLoopbackUrl(url)) return undefined;
    try {
      const response = await fetchImpl(url, {
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { "user-agent": "aws101-portal-check" },
      });
      const text = (await response.text()).slice(0, 200_000);
      return response.ok ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  };
}
