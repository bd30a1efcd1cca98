import { describe, expect, it } from "vitest";
import { MEASUREMENTS, parseBenchArgs, parseDrillArgs } from "@/bench/lib/args";

describe("npm run bench arguments", () => {
  it("a full run takes every measurement, five runs, both engines and 10k/100k/1M documents, and rewrites the report", () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({
      quick: false, only: [...MEASUREMENTS], runs: 5, engines: ["sqlite", "postgres"], historySizes: [10_000, 100_000, 1_000_000],
      loadDocuments: 10_000, clerks: 20, lineCounts: [10, 100, 300], write: true,
    });
  });

  it("--quick shrinks sizes to a smoke run and does not rewrite the report unless asked", () => {
    expect(parseBenchArgs(["--quick"])).toMatchObject({ runs: 1, historySizes: [2_000, 20_000], loadDocuments: 500, write: false });
    expect(parseBenchArgs(["--quick", "--write"]).write).toBe(true);
    expect(parseBenchArgs(["--no-write"]).write).toBe(false);
  });

  it("--only keeps the order of a full run and refuses unknown names", () => {
    expect(parseBenchArgs(["--only", "keystroke,history"]).only).toEqual(["history", "keystroke"]);
    expect(() => parseBenchArgs(["--only", "speed"])).toThrow(/unknown measurement "speed"/);
  });

  it("reads sizes with k and m suffixes, sorted and without repeats", () => {
    expect(parseBenchArgs(["--sizes", "1m,10k,100_000,10k"]).historySizes).toEqual([10_000, 100_000, 1_000_000]);
  });

  it("refuses engines it does not know and counts that are not whole numbers", () => {
    expect(() => parseBenchArgs(["--engines", "mysql"])).toThrow(/unknown engine "mysql"/);
    expect(() => parseBenchArgs(["--runs", "2.5"])).toThrow(/--runs must be a whole number/);
    expect(() => parseBenchArgs(["--runs", "0"])).toThrow(/≥ 1/);
    expect(() => parseBenchArgs(["--unknown"])).toThrow();
  });
});

describe("npm run drill arguments", () => {
  it("defaults to 500 credit notes on SQLite with 4 clerks and 2 worker processes", () => {
    expect(parseDrillArgs(["--seed", "7"])).toEqual({
      database: "sqlite", documents: 500, clerks: 4, workers: 2, seed: 7, quietTimeoutS: 900, write: true, rebuild: false, keep: false,
    });
  });

  it("--database postgres selects the throw-away cluster; other engines are refused", () => {
    expect(parseDrillArgs(["--database", "postgres"]).database).toBe("postgres");
    expect(() => parseDrillArgs(["--database", "oracle"])).toThrow(/unknown engine/);
  });

  it("allows a drill without extra worker processes (the server's own worker only)", () => {
    expect(parseDrillArgs(["--workers", "0"]).workers).toBe(0);
  });
});
