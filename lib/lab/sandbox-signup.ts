import "server-only";
import { isLoopbackUrl } from "@/lib/net";
import { CSRF_COOKIE, CSRF_FIELD } from "@/sample-app/src/csrf";

const TIMEOUT_MS = 10_000;

/**
 * Fills in the attendee's sandbox app's sign-up form as a browser would (its CSRF cookie and
 * token, no attachment). Only the loopback copy the sandbox runs: never an address on AWS.
 */
export async function signUpOnSandboxApp(
  appUrl: string,
  person: { name: string; email: string; password: string },
): Promise<void> {
  if (!isLoopbackUrl(appUrl)) throw new Error("sandbox sign-ups go to loopback apps only");
  const form = await fetch(appUrl, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  const token = new RegExp(`name="${CSRF_FIELD}" value="([^"]+)"`).exec(await form.text())?.[1];
  const cookie = form.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith(`${CSRF_COOKIE}=`));
  if (!token || !cookie) throw new Error("the sample app's form has no CSRF token");
  const response = await fetch(appUrl, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ [CSRF_FIELD]: token, ...person }),
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (response.status !== 200) {
    throw new Error(`the sample app answered the sign-up with HTTP ${response.status}`);
  }
}
