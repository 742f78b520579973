import { readFile } from "node:fs/promises";
import { SAMPLE_APP_BUNDLE_PATH, SAMPLE_APP_VERSION } from "@/lib/lab/user-data";

/**
 * Public on purpose: EC2 user data downloads the lab's sample app from here without a session.
 * It serves nothing but the app's own bundle, and only the version the user data names.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  if ((await params).file !== `${SAMPLE_APP_VERSION}.tgz`) {
    return new Response("unknown sample app version\n", { status: 404 });
  }
  let bundle: Buffer;
  try {
    bundle = await readFile(SAMPLE_APP_BUNDLE_PATH);
  } catch {
    return new Response("sample app bundle not built: run `npm run bundle -w sample-app`\n", {
      status: 503,
    });
  }
  return new Response(new Uint8Array(bundle), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="aws101-sample-app-${SAMPLE_APP_VERSION}.tgz"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
