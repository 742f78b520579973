import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Names one browser, so the limiters can tell attendees behind one address apart. */
export const DEVICE_COOKIE = "aws101-device";
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

const signature = (id: string, secret: string) =>
  createHmac("sha256", secret).update(`aws101-device:${id}`).digest().subarray(0, 16);

/**
 * `<id>.<mac>`: only ids the portal issued count as a device. A client that invents a fresh id
 * for every attempt would otherwise get a fresh per-device allowance every time.
 */
export function newDeviceCookie(secret: string): string {
  const id = randomBytes(16).toString("base64url");
  return `${id}.${signature(id, secret).toString("base64url")}`;
}

/** The device id of a cookie the portal issued; undefined for a missing, old or forged one. */
export function verifiedDevice(value: string | undefined, secret: string): string | undefined {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(value ?? "");
  if (!match?.[1] || !match[2]) return undefined;
  const given = Buffer.from(match[2], "base64url");
  const expected = signature(match[1], secret);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? match[1]
    : undefined;
}
