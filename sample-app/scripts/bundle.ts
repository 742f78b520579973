// Builds the tarball that EC2 user data downloads: one JS file with every dependency inlined,
// so the instance needs nothing but `node`.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { APP_VERSION } from "../src/version";

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE_TOP_DIRECTORY = "aws101-sample-app";
export const DEFAULT_BUNDLE_PATH = path.join(appRoot, "dist", "sample-app.tgz");

export async function buildBundle(outFile: string = DEFAULT_BUNDLE_PATH): Promise<string> {
  const staging = mkdtempSync(path.join(tmpdir(), "aws101-bundle-"));
  try {
    const top = path.join(staging, BUNDLE_TOP_DIRECTORY);
    mkdirSync(top);
    await build({
      entryPoints: [path.join(appRoot, "src", "main.ts")],
      outfile: path.join(top, "server.mjs"),
      bundle: true,
      platform: "node",
      target: "node20",
      format: "esm",
      legalComments: "eof",
      logLevel: "warning",
      // CommonJS dependencies (mysql2, busboy) call require() for Node built-ins.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    copyFileSync(path.join(appRoot, "config.env.example"), path.join(top, "config.env.example"));
    copyFileSync(path.join(appRoot, "maintenance.html"), path.join(top, "maintenance.html"));
    writeFileSync(path.join(top, "VERSION"), `${APP_VERSION}\n`);

    mkdirSync(path.dirname(outFile), { recursive: true });
    // Fixed order, owner and mtime: the same sources give the same tarball.
    execFileSync(
      "tar",
      [
        "--sort=name",
        "--owner=0",
        "--group=0",
        "--numeric-owner",
        "--mtime=2000-01-01 00:00:00Z",
        "-cf",
        path.join(staging, "bundle.tar"),
        "-C",
        staging,
        BUNDLE_TOP_DIRECTORY,
      ],
      { stdio: "inherit" },
    );
    execFileSync("gzip", ["-n", "-9", "-f", path.join(staging, "bundle.tar")], {
      stdio: "inherit",
    });
    copyFileSync(path.join(staging, "bundle.tar.gz"), outFile);
    return outFile;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await buildBundle(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`sample app ${APP_VERSION} bundled into ${path.relative(process.cwd(), written)}`);
}
