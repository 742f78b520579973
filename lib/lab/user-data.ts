import "server-only";
import sampleAppPackage from "@/sample-app/package.json";
import { renderUserData } from "@/sample-app/src/user-data";
import { env } from "@/lib/env";

export const SAMPLE_APP_VERSION = sampleAppPackage.version;

/** The user data the lab pages show and do-it-for-me launches with; it downloads the app from this portal. */
export function portalPublicUrl(): string {
  return env().PORTAL_PUBLIC_URL ?? "http://localhost:3000";
}

let rendered: string | undefined;

/** Rendered once: it depends only on configuration, and every status refresh asks for it. */
export async function labUserData(): Promise<string> {
  rendered ??= renderUserData({ portalUrl: portalPublicUrl(), version: SAMPLE_APP_VERSION });
  return rendered;
}
