/**
 * `npm run bench`: builds this checkout for production (in a temporary copy), then measures
 * page JavaScript, history API latency, proxy overhead, sustained issuing and keystroke
 * latency against the sandbox provider, prints a table and rewrites docs/BENCHMARKS.md.
 *
 *   npm run bench [-- --quick] [--only history,load] [--runs 5] [--engines sqlite,postgres]
 *                 [--sizes 10k,100k,1m] [--load-documents 10000] [--clerks 20] [--lines 10,100,300]
 *                 [--rebuild] [--keep] [--no-write]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MEASUREMENTS_BY_NAME } from "@/bench/registry";
import { parseBenchArgs } from "@/bench/lib/args";
import { prepareBuild } from "@/bench/lib/build";
import type { BenchContext } from "@/bench/lib/context";
import { DatabaseFactory } from "@/bench/lib/databases";
import { textTable, type MeasurementResult } from "@/bench/lib/figures";
import { loadNow, machineInfo } from "@/bench/lib/machine";
import { machineSection, measurementSection, updateReportFile } from "@/bench/lib/report-file";

const repoDir = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const started = Date.now();
  log(`Credit Desk benchmarks: ${options.only.join(", ")}${options.quick ? " (quick)" : ""}; ${loadNow()}`);
  const build = await prepareBuild({ sourceDir: repoDir, rebuild: options.rebuild, log });
  const workDir = mkdtempSync(join(tmpdir(), "credit-desk-bench-run-"));
  const databases = new DatabaseFactory(workDir);
  // Ctrl-C: children die with the process (their exit hook); the PostgreSQL cluster is stopped here.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      databases.abandon();
      rmSync(workDir, { recursive: true, force: true });
      process.exit(130);
    });
  }
  const ctx: BenchContext = { options, repoDir, buildDir: build.dir, workDir, databases, log };
  const machine = machineInfo(repoDir);
  const results: MeasurementResult[] = [];
  const failures: string[] = [];
  try {
    for (const name of options.only) {
      log(`\n▶ ${name}`);
      try {
        const result = await MEASUREMENTS_BY_NAME[name](ctx);
        results.push(result);
        if (result.chromium !== undefined) machine.chromium = result.chromium;
        log(textTable(result.figures));
        for (const note of result.notes) log(`  · ${note}`);
      } catch (error) {
        failures.push(name);
        log(`✗ ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    machine.postgres = (await databases.postgresVersion()) ?? machine.postgres;
  } finally {
    await databases.close();
    if (options.keep) log(`Kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }

  log(`\n${"═".repeat(72)}\nAll figures (medians of ${options.runs} run${options.runs === 1 ? "" : "s"}):\n`);
  log(textTable(results.flatMap((result) => result.figures)));
  const missed = results.flatMap((result) => result.figures).filter((figure) => figure.target !== undefined && !(figure.target.comparison === "<=" ? figure.value <= figure.target.limit : figure.value >= figure.target.limit));
  log(`\n${missed.length} target(s) missed${failures.length > 0 ? `; failed: ${failures.join(", ")}` : ""}; ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
  if (options.write && results.length > 0) {
    const now = new Date();
    const file = join(repoDir, "docs", "BENCHMARKS.md");
    updateReportFile(file, [
      { name: "machine", body: machineSection(machine, now) },
      ...results.map((result) => ({ name: result.measurement, body: measurementSection(result, now, options.quick) })),
    ]);
    log(`Wrote ${file}`);
  }
  process.exitCode = failures.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
