/**
 * The production build the benchmarks and the drill run against: a copy of the checkout in a
 * temporary folder (so the checkout's own `.next` is never touched), with one extra page — a bare
 * Next.js page that is the yardstick of the JavaScript measurement — built with `next build`.
 * The copy is reused while the checkout's sources are unchanged.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

/** Folders never copied: dependencies (hard-linked instead), build output, local data, test output. */
const EXCLUDED = new Set([".git", ".next", "node_modules", "data", ".test-output", "test-results", "playwright-report"]);

/** Route of the yardstick page inside the build copy only. */
export const BARE_PAGE_PATH = "/bench-bare";

const BARE_PAGE = `// Yardstick of the JavaScript measurement: a server-rendered page with no client code of its own.
// Rendered per request like every dashboard page, so that Next puts the CSP nonce on its scripts
// (a prerendered page carries none, and the dashboard's policy would block them).
export const dynamic = "force-dynamic";

export default function BenchBarePage() {
  return (
    <main>
      <p>bare</p>
    </main>
  );
}
`;

export interface PreparedBuild {
  /** The copy with its \`.next\` production build. */
  dir: string;
  /** False when an earlier build of the same sources was reused. */
  built: boolean;
  /** Wall time of \`next build\`, when it ran. */
  buildMs: number | null;
}

/** Where the copy of `sourceDir` lives: one folder per checkout, under the system temp folder. */
export function buildDirFor(sourceDir: string): string {
  return join(tmpdir(), `credit-desk-bench-${createHash("sha1").update(sourceDir).digest("hex").slice(0, 10)}`);
}

/** What the production build is made of (the rest of the checkout only goes through its type check). */
const BUILD_INPUTS = ["app", "components", "lib", "public", "sandbox", "proxy.ts", "instrumentation.ts", "instrumentation-node.ts",
  "next.config.js", "package.json", "postcss.config.mjs", "tailwind.config.ts", "tsconfig.json"];

/** Relative path, size and modification time of every build input, as one hash. */
export function sourceFingerprint(sourceDir: string): string {
  const hash = createHash("sha1");
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (EXCLUDED.has(entry.name) || entry.name.endsWith(".tsbuildinfo")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const stat = statSync(path);
        hash.update(`${relative(sourceDir, path)}\0${stat.size}\0${Math.floor(stat.mtimeMs)}\n`);
      }
    }
  };
  for (const input of BUILD_INPUTS) {
    const path = join(sourceDir, input);
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path);
    else hash.update(`${input}\0${stat.size}\0${Math.floor(stat.mtimeMs)}\n`);
  }
  hash.update(BARE_PAGE);
  const lock = join(sourceDir, "node_modules", ".package-lock.json");
  if (existsSync(lock)) hash.update(`lock\0${Math.floor(statSync(lock).mtimeMs)}`);
  return hash.digest("hex");
}

function copySources(sourceDir: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const rsync = spawnSync("rsync", [
    "-a", "--delete", ...[...EXCLUDED].flatMap((name) => ["--exclude", name]), `${sourceDir}/`, `${dir}/`,
  ], { stdio: "pipe" });
  if (rsync.status === 0) return;
  // No rsync: start from a clean copy (node_modules is linked again below).
  for (const entry of readdirSync(dir)) if (entry !== "node_modules") rmSync(join(dir, entry), { recursive: true, force: true });
  cpSync(sourceDir, dir, { recursive: true, filter: (path) => !EXCLUDED.has(relative(sourceDir, path).split("/")[0] ?? "") });
}

/** Hard links (not a symlink: Turbopack refuses a node_modules outside the project root). */
function linkDependencies(sourceDir: string, dir: string): void {
  const target = join(dir, "node_modules");
  rmSync(target, { recursive: true, force: true });
  const result = spawnSync("cp", ["-al", join(sourceDir, "node_modules"), target], { stdio: "pipe" });
  if (result.status !== 0) {
    // Another file system: a plain copy is slower but equivalent.
    cpSync(join(sourceDir, "node_modules"), target, { recursive: true, verbatimSymlinks: true });
  }
}

function runBuild(dir: string, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dir, "node_modules/next/dist/bin/next"), "build"], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => {
      writeFileSync(logFile, output);
      if (code === 0) resolve();
      else reject(new Error(`next build failed (exit ${String(code)}); log: ${logFile}\n${output.split("\n").slice(-40).join("\n")}`));
    });
  });
}

/**
 * Copies `sourceDir` (without .git, .next, node_modules, data), hard-links its node_modules,
 * adds the bare yardstick page and runs `next build` — unless the copy already holds a build of
 * the same sources and `rebuild` is false.
 */
export async function prepareBuild(options: { sourceDir: string; rebuild: boolean; log: (line: string) => void }): Promise<PreparedBuild> {
  const dir = buildDirFor(options.sourceDir);
  const stampFile = join(dir, ".bench-fingerprint");
  const fingerprint = sourceFingerprint(options.sourceDir);
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
  if (!options.rebuild && stamp === fingerprint && existsSync(join(dir, ".next", "BUILD_ID"))) {
    options.log(`Reusing the production build in ${dir} (sources unchanged).`);
    return { dir, built: false, buildMs: null };
  }
  options.log(`Copying the checkout to ${dir} and building it for production…`);
  rmSync(stampFile, { force: true });
  copySources(options.sourceDir, dir);
  linkDependencies(options.sourceDir, dir);
  mkdirSync(join(dir, "app", BARE_PAGE_PATH.slice(1)), { recursive: true });
  writeFileSync(join(dir, "app", BARE_PAGE_PATH.slice(1), "page.tsx"), BARE_PAGE);
  const started = performance.now();
  await runBuild(dir, join(dir, "bench-build.log"));
  const buildMs = Math.round(performance.now() - started);
  writeFileSync(stampFile, fingerprint);
  options.log(`Built in ${(buildMs / 1000).toFixed(1)} s.`);
  return { dir, built: true, buildMs };
}
