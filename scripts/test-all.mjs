// npm test: every suite (types, lint, Vitest unit + integration, Playwright e2e) and one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureEmulatorInstalled, ensureNpmDependencies } from "./lib/stack.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// `npm test` on a fresh clone installs what it needs, like `npm run demo` does.
ensureNpmDependencies();
ensureEmulatorInstalled();
const resultsDir = path.join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const suites = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${[path.basename(command), ...args].join(" ")}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

function countCheck(name, ok) {
  totals[ok ? "passed" : "failed"] += 1;
  suites.push(`${name}: ${ok ? "ok" : "FAILED"}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

countCheck("typecheck", run("typecheck", bin("tsc"), ["--noEmit", "-p", "."]));
countCheck(
  "typecheck sample-app",
  run("typecheck sample-app", bin("tsc"), ["--noEmit", "-p", "sample-app"]),
);
countCheck("lint", run("lint", bin("eslint"), [".", "--max-warnings", "0"]));

const vitestReport = path.join(resultsDir, "vitest.json");
rmSync(vitestReport, { force: true });
const vitestOk = run("unit + integration (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  suites.push(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
  if (!vitestOk && vitest.numFailedTests === 0) countCheck("vitest run", false);
} else {
  countCheck("vitest (no report)", false);
}

const buildOk = run("build", "npm", ["run", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
countCheck("next build", buildOk);
if (buildOk) {
  const playwrightReport = path.join(root, "e2e", "artifacts", "report.json");
  rmSync(playwrightReport, { force: true });
  const e2eOk = run("e2e (playwright)", bin("playwright"), ["test"]);
  const report = existsSync(playwrightReport) ? readJson(playwrightReport) : undefined;
  if (report?.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
    totals.passed += expected + flaky;
    totals.failed += unexpected;
    totals.skipped += skipped;
    suites.push(`e2e: ${expected + flaky} passed, ${unexpected} failed`);
    if (!e2eOk && unexpected === 0) countCheck("playwright run", false);
  } else {
    countCheck("e2e (no report)", false);
  }
}

const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
writeFileSync(path.join(resultsDir, "summary.txt"), `${summary}\n`);
console.log(`\n${suites.join("\n")}`);
console.log(summary);
process.exit(totals.failed > 0 ? 1 : 0);
