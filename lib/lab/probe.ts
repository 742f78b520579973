import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { addressScope, isGlobalUnicast, isLoopbackUrl } from "@/lib/net";
import type { ProbeResult } from "@/lib/lab/types";

/** Enough for the sample app's page title and its /healthz; the rest of a body is never read. */
export const PROBE_MAX_BODY_BYTES = 8 * 1024;

type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export type ProbeOptions = {
  sandbox: boolean;
  timeoutMs: number;
  /** DNS for a host name (tests give their own); every address it returns must be allowed. */
  resolve?: Resolve;
  /** Tests check that a refused address never gets as far as a request. */
  request?: typeof httpRequest;
};

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

class RefusedAddress extends Error {
  override name = "RefusedAddress";
}

/**
 * In the sandbox only loopback: the emulator's public-looking addresses are never contacted. On
 * AWS only global unicast addresses: a DNS record or an address pointing at the portal's own
 * network (loopback, private ranges, the metadata service at 169.254.169.254) is refused, and the
 * connection goes to the very address that was checked, so a second DNS answer can't swap it.
 */
function allowed(options: ProbeOptions, address: string): boolean {
  return options.sandbox ? addressScope(address) === "loopback" : isGlobalUnicast(address);
}

function checkedLookup(options: ProbeOptions): LookupFunction {
  const resolve = options.resolve ?? systemResolve;
  return (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const first = addresses[0];
        if (!first || !addresses.every((entry) => allowed(options, entry.address))) {
          return callback(new RefusedAddress(hostname), "", 4);
        }
        if (lookupOptions.all) return callback(null, [first]);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}

type Answer = { status: number; body: string };

/** GET with no redirects, a deadline for the whole exchange, and at most `PROBE_MAX_BODY_BYTES` read. */
function boundedGet(url: URL, options: ProbeOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(literal) && !allowed(options, literal)) {
      reject(new RefusedAddress(literal));
      return;
    }
    const send = options.request ?? (url.protocol === "https:" ? httpsRequest : httpRequest);
    const request = send(url, {
      method: "GET",
      headers: { "user-agent": "aws101-portal-check", accept: "text/html,application/json" },
      lookup: checkedLookup(options),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    request.once("error", reject);
    request.once("response", (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        response.destroy();
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).subarray(0, PROBE_MAX_BODY_BYTES).toString("utf8"),
        });
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= PROBE_MAX_BODY_BYTES) finish();
      });
      response.once("end", finish);
      response.once("error", reject);
    });
    request.end();
  });
}

/** In the sandbox not even a DNS query leaves for a name that isn't loopback. */
function probeUrl(value: string, options: ProbeOptions): URL | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return !options.sandbox || isLoopbackUrl(url.href) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** HTTP probe of the attendee's web app. */
export function createAppProbe(options: ProbeOptions) {
  return async (value: string): Promise<ProbeResult> => {
    const url = probeUrl(value, options);
    if (!url) return { ok: false, reason: "network" };
    try {
      const { status, body } = await boundedGet(url, options);
      if (status < 200 || status > 299) return { ok: false, reason: "http_status", status };
      return { ok: true, status, looksLikeSampleApp: body.includes("Saltware") };
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === "TimeoutError" || name === "AbortError") return { ok: false, reason: "timeout" };
      const code = (error as { code?: string }).code;
      return { ok: false, reason: code === "ECONNREFUSED" ? "refused" : "network" };
    }
  };
}

/** GET <app>/healthz as JSON, under the same address rules as the probe; undefined when unreadable. */
export function createHealthReader(options: ProbeOptions) {
  return async (appUrl: string): Promise<unknown> => {
    const url = probeUrl(appUrl, options);
    if (!url) return undefined;
    try {
      const { status, body } = await boundedGet(new URL("/healthz", url), options);
      return status >= 200 && status <= 299 ? (JSON.parse(body) as unknown) : undefined;
    } catch {
      return undefined;
    }
  };
}
