import { BlockList, isIP } from "node:net";

const loopbackHosts = new Set(["localhost", "[::1]", "::1"]);

function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

export function isLoopbackUrl(value: string): boolean {
  try {
    return isLoopbackHost(new URL(value).hostname);
  } catch {
    return false;
  }
}

export type AddressScope = "public-v4" | "private-v4" | "loopback" | "v6";

const privateV4 = [
  [10, 0, 8],
  [172, 16, 12],
  [192, 168, 16],
  [100, 64, 10],
  [169, 254, 16],
] as const;

/** Only a public IPv4 address is what the console's "My IP" would put in a rule. */
export function addressScope(ip: string): AddressScope {
  if (ip.includes(":")) return ip === "::1" ? "loopback" : "v6";
  const octets = ip.split(".").map(Number);
  const [a = 0, b = 0] = octets;
  if (a === 127) return "loopback";
  const value = a * 256 + b;
  const isPrivate = privateV4.some(([first, second, bits]) => {
    const size = 2 ** (16 - bits);
    const start = first * 256 + second;
    return value >= start && value < start + size;
  });
  return isPrivate ? "private-v4" : "public-v4";
}

// Special-purpose ranges (IANA registries) that are not globally reachable unicast.
const nonGlobal = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  nonGlobal.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["3fff::", 20],
] as const) {
  nonGlobal.addSubnet(network, prefix, "ipv6");
}
const globalV6 = new BlockList();
globalV6.addSubnet("2000::", 3, "ipv6");

/**
 * Whether `ip` is a global unicast address: not loopback, private, link-local (the instance
 * metadata service at 169.254.169.254), shared (CGNAT), documentation, multicast or reserved.
 * An IPv4-mapped IPv6 address is judged by its IPv4 address.
 */
export function isGlobalUnicast(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  switch (isIP(address)) {
    case 4:
      return !nonGlobal.check(address, "ipv4");
    case 6:
      return globalV6.check(address, "ipv6") && !nonGlobal.check(address, "ipv6");
    default:
      return false;
  }
}
