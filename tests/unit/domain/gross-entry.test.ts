import { describe, expect, it } from "vitest";
import { VAT_CATEGORIES } from "@/lib/domain/codes";
import { computeLineAmounts } from "@/lib/domain/line-amounts";
import { computeTotals } from "@/lib/domain/totals";
import type { LineInput } from "@/lib/domain/types";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { line, SAMPLE_IDENTITY, SAMPLE_INPUT } from "./support";

/** Every category that carries a rate on a credit note (8, "no VAT", has none). */
const RATED = VAT_CATEGORIES.filter((category) => category.ratePercent !== null);
const GROSSES = Array.from({ length: 10_000 }, (_, index) => index + 1);

function grossLine(category: number, grossCents: number): LineInput {
  return line({ unitPriceCents: grossCents, vatCategory: category, vatExemptionCategory: category === 7 ? 14 : null });
}

/** |VAT − net × rate / 100| ≤ 1 cent, compared in hundredths of a cent (exact integers). */
function vatWithinOneCent(netCents: number, vatCents: number, rate: number): boolean {
  return Math.abs(vatCents * 100 - netCents * rate) <= 100;
}

describe("gross entry gives back what was typed: every gross 0,01–100,00 € at every rate", () => {
  it("covers every rated category, 4% twice (6 and 10)", () => {
    expect(RATED.map((category) => category.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 10]);
  });

  for (const category of RATED) {
    const rate = category.ratePercent ?? 0;
    it(`category ${category.code} (${rate}%): total = typed gross, VAT within 1 cent of net × rate, marked only when adjusted`, () => {
      const wrong: string[] = [];
      let adjusted = 0;
      for (const gross of GROSSES) {
        const amounts = computeLineAmounts(grossLine(category.code, gross), "gross");
        const exactVat = Math.floor((amounts.netCents * rate + 50) / 100);
        const ok = amounts.totalCents === gross
          && amounts.netCents + amounts.vatCents === gross
          && vatWithinOneCent(amounts.netCents, amounts.vatCents, rate)
          && amounts.vatAdjustmentCents === amounts.vatCents - exactVat
          && amounts.unitGrossPriceCents === gross;
        if (!ok) wrong.push(`${gross}: ${JSON.stringify(amounts)}`);
        if (amounts.vatAdjustmentCents !== 0) adjusted += 1;
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      // 0% never needs an adjustment; 24% needs one for about one price in five.
      if (rate === 0) expect(adjusted).toBe(0);
      if (rate === 24) expect(adjusted).toBeGreaterThan(1_500);
    });

    it(`category ${category.code} (${rate}%): document totals are the sums of the lines and of what was typed`, () => {
      for (let start = 0; start < GROSSES.length; start += 1_000) {
        const grosses = GROSSES.slice(start, start + 1_000);
        const lines = grosses.map((gross) => grossLine(category.code, gross));
        const totals = computeTotals({ priceEntry: "gross", lines, payments: [] });
        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
        expect(totals.grossCents).toBe(sum(grosses));
        expect(totals.netCents).toBe(sum(totals.lines.map((amounts) => amounts.netCents)));
        expect(totals.vatCents).toBe(sum(totals.lines.map((amounts) => amounts.vatCents)));
        expect(totals.vatAnalysis).toHaveLength(1);
        expect(totals.vatAnalysis[0]?.underlyingValueCents).toBe(totals.netCents);
        expect(totals.vatAnalysis[0]?.vatCents).toBe(totals.vatCents);
      }
    });
  }

  it("the provider document of 10,00 € at 24% carries 8,06 + 1,94 = 10,00 and payments of 10,00 add up", () => {
    const input = { ...SAMPLE_INPUT, priceEntry: "gross" as const, lines: [grossLine(1, 1000)], payments: [{ methodCode: 3, amountCents: 1000 }] };
    const document = buildProviderDocument(input, SAMPLE_IDENTITY);
    expect(document.Details[0]).toMatchObject({ NetTotal: 8.06, VATTotal: 1.94, Total: 10, CatalogUnitPrice: 10 });
    expect(document.Summaries).toMatchObject({ TotalNetAmount: 8.06, TotalVATAmount: 1.94, TotalGrossValue: 10 });
    expect(computeTotals(input).paymentDifferenceCents).toBe(0);
  });
});
