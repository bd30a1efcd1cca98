import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { computeTotals } from "@/lib/domain/totals";
import type { LineInput, PaymentInput, PriceEntry } from "@/lib/domain/types";
import { SAMPLE_IDENTITY, SAMPLE_INPUT } from "./support";

const RATES: Record<number, number> = { 1: 24, 2: 13, 3: 6, 4: 17, 5: 9, 6: 4, 7: 0, 9: 3, 10: 4 };

const lineArb: fc.Arbitrary<LineInput> = fc
  .record({
    quantityMilli: fc.oneof(fc.integer({ min: 1, max: 100 }).map((units) => units * 1000), fc.integer({ min: 1, max: 100_000 })),
    unitPriceCents: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 10_000_000 })),
    discountBasisPoints: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
    vatCategory: fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 9, 10),
    unitCode: fc.integer({ min: 1, max: 7 }),
  })
  .map((fields) => ({
    ...fields,
    description: "Line",
    vatExemptionCategory: fields.vatCategory === 7 ? 14 : null,
    incomeClassification: { category: "category1_1", type: "E3_561_001" },
  }));

const paymentArb: fc.Arbitrary<PaymentInput> = fc.record({
  methodCode: fc.integer({ min: 1, max: 8 }),
  amountCents: fc.integer({ min: 0, max: 1_000_000 }),
});

const draftArb = fc.record({
  priceEntry: fc.constantFrom<PriceEntry>("net", "gross"),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }),
  payments: fc.array(paymentArb, { maxLength: 3 }),
});

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const halfUp = (numerator: bigint, denominator: bigint) => (numerator * 2n + denominator) / (denominator * 2n);
const vatOf = (net: number, rate: number) => Number(halfUp(BigInt(net) * BigInt(rate), 100n));
/** The line gross as typed: half-up(qty × price × (1 − discount)), computed independently. */
const typedGross = (line: LineInput) =>
  Number(halfUp(BigInt(line.quantityMilli) * BigInt(line.unitPriceCents) * BigInt(10_000 - line.discountBasisPoints), 10_000_000n));

function numbersIn(value: unknown, key = ""): [string, number][] {
  if (typeof value === "number") return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => numbersIn(item, key));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([name, item]) => numbersIn(item, name));
  return [];
}

describe("properties over random line sets (both price entries, every rate incl. 0%)", () => {
  it("document totals are the sums of the rounded lines; gross = net + VAT", () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const totals = computeTotals(draft);
        expect(totals.netCents).toBe(sum(totals.lines.map((line) => line.netCents)));
        expect(totals.vatCents).toBe(sum(totals.lines.map((line) => line.vatCents)));
        expect(totals.grossCents).toBe(totals.netCents + totals.vatCents);
        expect(totals.grossCents).toBe(sum(totals.lines.map((line) => line.totalCents)));
        expect(totals.paymentDifferenceCents).toBe(sum(draft.payments.map((payment) => payment.amountCents)) - totals.grossCents);
        totals.lines.forEach((amounts, index) => {
          const rate = RATES[draft.lines[index]?.vatCategory ?? 0] ?? Number.NaN;
          expect(amounts.totalCents).toBe(amounts.netCents + amounts.vatCents);
          expect(amounts.vatCents - amounts.vatAdjustmentCents).toBe(vatOf(amounts.netCents, rate));
          if (draft.priceEntry === "net") expect(amounts.vatAdjustmentCents).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("the VAT analysis adds up to the totals, one row per category in ascending order", () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const { vatAnalysis, netCents, vatCents } = computeTotals(draft);
        expect(sum(vatAnalysis.map((row) => row.underlyingValueCents))).toBe(netCents);
        expect(sum(vatAnalysis.map((row) => row.vatCents))).toBe(vatCents);
        const categories = vatAnalysis.map((row) => row.vatCategory);
        expect(categories).toEqual([...new Set(draft.lines.map((line) => line.vatCategory))].sort((a, b) => a - b));
        for (const row of vatAnalysis) expect(row.ratePercent).toBe(RATES[row.vatCategory]);
      }),
      { numRuns: 300 },
    );
  });

  it("every amount is an integer ≥ 0, and every provider JSON amount has at most 2 decimals", () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const totals = computeTotals(draft);
        const amounts = [
          totals.netCents, totals.vatCents, totals.grossCents,
          // Every line amount but the signed VAT adjustment mark (−1, 0 or 1).
          ...totals.lines.flatMap(({ vatAdjustmentCents, ...line }) => [...Object.values(line), Math.abs(vatAdjustmentCents)]),
          ...totals.vatAnalysis.flatMap((row) => [row.underlyingValueCents, row.vatCents]),
        ];
        for (const value of amounts) {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        const json = JSON.stringify(buildProviderDocument({ ...SAMPLE_INPUT, ...draft }, SAMPLE_IDENTITY));
        for (const [key, value] of numbersIn(JSON.parse(json))) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(String(value)).toMatch(key === "Quantity" ? /^\d+(\.\d{1,3})?$/ : /^\d+(\.\d{1,2})?$/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gross entry: each line total equals the typed gross; VAT is the rounded net × rate whenever some net allows it (brute force), else within 1 cent", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 6 }), (lines) => {
        const totals = computeTotals({ priceEntry: "gross", lines, payments: [] });
        lines.forEach((line, index) => {
          const rate = RATES[line.vatCategory] ?? Number.NaN;
          const gross = typedGross(line);
          const centre = Math.floor((gross * 100) / (100 + rate));
          let reachable = false;
          for (let net = Math.max(0, centre - 50); net <= centre + 50; net += 1) {
            if (net + vatOf(net, rate) === gross) reachable = true;
          }
          const amounts = totals.lines[index];
          expect(amounts?.totalCents).toBe(gross);
          expect(amounts?.vatAdjustmentCents).toBe(reachable ? 0 : (amounts?.vatCents ?? 0) - vatOf(amounts?.netCents ?? 0, rate));
          expect(Math.abs(amounts?.vatAdjustmentCents ?? 9)).toBe(reachable ? 0 : 1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("buildProviderDocument: Summaries, vatAnalysis and classification amounts equal the sums of Details", () => {
    const cents = (value: number) => Math.round(value * 100);
    fc.assert(
      fc.property(draftArb, (draft) => {
        const document = buildProviderDocument({ ...SAMPLE_INPUT, ...draft }, SAMPLE_IDENTITY);
        const details = document.Details;
        expect(cents(document.Summaries.TotalNetAmount)).toBe(sum(details.map((detail) => cents(detail.NetTotal))));
        expect(cents(document.Summaries.TotalVATAmount)).toBe(sum(details.map((detail) => cents(detail.VATTotal))));
        expect(cents(document.Summaries.TotalGrossValue)).toBe(sum(details.map((detail) => cents(detail.Total))));
        expect(sum(document.vatAnalysis.map((row) => cents(row.underlyingValue)))).toBe(cents(document.Summaries.TotalNetAmount));
        expect(sum(document.vatAnalysis.map((row) => cents(row.vatAmount)))).toBe(cents(document.Summaries.TotalVATAmount));
        for (const detail of details) {
          expect(detail.IncomeClassification.Amount).toBe(detail.NetTotal);
          expect(cents(detail.Total)).toBe(cents(detail.NetTotal) + cents(detail.VATTotal));
        }
        expect(document.PaymentDetails.PaymentMethods.map((method) => cents(method.Amount))).toEqual(
          draft.payments.map((payment) => payment.amountCents),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("buildProviderDocument is deterministic", () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        const input = { ...SAMPLE_INPUT, ...draft };
        expect(JSON.stringify(buildProviderDocument(structuredClone(input), SAMPLE_IDENTITY))).toBe(
          JSON.stringify(buildProviderDocument(input, SAMPLE_IDENTITY)),
        );
      }),
      { numRuns: 100 },
    );
  });
});
