/**
 * `npm run drill`: issues credit notes through the production server while SIGKILLing the
 * server and worker processes and injecting every sandbox fault, waits for quiet, and checks
 * that nothing was lost or duplicated. Exits non-zero on any loss or duplicate.
 *
 *   npm run drill [-- --database sqlite|postgres] [--documents 500] [--clerks 4] [--workers 2]
 *                 [--seed N] [--quiet-timeout-s 900] [--rebuild] [--keep] [--no-write]
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDrillArgs } from "@/bench/lib/args";
import { drillSection, drillSummaryLines } from "@/bench/drill/report";
import { runDrill } from "@/bench/drill/run-drill";
import { updateReportFile } from "@/bench/lib/report-file";

const repoDir = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseDrillArgs(process.argv.slice(2));
  const report = await runDrill(options, repoDir, log);
  log("");
  for (const line of drillSummaryLines(report)) log(line);
  if (options.write) {
    const file = join(repoDir, "docs", "BENCHMARKS.md");
    updateReportFile(file, [{ name: options.database === "postgres" ? "drill-postgres" : "drill-sqlite", body: drillSection(report) }]);
    log(`Wrote ${file}`);
  }
  process.exitCode = report.verdict.ok ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`drill failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
