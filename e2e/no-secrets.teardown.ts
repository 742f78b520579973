import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CAPTURE_DIR, PLANTED_FILE } from "./portal-client";

/**
 * Runs after every other spec (the `no-secrets` teardown project): the secrets e2e/secrets.spec.ts
 * planted must appear nowhere the portal keeps or sends things — the database file, the server
 * logs, any HTML/RSC/JSON/event-stream response of the whole run, the built JS. The one exception is
 * the one-time download that hands a key or password to its attendee.
 */

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

type Response = { method: string; url: string; status: number; type: string; body: string };

const isHandOver = (response: Response) =>
  response.method === "GET" &&
  response.url.startsWith("/api/downloads/") &&
  response.status === 200;

test("no planted secret in the database, server logs, responses or built JS", () => {
  test.skip(!existsSync(PLANTED_FILE), "e2e/secrets.spec.ts did not run: nothing was planted");
  const planted = JSON.parse(readFileSync(PLANTED_FILE, "utf8")) as Record<string, string>;
  const needles = Object.entries(planted).flatMap(([name, value]) => [
    { name, value },
    { name: `${name} (URL-encoded)`, value: encodeURIComponent(value) },
  ]);
  const hits: string[] = [];
  const search = (where: string, text: string) => {
    for (const needle of needles)
      if (text.includes(needle.value)) hits.push(`${needle.name} in ${where}`);
  };

  const root = process.cwd();
  const stores = [
    ...["e2e.db", "e2e.db-wal"].map((name) => path.join(root, "data", name)).filter(existsSync),
    path.join(CAPTURE_DIR, "portal.log"),
    path.join(CAPTURE_DIR, "runtime.log"),
    ...filesUnder(path.join(root, ".next", "static")),
    ...filesUnder(path.join(root, ".next", "server")),
  ];
  let bytes = 0;
  for (const file of stores) {
    const content = readFileSync(file);
    bytes += content.length;
    search(path.relative(root, file), content.toString("latin1"));
    search(path.relative(root, file), content.toString("utf8"));
  }

  const responses = readFileSync(path.join(CAPTURE_DIR, "responses.ndjson"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Response);
  let handOvers = 0;
  for (const response of responses) {
    if (response.body.startsWith("undecodable content-encoding"))
      hits.push(`${response.url}: ${response.body}`);
    if (isHandOver(response)) {
      handOvers += 1;
      continue;
    }
    search(
      `${response.method} ${response.url} (${response.status} ${response.type})`,
      response.body,
    );
  }

  const summary = `${stores.length} files (${Math.round(bytes / 1024)} KiB) and ${responses.length} responses scanned for ${Object.keys(planted).length} secrets: ${hits.length} hits`;
  console.log(summary);
  test.info().annotations.push({ type: "secret hits", description: summary });
  expect(responses.length).toBeGreaterThan(0);
  expect(
    handOvers,
    "the key pair and the master password were each handed over",
  ).toBeGreaterThanOrEqual(2);
  expect(hits).toEqual([]);
});
