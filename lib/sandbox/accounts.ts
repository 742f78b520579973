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
