import { describe, expect, it } from "vitest";
import { verdictOfAudit } from "@/scripts/lib/dependency-audit.mjs";

const report = (vulnerabilities: Record<string, { name: string; severity: string; range?: string }>, counts: Record<string, number>) => ({
  auditReportVersion: 2,
  vulnerabilities,
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts } },
});

describe("dependency advisory check", () => {
  it("passes with no advisories, or only low and moderate ones", () => {
    expect(verdictOfAudit(report({}, {})).status).toBe("pass");
    expect(verdictOfAudit(report({ a: { name: "a", severity: "moderate" } }, { moderate: 1, total: 1 })).status).toBe("pass");
  });

  it("fails on a high or critical advisory and names the packages", () => {
    const verdict = verdictOfAudit(
      report({ next: { name: "next", severity: "critical", range: "<16.0.1" }, pg: { name: "pg", severity: "high" } }, { high: 1, critical: 1, total: 2 }),
    );
    expect(verdict).toEqual({ status: "fail", message: "2 high/critical advisories: next (critical, <16.0.1), pg (high)" });
  });

  it("is skipped, saying why, only when the registry cannot answer", () => {
    expect(verdictOfAudit({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk" })).toEqual({
      status: "skip",
      message: "the registry's advisory endpoint could not be reached (405 Method Not Allowed)",
    });
    expect(verdictOfAudit({ error: { code: "ENOTFOUND", summary: "getaddrinfo ENOTFOUND registry.npmjs.org" } }).status).toBe("skip");
    expect(verdictOfAudit({ message: "request to https://registry.npmjs.org failed, reason: connect ECONNREFUSED" }).status).toBe("skip");
  });

  it("fails on anything it cannot read, so a broken check never looks clean", () => {
    expect(verdictOfAudit(undefined).status).toBe("fail");
    expect(verdictOfAudit({ message: "ELOCKFILE lockfile is broken" }).status).toBe("fail");
    expect(verdictOfAudit({ message: "401 Unauthorized - POST https://registry.example/-/npm/v1/security/advisories/bulk" }).status).toBe("fail");
  });
});
