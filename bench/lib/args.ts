/**
 * Command lines of `npm run bench` and `npm run drill`, parsed into typed options. Pure, so the
 * defaults and refusals are unit-tested.
 */
import { parseArgs } from "node:util";

/** The measurements of `npm run bench`, in the order a full run takes them. */
export const MEASUREMENTS = ["bundles", "history", "search", "proxy", "load", "keystroke"] as const;
export type MeasurementName = (typeof MEASUREMENTS)[number];

export type Engine = "sqlite" | "postgres";
const ENGINES: readonly Engine[] = ["sqlite", "postgres"];

export interface BenchOptions {
  /** Small sizes and one run each: a smoke test of the harness, not figures to publish. */
  quick: boolean;
  only: MeasurementName[];
  /** Repetitions whose median is reported. */
  runs: number;
  /** Engines of the history measurement. */
  engines: Engine[];
  /** Document counts of the history measurement, ascending. */
  historySizes: number[];
  /** Documents issued by the 20 clerks (the memory figure is read after them). */
  loadDocuments: number;
  clerks: number;
  /** Issues timed one by one for the proxy ratio, per run. */
  proxySamples: number;
  /** Line counts of the keystroke measurement. */
  lineCounts: number[];
  /** Rewrite docs/BENCHMARKS.md (default: on for full runs, off for --quick). */
  write: boolean;
  /** Build even when the copy's fingerprint matches the checkout. */
  rebuild: boolean;
  /** Keep temporary databases and logs for inspection. */
  keep: boolean;
}

export interface DrillOptions {
  database: Engine;
  documents: number;
  /** Concurrent clients issuing through the dashboard. */
  clerks: number;
  /** scripts/worker.ts processes beside the server's own worker. */
  workers: number;
  /** Seed of the kill and fault schedule (a run is then repeatable up to timing). */
  seed: number;
  /** Longest wait for quiet after the last issue, in seconds. */
  quietTimeoutS: number;
  write: boolean;
  rebuild: boolean;
  keep: boolean;
}

function wholeNumber(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new RangeError(`--${name} must be a whole number ≥ ${min}, not "${text}"`);
  return value;
}

function list(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text.split(",").map((item) => item.trim()).filter((item) => item !== "");
}

function numberList(name: string, text: string | undefined, fallback: number[]): number[] {
  const items = list(text);
  if (items === undefined) return fallback;
  const values = items.map((item) => wholeNumber(name, item.replace(/_/g, "").replace(/k$/i, "000").replace(/m$/i, "000000"), 0));
  return [...new Set(values)].sort((a, b) => a - b);
}

function engineList(name: string, text: string | undefined, fallback: Engine[]): Engine[] {
  const items = list(text);
  if (items === undefined) return fallback;
  for (const item of items) {
    if (!ENGINES.includes(item as Engine)) throw new RangeError(`--${name}: unknown engine "${item}" (sqlite, postgres)`);
  }
  return items as Engine[];
}

/** Parses the arguments of `npm run bench` (everything after `--`). */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      runs: { type: "string" },
      engines: { type: "string" },
      sizes: { type: "string" },
      "load-documents": { type: "string" },
      clerks: { type: "string" },
      "proxy-samples": { type: "string" },
      lines: { type: "string" },
      write: { type: "boolean" },
      "no-write": { type: "boolean", default: false },
      rebuild: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
    },
  });
  const quick = values.quick ?? false;
  const only = list(values.only) ?? [...MEASUREMENTS];
  for (const name of only) {
    if (!MEASUREMENTS.includes(name as MeasurementName)) {
      throw new RangeError(`--only: unknown measurement "${name}" (${MEASUREMENTS.join(", ")})`);
    }
  }
  return {
    quick,
    only: MEASUREMENTS.filter((name) => only.includes(name)),
    runs: wholeNumber("runs", values.runs, quick ? 1 : 5),
    engines: engineList("engines", values.engines, ["sqlite", "postgres"]),
    historySizes: numberList("sizes", values.sizes, quick ? [2_000, 20_000] : [10_000, 100_000, 1_000_000]),
    loadDocuments: wholeNumber("load-documents", values["load-documents"], quick ? 500 : 10_000),
    clerks: wholeNumber("clerks", values.clerks, 20),
    proxySamples: wholeNumber("proxy-samples", values["proxy-samples"], quick ? 5 : 20),
    lineCounts: numberList("lines", values.lines, [10, 100, 300]),
    write: values["no-write"] ? false : (values.write ?? !quick),
    rebuild: values.rebuild ?? false,
    keep: values.keep ?? false,
  };
}

/** Parses the arguments of `npm run drill`. */
export function parseDrillArgs(argv: readonly string[]): DrillOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      database: { type: "string", default: "sqlite" },
      documents: { type: "string" },
      clerks: { type: "string" },
      workers: { type: "string" },
      seed: { type: "string" },
      "quiet-timeout-s": { type: "string" },
      write: { type: "boolean", default: true },
      "no-write": { type: "boolean", default: false },
      rebuild: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
    },
  });
  const [database] = engineList("database", values.database, ["sqlite"]);
  return {
    database: database ?? "sqlite",
    documents: wholeNumber("documents", values.documents, 500),
    clerks: wholeNumber("clerks", values.clerks, 4),
    workers: wholeNumber("workers", values.workers, 2, 0),
    seed: wholeNumber("seed", values.seed, Date.now() % 1_000_000, 0),
    quietTimeoutS: wholeNumber("quiet-timeout-s", values["quiet-timeout-s"], 900),
    write: values["no-write"] ? false : (values.write ?? true),
    rebuild: values.rebuild ?? false,
    keep: values.keep ?? false,
  };
}
