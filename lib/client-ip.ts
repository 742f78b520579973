import "server-only";
import { isIP } from "node:net";

/**
 * Next's server appends the socket's peer address to X-Forwarded-For, so without a trusted proxy
 * only the last entry is reliable; behind one (TRUST_PROXY) the first entry is the client.
 */
export function clientIpFrom(headerValues: Headers, trustProxy: boolean): string | undefined {
  const chain = (headerValues.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = trustProxy ? chain[0] : chain[chain.length - 1];
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
