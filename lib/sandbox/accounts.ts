import { createHash } from "node:crypto";

/** A stable 12-digit emulator account per name; never the emulator's default 123456789012. */
export function sandboxAccountId(name: string): string {
  const digits = BigInt(`0x${createHash("sha256").update(name).digest("hex").slice(0, 15)}`)
    .toString()
    .padStart(11, "0")
    .slice(-11);
  return `3${digits}`;
}

/** The sandbox stand-in for the instructor's AWS account of an event (Module 4's class zone). */
export const sandboxInstructorAccountId = (eventId: string) =>
  sandboxAccountId(`instructor:${eventId}`);

/** SANDBOX_AWS_ENDPOINT may name several emulator processes, comma-separated. */
export const sandboxEndpointList = (endpoints: string): string[] =>
  endpoints
    .split(",")
    .map((endpoint) => endpoint.trim())
    .filter(Boolean);

/**
 * The emulator process a sandbox account lives on: always the same one for an account (a hash of
 * its id), so its resources are found where they were made; one emulator process uses one core.
 */
export function sandboxEndpointFor(endpoints: string, accountId: string): string {
  const list = sandboxEndpointList(endpoints);
  if (list.length <= 1) return list[0] ?? endpoints;
  const index = createHash("sha256").update(accountId).digest().readUInt32BE(0) % list.length;
  return list[index] ?? endpoints;
}
