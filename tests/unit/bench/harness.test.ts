import { describe, expect, it } from "vitest";
import { spreadsheetRows } from "@/bench/keystroke-probe";
import { planGrowth } from "@/bench/lib/history-growth";
import { cpuModel } from "@/bench/lib/machine";
import { parentPidFromStat, rssFromStatus } from "@/bench/lib/processes";
import { deepOffsets, PAGE_SIZE } from "@/bench/measure-history";
import { windowRates } from "@/bench/measure-load";

describe("benchmark harness helpers", () => {
  it("plans the copies that grow a seeded history to the next size", () => {
    expect(planGrowth(10_000, 10_000, 100_000, 1)).toEqual({ firstCopy: 1, lastCopy: 9, rows: 90_000 });
    expect(planGrowth(10_000, 100_000, 1_000_000, 10)).toEqual({ firstCopy: 10, lastCopy: 99, rows: 900_000 });
    expect(planGrowth(10_000, 10_000, 15_000, 1)).toEqual({ firstCopy: 1, lastCopy: 1, rows: 5_000 });
    expect(planGrowth(10_000, 20_000, 20_000, 2).rows).toBe(0);
  });

  it("deep pages start in the middle, at 90 % and at the last full page", () => {
    expect(deepOffsets(10_000)).toEqual([5_000, 9_000, 10_000 - PAGE_SIZE]);
    expect(deepOffsets(1_000_000)).toEqual([500_000, 900_000, 1_000_000 - PAGE_SIZE]);
  });

  it("rates over equal slices of completions, in documents per second", () => {
    const completions = Array.from({ length: 100 }, (_, i) => 1_000 + (i + 1) * 10);
    expect(windowRates(completions, 1_000, 5)).toEqual([100, 100, 100, 100, 100]);
    expect(windowRates([5], 0, 5)).toEqual([]);
  });

  it("reads RSS and the parent pid from /proc texts", () => {
    expect(rssFromStatus("Name:\tnode\nVmRSS:\t  123456 kB\nThreads: 11\n")).toBe(123_456 * 1024);
    expect(rssFromStatus("Name:\tkthreadd\n")).toBe(0);
    expect(parentPidFromStat("4242 (next-server (v16)) S 4200 4242 4200 0 -1")).toBe(4200);
  });

  it("names the CPU from /proc/cpuinfo", () => {
    expect(cpuModel("processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n")).toBe("AMD EPYC 7B13");
  });

  it("writes spreadsheet rows the lines step's paste reads: tab-separated, Greek decimals, CRLF", () => {
    const rows = spreadsheetRows(3).split("\r\n");
    expect(rows).toEqual(["Είδος 1\t1\t1,50\t24", "Είδος 2\t2\t2,50\t13%", "Είδος 3\t3\t3,50\t24", ""]);
  });
});
