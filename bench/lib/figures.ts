/**
 * What a measurement reports: figures with their unit, the target they are held to, and the
 * per-run values behind the median. Pure formatting helpers for the table and the Markdown.
 */
import type { MeasurementName } from "./args";

export type Unit = "ms" | "KB" | "x" | "docs/s" | "MB" | "count" | "%";

export interface Target {
  comparison: "<=" | ">=";
  limit: number;
}

export interface Figure {
  measurement: MeasurementName;
  /** What was measured, e.g. "first page p95 · SQLite · 1,000,000 documents". */
  label: string;
  value: number;
  unit: Unit;
  target?: Target | undefined;
  /** The value of each run; `value` is their median. */
  runs?: number[] | undefined;
}

/** The outcome of one measurement: its figures and what a reader needs to know about how they were taken. */
export interface MeasurementResult {
  measurement: MeasurementName;
  title: string;
  figures: Figure[];
  notes: string[];
  /** Load average and time when it started and ended (the machine is shared). */
  conditions: string;
  /** Browser version, for measurements that drove one. */
  chromium?: string | undefined;
}

/** True / false against the target; undefined when there is no target or no value. */
export function targetMet(figure: Pick<Figure, "value" | "target">): boolean | undefined {
  if (figure.target === undefined || !Number.isFinite(figure.value)) return undefined;
  return figure.target.comparison === "<=" ? figure.value <= figure.target.limit : figure.value >= figure.target.limit;
}

/** A value with its unit, rounded to what the unit can honestly carry. */
export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return "n/a";
  switch (unit) {
    case "ms":
      return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString("en")} ms`;
    case "KB":
      return `${value.toFixed(1)} KB`;
    case "x":
      return `${value.toFixed(2)}×`;
    case "docs/s":
      return `${value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString("en")} docs/s`;
    case "MB":
      return `${Math.round(value).toLocaleString("en")} MB`;
    case "%":
      return `${value.toFixed(1)} %`;
    case "count":
      return Math.round(value).toLocaleString("en");
  }
}

/** "≤ 20 ms" */
export function formatTarget(target: Target | undefined, unit: Unit): string {
  if (target === undefined) return "—";
  return `${target.comparison === "<=" ? "≤" : "≥"} ${formatValue(target.limit, unit)}`;
}

/** "✓ met", "✗ missed" or "—". */
export function formatMet(figure: Pick<Figure, "value" | "target">): string {
  const met = targetMet(figure);
  return met === undefined ? "—" : met ? "✓ met" : "✗ missed";
}

/** The per-run values, short. */
export function formatRuns(figure: Figure): string {
  if (figure.runs === undefined || figure.runs.length <= 1) return "";
  return figure.runs.map((value) => formatValue(value, figure.unit).replace(/ (ms|KB|MB|docs\/s|%)$/, "")).join(", ");
}

/** A Markdown table of figures. Pipes inside cells are escaped. */
export function markdownTable(figures: readonly Figure[]): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = figures.map((f) => `| ${cell(f.label)} | ${formatValue(f.value, f.unit)} | ${formatTarget(f.target, f.unit)} | ${formatMet(f)} | ${cell(formatRuns(f))} |`);
  return ["| measured | median | target | met | runs |", "|---|---:|---|---|---|", ...rows].join("\n");
}

/** A plain-text table for the terminal, columns padded. */
export function textTable(figures: readonly Figure[]): string {
  const rows = [["measured", "median", "target", "met"], ...figures.map((f) => [f.label, formatValue(f.value, f.unit), formatTarget(f.target, f.unit), formatMet(f)])];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => [...(row[column] ?? "")].length)));
  return rows
    .map((row) => row.map((text, column) => text + " ".repeat(Math.max(0, (widths[column] ?? 0) - [...text].length))).join("  ").trimEnd())
    .join("\n");
}
