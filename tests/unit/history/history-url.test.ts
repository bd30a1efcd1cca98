import { describe, expect, it } from "vitest";
import { apiParamsOf, EMPTY_HISTORY_FORM, hasFilters, historyHref, historySearch, readHistoryForm } from "@/lib/history/history-url";

describe("history state in the URL", () => {
  it("reads what it writes, leaving out empty values and the default order", () => {
    const form = { ...EMPTY_HISTORY_FORM, status: "rejected", counterparty: "Ωμέγα", from: "2025-03-01", sort: "gross_desc" as const, cursor: "abc" };
    const search = historySearch(form);
    expect(search).toBe("?status=rejected&from=2025-03-01&counterparty=%CE%A9%CE%BC%CE%AD%CE%B3%CE%B1&cursor=abc&sort=gross_desc");
    expect(readHistoryForm(Object.fromEntries(new URLSearchParams(search)))).toEqual(form);
    expect(historyHref(EMPTY_HISTORY_FORM)).toBe("/transmissions");
    expect(historyHref(form, { cursor: "", sort: "created_desc" })).toBe("/transmissions?status=rejected&from=2025-03-01&counterparty=%CE%A9%CE%BC%CE%AD%CE%B3%CE%B1");
  });

  it("ignores unknown orders and takes the first of repeated values", () => {
    expect(readHistoryForm({ sort: "drop table", status: ["accepted", "rejected"], q: "  x  " })).toMatchObject({ sort: "created_desc", status: "accepted", q: "x" });
  });

  it("tells whether any filter is set, order and page aside", () => {
    expect(hasFilters({ ...EMPTY_HISTORY_FORM, sort: "gross_asc", cursor: "x" })).toBe(false);
    expect(hasFilters({ ...EMPTY_HISTORY_FORM, mark: "1" })).toBe(true);
  });

  it("turns Athens days into the instants that bound them, the last day included", () => {
    const { params, invalid } = apiParamsOf({ ...EMPTY_HISTORY_FORM, from: "2025-07-01", to: "2025-07-31", status: "accepted", minGross: "1.234,56", sort: "created_asc" });
    expect(params).toEqual({ status: "accepted", minGross: "1.234,56", from: "2025-06-30T21:00:00.000Z", to: "2025-07-31T21:00:00.000Z", sort: "created_asc" });
    expect(invalid).toEqual([]);
    expect(apiParamsOf({ ...EMPTY_HISTORY_FORM, from: "2025-02-30", to: "soon" })).toEqual({ params: {}, invalid: ["from", "to"] });
  });
});
