import { describe, expect, it } from "vitest";
import { formatMet, formatRuns, formatTarget, formatValue, markdownTable, targetMet, textTable, type Figure } from "@/bench/lib/figures";

const figure = (value: number, limit?: number): Figure => ({
  measurement: "history", label: "first page p95 | SQLite", value, unit: "ms",
  target: limit === undefined ? undefined : { comparison: "<=", limit }, runs: [value, value + 1],
});

describe("benchmark figures", () => {
  it("a target is met at its limit and missed above it; no target, no verdict", () => {
    expect(targetMet(figure(20, 20))).toBe(true);
    expect(targetMet(figure(20.01, 20))).toBe(false);
    expect(targetMet(figure(5))).toBeUndefined();
    expect(targetMet({ value: Number.NaN, target: { comparison: "<=", limit: 1 } })).toBeUndefined();
    expect(targetMet({ value: 3, target: { comparison: ">=", limit: 2 } })).toBe(true);
  });

  it("rounds each unit to what it can carry", () => {
    expect(formatValue(4.567, "ms")).toBe("4.57 ms");
    expect(formatValue(45.67, "ms")).toBe("45.7 ms");
    expect(formatValue(1234.5, "ms")).toBe("1,235 ms");
    expect(formatValue(1.1957, "x")).toBe("1.20×");
    expect(formatValue(132.46, "KB")).toBe("132.5 KB");
    expect(formatValue(Number.NaN, "ms")).toBe("n/a");
    expect(formatTarget({ comparison: "<=", limit: 16 }, "ms")).toBe("≤ 16.0 ms");
    expect(formatMet(figure(30, 20))).toBe("✗ missed");
    expect(formatRuns(figure(3))).toBe("3.00, 4.00");
  });

  it("escapes pipes in Markdown cells", () => {
    const table = markdownTable([figure(12.3, 20)]);
    expect(table).toContain("| first page p95 \\| SQLite | 12.3 ms | ≤ 20.0 ms | ✓ met | 12.3, 13.3 |");
    expect(table.split("\n")).toHaveLength(3);
  });

  it("pads the terminal table into columns", () => {
    const lines = textTable([figure(12.3, 20), { ...figure(1), label: "x" }]).split("\n");
    expect(lines[0]?.indexOf("median")).toBe(lines[1]?.indexOf("12.3 ms"));
  });
});
