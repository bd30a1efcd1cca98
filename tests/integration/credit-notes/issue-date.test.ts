import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIssueDate } from "@/lib/credit-notes/issue-date";
import { lastIssuedAtOfSeries } from "@/lib/db/series";
import { ValidationFailure } from "@/lib/domain/errors";
import { issueCreditNote } from "@/lib/sending/issue";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";

describe.each(testEngines())("the issue date follows the series, on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const issuerVat = "EL094259216";
  const now = new Date("2026-07-01T09:30:00Z");

  it("finds the last issue time of a series, overall and below a number (9 < 10 although '9' > '10' as text)", async () => {
    for (const [number, issuedAt] of [["9", "2026-06-10T10:00:00"], ["10", "2026-06-12T10:00:00"], ["11", "2026-06-20T10:00:00"]] as const) {
      await issueCreditNote(t.db, sampleIssueRequest({ series: "DATES", number, issuedAt }), { now });
    }
    expect(await lastIssuedAtOfSeries(t.db, { issuerVat, series: "DATES" })).toBe("2026-06-20T10:00:00");
    expect(await lastIssuedAtOfSeries(t.db, { issuerVat, series: "DATES", beforeNumber: "11" })).toBe("2026-06-12T10:00:00");
    expect(await lastIssuedAtOfSeries(t.db, { issuerVat, series: "DATES", beforeNumber: "10" })).toBe("2026-06-10T10:00:00");
    expect(await lastIssuedAtOfSeries(t.db, { issuerVat, series: "DATES", beforeNumber: "9" })).toBeNull();
    expect(await lastIssuedAtOfSeries(t.db, { issuerVat, series: "EMPTY" })).toBeNull();
  });

  it("refuses a chosen date before the series' last document and accepts one at or after it", async () => {
    const last = (params: { issuerVat: string; series: string; beforeNumber?: string }) => lastIssuedAtOfSeries(t.db, params);
    const early = sampleIssueRequest({ series: "DATES", issuedAt: "2026-06-19T23:00:00" });
    await expect(checkIssueDate(early, "en", now, last)).rejects.toSatisfy(
      (error) => error instanceof ValidationFailure && error.errors[0]?.path === "draft.issuedAt" && error.errors[0].code === "issued_at_before_series",
    );
    await expect(checkIssueDate(sampleIssueRequest({ series: "DATES", issuedAt: "2026-06-20T10:00:00" }), "en", now, last)).resolves.toBeUndefined();
    // A document that keeps its number (a correction) is judged against the documents before it.
    await expect(checkIssueDate(sampleIssueRequest({ series: "DATES", number: "10", issuedAt: "2026-06-12T10:00:00" }), "en", now, last)).resolves.toBeUndefined();
  });
});
