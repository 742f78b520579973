/**
 * Runs once when the server starts: a portal without its secrets (NEXTAUTH_SECRET, NEXTAUTH_URL,
 * CREDENTIALS_KEY) or with a short one refuses to start instead of failing on every request.
 * The message names variables only, never a value.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  try {
    env();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const { backgroundSettings, runnerEnvironment, schedulerSettings } =
    await import("@/lib/lab/runtime");
  const background = backgroundSettings();
  if (background) {
    const { startBackgroundRefresh } = await import("@/lib/lab/background-refresh");
    startBackgroundRefresh(runnerEnvironment, background, schedulerSettings());
  }
}
