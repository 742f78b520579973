import "server-only";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import sampleAppPackage from "@/sample-app/package.json";
import { renderUserData } from "@/sample-app/src/user-data";
import { env } from "@/lib/env";

export const SAMPLE_APP_VERSION = sampleAppPackage.version;

/** What `npm run bundle -w sample-app` writes (the build runs it) and /downloads/sample-app serves. */
export const SAMPLE_APP_BUNDLE_PATH = path.join(
  process.cwd(),
  "sample-app",
  "dist",
  "sample-app.tgz",
);

/** The user data the lab pages show and do-it-for-me launches with; it downloads the app from this portal. */
export function portalPublicUrl(): string {
  return env().PORTAL_PUBLIC_URL ?? "http://localhost:3000";
}

let rendered: Promise<string> | undefined;

/**
 * Rendered once: it depends only on configuration and the bundle, and every status refresh asks
 * for it. The script checks the bundle's sha256, so without a bundle there is no user data.
 */
export function labUserData(): Promise<string> {
  rendered ??= readFile(SAMPLE_APP_BUNDLE_PATH).then(
    (bundle) =>
      renderUserData({
        portalUrl: portalPublicUrl(),
        version: SAMPLE_APP_VERSION,
        sha256: createHash("sha256").update(bundle).digest("hex"),
      }),
    (error: unknown) => {
      rendered = undefined;
      throw new Error("sample app bundle not built: run `npm run bundle -w sample-app`", {
        cause: error,
      });
    },
  );
  return rendered;
}
