/** How a drill run is printed and written into docs/BENCHMARKS.md. */
import type { DrillReport } from "./run-drill";

const ENGINE_NAMES = { sqlite: "SQLite", postgres: "PostgreSQL" } as const;

function list(record: Record<string, number>): string {
  const entries = Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "none" : entries.map(([key, n]) => `${key} ${n}`).join(", ");
}

/** The counts, one fact per line, as printed at the end of a drill. */
export function drillSummaryLines(report: DrillReport): string[] {
  const { verdict, options } = report;
  const lines = [
    `${verdict.acknowledged} acknowledged (202) of ${options.documents} credit notes; ${verdict.documents} documents in the database; ${verdict.providerDocuments} at the provider`,
    `statuses: ${list(verdict.byStatus)}`,
    `processes killed with SIGKILL and restarted: ${list(report.kills)} (${report.powerCuts} time(s) all at once); clients re-sent ${report.clientRetries} request(s) through outages`,
    `faults injected: ${list(report.injected)}`,
    `faults that struck (sandbox request log): ${list(report.hits)}`,
    `other provider answers: ${list(report.answers)}`,
    `needs_attention: ${Object.keys(verdict.needsAttention).length === 0 ? "0" : list(verdict.needsAttention)}`,
    `lost ${verdict.lost.length} · duplicated ${verdict.duplicated.length} · at the provider but not recorded ${verdict.unrecorded.length} · attempts without log row ${verdict.attemptLogGaps.length} · still moving ${verdict.stillMoving.length} · unexpected rejections ${verdict.unexpectedRejections.length}`,
    `issuing with chaos ${(report.issuingMs / 1000).toFixed(0)} s, then quiet after ${(report.quietMs / 1000).toFixed(0)} s`,
  ];
  for (const [name, items] of [
    ["lost", verdict.lost], ["duplicated", verdict.duplicated], ["unrecorded", verdict.unrecorded],
    ["attempt log", verdict.attemptLogGaps], ["still moving", verdict.stillMoving], ["rejected", verdict.unexpectedRejections],
  ] as const) {
    for (const item of items.slice(0, 20)) lines.push(`  ✗ ${name}: ${item}`);
    if (items.length > 20) lines.push(`  … and ${items.length - 20} more ${name}`);
  }
  lines.push(verdict.ok ? "VERDICT: OK — nothing lost, nothing duplicated" : "VERDICT: FAILED");
  return lines;
}

/** The Markdown section of one drill run (one per engine). */
export function drillSection(report: DrillReport): string {
  const { verdict, options } = report;
  const engine = ENGINE_NAMES[options.database];
  return [
    `## Fault drill on ${engine}`,
    "",
    `Run ${report.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC on ${report.engineVersion} (\`npm run drill${options.database === "postgres" ? " -- --database postgres" : ""}\`, seed ${options.seed}); ${report.conditions}.`,
    "",
    "| | |",
    "|---|---|",
    `| **lost** | **${verdict.lost.length}** |`,
    `| **duplicated** | **${verdict.duplicated.length}** |`,
    `| at the provider but not recorded as accepted with its MARK | ${verdict.unrecorded.length} |`,
    `| attempts without their log row (attempt_count ≠ attempts rows) | ${verdict.attemptLogGaps.length} |`,
    `| still queued / sending / unknown at the end | ${verdict.stillMoving.length} |`,
    `| credit notes acknowledged (202) | ${verdict.acknowledged} of ${options.documents} |`,
    `| documents in the database | ${verdict.documents} (${list(verdict.byStatus)}) |`,
    `| documents at the provider | ${verdict.providerDocuments} |`,
    `| needs_attention (flagged for a person, with why) | ${Object.keys(verdict.needsAttention).length === 0 ? "0" : list(verdict.needsAttention)} |`,
    `| processes killed (SIGKILL) and restarted | ${list(report.kills)}; ${report.powerCuts} time(s) all at once |`,
    `| client re-sends through outages | ${report.clientRetries} |`,
    `| faults injected | ${list(report.injected)} |`,
    `| faults that struck (sandbox log) | ${list(report.hits)} |`,
    `| other provider answers (path, outcome, status) | ${list(report.answers)} |`,
    `| duration | issuing with chaos ${(report.issuingMs / 1000).toFixed(0)} s, quiet ${(report.quietMs / 1000).toFixed(0)} s later |`,
    `| verdict | ${verdict.ok ? "✓ OK" : "✗ FAILED"} |`,
    "",
    `Set-up: the production server (its own worker on, lease 60 s) and ${options.workers} \`scripts/worker.ts\` process(es) (lease 5 s, back-off 100 ms–1 s) share the database and one sandbox (processing window 2 s); every process talks to the provider with a 1 s connect and 2.5 s response timeout. ${options.clerks} clients issue through \`POST /api/credit-notes\`, re-sending the same draft id through outages. Every 1.5–4 s one process (15 % of the time all of them) is killed with SIGKILL and restarted 0.2–1.5 s later; roughly every third submission and every second status look-up meets the next fault of a shuffled round of all modes, and the duplicate answer flips between 409 and 2xx every 8–16 s. After the last acknowledgement and 5 s more chaos, faults are cleared and everything runs until nothing is queued, sending or unknown. The \`erp\` header switches are per request and the dashboard never sends that header, so they cannot strike here.`,
  ].join("\n");
}
