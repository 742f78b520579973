import "server-only";
import { isIP } from "node:net";

/**
 * Without a trusted proxy, proxy.ts drops the client's X-Forwarded-For and Next's server then sets
 * it to the socket's peer address: exactly one entry. Behind a trusted proxy (TRUST_PROXY) that
 * replaces the header with the address it saw, the first entry is the client.
 */
export function clientIpFrom(headerValues: Headers, trustProxy: boolean): string | undefined {
  const chain = (headerValues.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = trustProxy || chain.length === 1 ? chain[0] : undefined;
  if (!candidate) return undefined;
  const unmapped = candidate.startsWith("::ffff:") ? candidate.slice("::ffff:".length) : candidate;
  if (unmapped === "::1") return "127.0.0.1";
  switch (isIP(unmapped)) {
    case 4:
      return unmapped;
    case 6:
      // The compressed lower-case form AWS uses in security group rules (RFC 5952).
      return new URL(`http://[${unmapped}]/`).hostname.slice(1, -1);
    default:
      return undefined;
  }
}
