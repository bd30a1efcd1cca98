#!/usr/bin/env node
// `npm test`: the whole suite — lint, types, a dependency advisory check, unit and integration tests (SQLite and a throw-away
// PostgreSQL), a production build, and Playwright in Chromium. Installs what is missing,
// and ends with one line `N passed, N failed`.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { auditDependencies } from "./lib/dependency-audit.mjs";
import { hasCommand, isRoot, run } from "./lib/run.mjs";
import { findPostgresBin, startThrowawayPostgres } from "./lib/postgres.mjs";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, ".test-output");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const tally = { passed: 0, failed: 0 };
const problems = [];

function check(name, ok) {
  if (ok) tally.passed += 1;
  else {
    tally.failed += 1;
    problems.push(name);
  }
  console.log(`${ok ? "✓" : "✗"} ${name}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

async function ensureInstalled() {
  if (!existsSync(join(root, "node_modules", ".package-lock.json"))) {
    console.log("Installing dependencies…");
    let code = await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root });
    if (code !== 0) code = await run("npm", ["install", "--no-audit", "--no-fund"], { cwd: root });
    if (code !== 0) throw new Error("npm install failed");
  }
  const missing = [];
  if (!existsSync(chromium)) missing.push("chromium");
  if (!findPostgresBin()) missing.push("postgresql");
  if (missing.length === 0) return;
  if (isRoot && hasCommand("apt-get")) {
    console.log(`Installing ${missing.join(", ")} from Debian…`);
    await run("apt-get", ["install", "-y", ...missing]);
  } else {
    console.log(`Missing: ${missing.join(", ")}. Install with:\n  sudo apt-get install -y ${missing.join(" ")}`);
  }
}

async function main() {
  await ensureInstalled();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  check("lint (eslint)", (await run("npx", ["eslint", "."], { cwd: root })) === 0);
  check("types (tsc --noEmit)", (await run("npx", ["tsc", "--noEmit", "-p", "."], { cwd: root })) === 0);

  // Known advisories of the locked dependencies; skipped (and said so) only when the registry cannot answer.
  const advisories = await auditDependencies({ cwd: root });
  if (advisories.status === "skip") console.log(`– dependency advisories (npm audit, high/critical): SKIPPED — ${advisories.message}`);
  else check(`dependency advisories (npm audit, high/critical): ${advisories.message}`, advisories.status === "pass");

  let postgres;
  try {
    postgres = await startThrowawayPostgres();
    console.log(`Throw-away PostgreSQL at ${postgres.url}`);
  } catch (error) {
    check(`start PostgreSQL for the PostgreSQL-backed tests (${error.message})`, false);
  }
  const stopPostgres = () => postgres?.stop();
  process.on("exit", stopPostgres);
  process.on("SIGINT", () => process.exit(130));
  process.on("SIGTERM", () => process.exit(143));

  const vitestReport = join(out, "vitest.json");
  const vitestCode = await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], {
    cwd: root,
    env: { ...process.env, ...(postgres ? { TEST_DATABASE_URL: postgres.url } : {}) },
  });
  const vitest = readJson(vitestReport);
  if (vitest) {
    tally.passed += vitest.numPassedTests ?? 0;
    tally.failed += vitest.numFailedTests ?? 0;
    if ((vitest.numFailedTests ?? 0) > 0) problems.push(`${vitest.numFailedTests} vitest test(s)`);
    if (vitestCode !== 0 && (vitest.numFailedTests ?? 0) === 0) check("vitest run (suite-level error)", false);
  } else check("vitest run (no report)", false);

  const canaryKey = `canary-${randomBytes(12).toString("hex")}`;
  const buildEnv = { ...process.env, IMPACT_API_KEY: canaryKey, IMPACT_BASE_URL: "http://127.0.0.1:4110", NEXT_TELEMETRY_DISABLED: "1" };
  const built = (await run("npx", ["next", "build"], { cwd: root, env: buildEnv })) === 0;
  check("production build (next build, with a canary provider key)", built);

  if (built && existsSync(chromium)) {
    const report = join(out, "playwright.json");
    const code = await run("npx", ["playwright", "test"], {
      cwd: root,
      env: { ...process.env, E2E_API_KEY: canaryKey, CI: "1", ...(postgres ? { TEST_DATABASE_URL: postgres.url } : {}) },
    });
    const playwright = readJson(report);
    if (playwright?.stats) {
      const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats;
      tally.passed += expected + flaky;
      tally.failed += unexpected;
      if (unexpected > 0) problems.push(`${unexpected} Playwright test(s)`);
      if (code !== 0 && unexpected === 0) check("playwright run (suite-level error)", false);
    } else check("playwright run (no report)", false);
  } else if (!existsSync(chromium)) {
    check(`Chromium at ${chromium} (apt-get install -y chromium)`, false);
  }

  stopPostgres();
  if (problems.length > 0) console.log(`\nFailures: ${problems.join("; ")}`);
  console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log(`\n${tally.passed} passed, ${tally.failed + 1} failed`);
  process.exit(1);
});
