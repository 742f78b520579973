import { randomBytes } from "node:crypto";

/** Names one browser, so the join limiter can tell attendees behind one address apart. */
export const DEVICE_COOKIE = "aws101-device";
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export function newDeviceId(): string {
  return randomBytes(16).toString("base64url");
}

export function isDeviceId(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{22}$/.test(value);
}
