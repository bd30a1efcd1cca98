#!/usr/bin/env node
// `npm start`: installs dependencies if missing, builds if needed, starts the sandbox provider
// when IMPACT_BASE_URL is unset, starts the dashboard (which migrates the database at start),
// and prints the URL and how to sign in. The dashboard and the sandbox are supervised separately:
// either one dying is started again while the other keeps running. Uses only Node built-ins, so
// it runs on a fresh clone.
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { run } from "./lib/run.mjs";
import { supervise } from "./lib/supervise.mjs";

const root = new URL("..", import.meta.url).pathname;
const port = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
const children = [];
/** The one-time first-run set-up token, as the dashboard prints it while there is no user. */
let setupToken;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function needsBuild() {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "sandbox/defaults.ts", "instrumentation.ts", "proxy.ts",
    "next.config.js", "tailwind.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
  return sources.some((source) => newestMtime(join(root, source)) > built);
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

function start(name, command, args, env) {
  const supervised = supervise({
    name, command, args, cwd: root, env: { ...process.env, ...env },
    // Passed through untouched; the set-up link is also noted, to repeat it in the summary.
    onOutput: (chunk) => {
      process.stdout.write(chunk);
      setupToken ??= /\/setup\?token=([A-Za-z0-9_-]+)/.exec(chunk.toString())?.[1];
    },
  });
  children.push(supervised);
  return supervised;
}

let shuttingDown = false;
function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  void Promise.all(children.map((child) => child.stop())).finally(() => process.exit(code));
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

async function main() {
  if (!existsSync(join(root, "node_modules", ".package-lock.json"))) {
    console.log("Installing dependencies (first run; about two minutes)…");
    let code = await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root });
    if (code !== 0) code = await run("npm", ["install", "--no-audit", "--no-fund"], { cwd: root });
    if (code !== 0) process.exit(code);
  }
  if (needsBuild()) {
    console.log("Building the dashboard…");
    const code = await run("npx", ["next", "build"], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (code !== 0) process.exit(code);
  }
  mkdirSync(join(root, "data"), { recursive: true });

  const env = {};
  if (!process.env.IMPACT_BASE_URL) {
    start("Sandbox provider", process.execPath, ["--import", "tsx", "sandbox/server.ts"], { SANDBOX_PORT: String(sandboxPort), SANDBOX_SEED_ERP: process.env.SANDBOX_SEED_ERP ?? "1" });
    if (!(await waitFor(`http://127.0.0.1:${sandboxPort}/health`, 20_000))) {
      console.error(`The sandbox provider did not start on port ${sandboxPort}.`);
      shutdown(1);
      return;
    }
  }
  start("Dashboard", process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)],
    { NEXT_TELEMETRY_DISABLED: "1", ...env });
  if (!(await waitFor(`http://127.0.0.1:${port}/api/health`, 60_000))) {
    console.error(`The dashboard did not answer on port ${port}.`);
    shutdown(1);
    return;
  }
  const provider = process.env.IMPACT_BASE_URL ?? `the built-in sandbox provider at http://127.0.0.1:${sandboxPort}`;
  console.log(`\nCredit Desk is running: http://localhost:${port}`);
  console.log(`Provider: ${provider}`);
  if (process.env.ADMIN_EMAIL) console.log(`Sign in as ${process.env.ADMIN_EMAIL} with ADMIN_PASSWORD.`);
  else if (setupToken) {
    console.log(`First run: create the first administrator at http://localhost:${port}/setup?token=${setupToken}`);
    console.log("  (a one-time link, printed only here and in the server log; or set ADMIN_EMAIL and ADMIN_PASSWORD instead).");
  } else console.log(`Sign in at http://localhost:${port}/login.`);
  console.log("Stop with Ctrl+C.\n");
}

main().catch((error) => {
  console.error(error);
  shutdown(1);
});
