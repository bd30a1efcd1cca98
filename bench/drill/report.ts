/** How a drill run is printed and written into docs/BENCHMARKS.md. */
import type { DrillReport } from "./run-drill";

const ENGINE_NAMES = { sqlite: "SQLite", postgres: "PostgreSQL" } as const;

function list(record: Record<string, number>): string {
  const entries = Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "none" : entries.map(([key, n]) => `${key} ${n}`).join(", ");
}

/** The faults-struck table: every injected kind, how often injected and struck, ✓ or ✗. */
export function faultTableLines(report: DrillReport): string[] {
  return [
    "| fault kind | injected | struck | |",
    "|---|---:|---:|---|",
    ...report.verdict.faults.map((fault) => `| ${fault.kind} | ${fault.injected} | ${fault.struck} | ${fault.struck > 0 ? "✓ struck" : "✗ never struck"} |`),
  ];
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
    `lost ${verdict.lost.length} · duplicated ${verdict.duplicated.length} · at the provider but not recorded ${verdict.unrecorded.length} · attempts without log row ${verdict.attemptLogGaps.length} · still moving ${verdict.stillMoving.length} · unexpected rejections ${verdict.unexpectedRejections.length} · stranded ${verdict.stranded.length} · fault kinds never struck ${verdict.unstruck.length}`,
    `issuing with chaos ${(report.issuingMs / 1000).toFixed(0)} s, then quiet after ${(report.quietMs / 1000).toFixed(0)} s`,
  ];
  for (const [name, items] of [
    ["lost", verdict.lost], ["duplicated", verdict.duplicated], ["unrecorded", verdict.unrecorded],
    ["attempt log", verdict.attemptLogGaps], ["still moving", verdict.stillMoving], ["rejected", verdict.unexpectedRejections],
    ["stranded", verdict.stranded], ["never struck", verdict.unstruck],
  ] as const) {
    for (const item of items.slice(0, 20)) lines.push(`  ✗ ${name}: ${item}`);
    if (items.length > 20) lines.push(`  … and ${items.length - 20} more ${name}`);
  }
  lines.push("faults struck:", ...faultTableLines(report));
  lines.push(verdict.ok ? "VERDICT: OK — nothing lost, nothing duplicated, nothing stranded, every fault struck" : "VERDICT: FAILED");
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
    `| **stranded** (needs_attention, never seen by the provider, not a permanent refusal) | **${verdict.stranded.length}** |`,
    `| injected fault kinds that never struck | ${verdict.unstruck.length} |`,
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
    `| throughput | ${(verdict.documents / ((report.issuingMs + report.quietMs) / 1000)).toFixed(2)} notes/s over the whole run (issuing is paced to span the provider outages) |`,
    `| verdict | ${verdict.ok ? "✓ OK" : "✗ FAILED"} |`,
    "",
    "Faults struck:",
    "",
    ...faultTableLines(report),
    "",
    `Set-up: the production server (its own worker on, lease 10 s renewed by a heartbeat) and ${options.workers} \`scripts/worker.ts\` process(es) (lease 5 s, back-off 100 ms–1 s, lock wait 2 min as on UAT) share the database and one sandbox answering in the observed UAT shapes (processing window 2 s, lock after the save-error 500 2 min); every process talks to the provider with a 1 s connect and 2.5 s response timeout. ${options.clerks} clients issue notes that each say something of their own (unit price and description) through \`POST /api/credit-notes\`, paced over about 6 minutes, re-sending the same draft id through outages. Every 1.5–4 s one dashboard or worker process (15 % of the time all of them) is killed with SIGKILL and restarted 0.2–1.5 s later; the provider is SIGKILLed too: briefly (2–4 s) at 10 s, 130 s and every 10–20 s after 325 s, for 90 s from 25 s and for 3 minutes from 145 s. Roughly every third submission meets the next fault of a shuffled round of all submission modes (the observed 408s and the 500 + lock among them, queued through the control API), and the duplicate answer flips between 409 and 2xx every 8–16 s. After the last acknowledgement and 5 s more chaos, faults are cleared and everything runs until nothing is queued, sending or unknown. Duplicates are checked by draft id, internal id, series/number and content (gross amount); a note in needs_attention that the provider never saw counts as stranded unless its last error is a permanent refusal; an injected fault kind that never struck fails the run (a provider outage strikes when a send was tried while it lasted).`,
  ].join("\n");
}
