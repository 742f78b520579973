import "server-only";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Unpacks the sample-app tarball EC2 user data downloads, once per version, so the sandbox runs
 * exactly what an instance would run.
 */
export function unpackSampleApp(bundle: string, into: string, version: string): string {
  const directory = path.join(into, version);
  if (existsSync(path.join(directory, "server.mjs"))) return directory;
  const staging = `${directory}.unpacking-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  execFileSync("tar", ["-xzf", bundle, "-C", staging, "--strip-components=1"]);
  rmSync(directory, { recursive: true, force: true });
  renameSync(staging, directory);
  return directory;
}
