/** Set by proxy.ts on every request, so a page that sends a signed-out visitor away knows where they were. */
export const REQUEST_PATH_HEADER = "x-portal-path";

const returnPathPattern = /^\/(?:lab(?:\/[a-z0-9-]{1,64}){0,2}|credentials)$/;

/**
 * Where to go after joining. Only the portal's own attendee pages are accepted, as a plain path,
 * so a crafted link can never send an attendee to another site (`//evil.example`, `/\evil`, …).
 */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === "string" && returnPathPattern.test(value) ? value : undefined;
}
