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
