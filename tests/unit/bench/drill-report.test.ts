import { describe, expect, it } from "vitest";
import { checkDrill } from "@/bench/drill/checks";
import { drillSection, drillSummaryLines } from "@/bench/drill/report";
import type { DrillReport } from "@/bench/drill/run-drill";

function report(ok: boolean): DrillReport {
  const documents = [{ id: "d1", draftId: "a", internalDocumentId: "i1", status: "accepted", mark: "400001000000001", attemptCount: 2, attemptRows: 2 }];
  const provider = ok ? [{ internalId: "i1", mark: "400001000000001", series: "DR", number: "1" }] : [];
  return {
    options: { database: "sqlite", documents: 1, clerks: 1, workers: 2, seed: 3, quietTimeoutS: 60, write: false, rebuild: false, keep: false },
    verdict: checkDrill({
      acknowledged: ["a"], documents, provider,
      faults: [{ kind: "error500 on json", injected: 1, struck: 1 }, { kind: "provider outage 180 s", injected: 1, struck: ok ? 1 : 0 }],
    }),
    kills: { server: 2, "worker-1": 1 },
    powerCuts: 1,
    injected: { "error500 on json": 1 },
    hits: { "error500 on json": 1 },
    answers: { "json accepted 201": 1, "json duplicate 409": 1 },
    clientRetries: 4,
    issuingMs: 61_000,
    quietMs: 12_000,
    startedAt: new Date("2026-11-21T09:00:00Z"),
    conditions: "load 1.00 / 1.00 / 1.00",
    engineVersion: "SQLite 3.53.2",
  };
}

describe("the drill's printed and written report", () => {
  it("prints the counts and an OK verdict when nothing was lost or duplicated", () => {
    const lines = drillSummaryLines(report(true));
    expect(lines).toContain("lost 0 · duplicated 0 · at the provider but not recorded 0 · attempts without log row 0 · still moving 0 · unexpected rejections 0 · stranded 0 · fault kinds never struck 0");
    expect(lines.at(-1)).toBe("VERDICT: OK — nothing lost, nothing duplicated, nothing stranded, every fault struck");
    expect(lines).toContain("| provider outage 180 s | 1 | 1 | ✓ struck |");
    expect(lines.join("\n")).toContain("server 2, worker-1 1 (1 time(s) all at once)");
  });

  it("names each loss and fails the verdict", () => {
    const lines = drillSummaryLines(report(false));
    expect(lines).toContain("  ✗ lost: d1: accepted with MARK 400001000000001 but the provider does not hold it");
    expect(lines).toContain("  ✗ never struck: provider outage 180 s: injected 1×, never struck");
    expect(lines).toContain("| provider outage 180 s | 1 | 0 | ✗ never struck |");
    expect(lines.at(-1)).toBe("VERDICT: FAILED");
  });

  it("writes a Markdown section with lost and duplicated first", () => {
    const section = drillSection(report(true));
    expect(section).toMatch(/^## Fault drill on SQLite/);
    expect(section).toContain("| **lost** | **0** |");
    expect(section).toContain("| **duplicated** | **0** |");
    expect(section).toContain("| verdict | ✓ OK |");
  });
});
