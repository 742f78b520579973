import "server-only";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Unpacks the sample-app tarball EC2 user data downloads, once per distinct bundle (by content,
 * since a rebuilt bundle keeps its version while the app changes), so the sandbox runs exactly
 * what an instance would run.
 */
export function unpackSampleApp(bundle: string, into: string): string {
  const digest = createHash("sha256").update(readFileSync(bundle)).digest("hex").slice(0, 16);
  const directory = path.join(into, digest);
  if (existsSync(path.join(directory, "server.mjs"))) return directory;
  const staging = `${directory}.unpacking-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  execFileSync("tar", ["-xzf", bundle, "-C", staging, "--strip-components=1"]);
  rmSync(directory, { recursive: true, force: true });
  renameSync(staging, directory);
  return directory;
}
