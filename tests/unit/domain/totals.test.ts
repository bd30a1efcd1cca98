import { describe, expect, it } from "vitest";
import { computeTotals } from "@/lib/domain/totals";
import { line } from "./support";

describe("computeTotals: totals are sums of rounded lines", () => {
  it("three lines of 0.35 at 24% → VAT 0.24, not 0.25 (24% of 1.05)", () => {
    const totals = computeTotals({ priceEntry: "net", lines: [1, 2, 3].map(() => line({ unitPriceCents: 35 })), payments: [] });
    expect(totals.lines.map((amounts) => amounts.vatCents)).toEqual([8, 8, 8]);
    expect(totals).toMatchObject({ netCents: 105, vatCents: 24, grossCents: 129 });
  });

  it("100 lines of 0.01 at 24% → VAT 0.00", () => {
    const totals = computeTotals({
      priceEntry: "net",
      lines: Array.from({ length: 100 }, () => line({ unitPriceCents: 1 })),
      payments: [{ methodCode: 5, amountCents: 100 }],
    });
    expect(totals).toMatchObject({ netCents: 100, vatCents: 0, grossCents: 100, paymentDifferenceCents: 0 });
  });

  it("worked example of docs/reference/mydata-rules.md §4: 120.00 at 24% + 45.50 at 13% → 165.50 + 34.72 = 200.22", () => {
    const totals = computeTotals({
      priceEntry: "net",
      lines: [line({ unitPriceCents: 12_000 }), line({ unitPriceCents: 4550, vatCategory: 2 })],
      payments: [{ methodCode: 5, amountCents: 20_022 }],
    });
    expect(totals).toMatchObject({ netCents: 16_550, vatCents: 3472, grossCents: 20_022, paymentDifferenceCents: 0 });
    expect(totals.vatAnalysis).toEqual([
      { vatCategory: 1, ratePercent: 24, vatExemptionCategory: null, underlyingValueCents: 12_000, vatCents: 2880 },
      { vatCategory: 2, ratePercent: 13, vatExemptionCategory: null, underlyingValueCents: 4550, vatCents: 592 },
    ]);
  });

  it("gross entry: the provider's sample line", () => {
    const totals = computeTotals({ priceEntry: "gross", lines: [line({ unitPriceCents: 799 })], payments: [{ methodCode: 3, amountCents: 799 }] });
    expect(totals).toMatchObject({ netCents: 644, vatCents: 155, grossCents: 799, paymentDifferenceCents: 0 });
  });
});

describe("VAT analysis", () => {
  it("one row per (category, exemption), ascending by category then exemption", () => {
    const totals = computeTotals({
      priceEntry: "net",
      lines: [
        line({ unitPriceCents: 1000, vatCategory: 7, vatExemptionCategory: 14 }),
        line({ unitPriceCents: 200, vatCategory: 2 }),
        line({ unitPriceCents: 300, vatCategory: 7, vatExemptionCategory: 3 }),
        line({ unitPriceCents: 100 }),
        line({ unitPriceCents: 50, vatCategory: 7, vatExemptionCategory: 14 }),
        line({ unitPriceCents: 400, vatCategory: 2 }),
      ],
      payments: [],
    });
    expect(totals.vatAnalysis).toEqual([
      { vatCategory: 1, ratePercent: 24, vatExemptionCategory: null, underlyingValueCents: 100, vatCents: 24 },
      { vatCategory: 2, ratePercent: 13, vatExemptionCategory: null, underlyingValueCents: 600, vatCents: 78 },
      { vatCategory: 7, ratePercent: 0, vatExemptionCategory: 3, underlyingValueCents: 300, vatCents: 0 },
      { vatCategory: 7, ratePercent: 0, vatExemptionCategory: 14, underlyingValueCents: 1050, vatCents: 0 },
    ]);
  });

  it("a stray exemption on a taxed line does not split its row", () => {
    const totals = computeTotals({
      priceEntry: "net",
      lines: [line({ unitPriceCents: 100 }), line({ unitPriceCents: 100, vatExemptionCategory: 14 })],
      payments: [],
    });
    expect(totals.vatAnalysis).toEqual([
      { vatCategory: 1, ratePercent: 24, vatExemptionCategory: null, underlyingValueCents: 200, vatCents: 48 },
    ]);
  });

  it("no lines → no rows and zero totals", () => {
    expect(computeTotals({ priceEntry: "net", lines: [], payments: [] })).toEqual({
      lines: [], netCents: 0, vatCents: 0, grossCents: 0, vatAnalysis: [], paymentDifferenceCents: 0,
      withheldCents: 0, feesCents: 0, stampDutyCents: 0, otherTaxesCents: 0, deductionsCents: 0,
    });
  });
});

describe("payment difference = Σ payments − gross", () => {
  it.each([
    ["payments add up", [799], 0],
    ["split payments add up", [500, 299], 0],
    ["one cent short", [798], -1],
    ["overpaid", [1000], 201],
    ["no payment", [], -799],
  ])("%s", (_name, amounts, difference) => {
    const totals = computeTotals({
      priceEntry: "gross",
      lines: [line({ unitPriceCents: 799 })],
      payments: amounts.map((amountCents) => ({ methodCode: 3, amountCents })),
    });
    expect(totals.paymentDifferenceCents).toBe(difference);
  });
});
