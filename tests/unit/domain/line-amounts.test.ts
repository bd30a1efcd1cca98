import { describe, expect, it } from "vitest";
import { computeLineAmounts, netFromGross, vatOfNet } from "@/lib/domain/line-amounts";
import type { LineAmounts, LineInput, PriceEntry } from "@/lib/domain/types";
import { line } from "./support";

interface Case {
  edge: string;
  entry: PriceEntry;
  line: Partial<LineInput>;
  expected: Partial<LineAmounts>;
}

// Each row names the rounding edge it pins. Amounts in cents.
const CASES: Case[] = [
  {
    edge: "18.50 net at 13% → VAT 2.41 (exact 2.405 rounds half up; float arithmetic gives 2.40)",
    entry: "net",
    line: { unitPriceCents: 1850, vatCategory: 2 },
    expected: { netCents: 1850, vatCents: 241, totalCents: 2091 },
  },
  {
    edge: "4.75 net at 6% → VAT 0.29 (exact 0.285; float gives 0.28)",
    entry: "net",
    line: { unitPriceCents: 475, vatCategory: 3 },
    expected: { netCents: 475, vatCents: 29, totalCents: 504 },
  },
  {
    edge: "0.35 net at 24% → VAT 0.08 (exact 0.084)",
    entry: "net",
    line: { unitPriceCents: 35 },
    expected: { netCents: 35, vatCents: 8, totalCents: 43 },
  },
  {
    edge: "0.01 net at 24% → VAT 0.00 (exact 0.0024)",
    entry: "net",
    line: { unitPriceCents: 1 },
    expected: { netCents: 1, vatCents: 0, totalCents: 1 },
  },
  {
    edge: "gross 7.99 at 24% → 6.44 + 1.55, the provider's sample",
    entry: "gross",
    line: { unitPriceCents: 799 },
    expected: {
      catalogNetCents: 644, netCents: 644, vatCents: 155, totalCents: 799,
      unitNetPriceCents: 644, unitGrossPriceCents: 799, vatAdjustmentCents: 0,
    },
  },
  {
    edge: "gross 10.00 at 13% → 8.85 + 1.15",
    entry: "gross",
    line: { unitPriceCents: 1000, vatCategory: 2 },
    expected: { netCents: 885, vatCents: 115, totalCents: 1000, vatAdjustmentCents: 0 },
  },
  {
    edge: "gross 10.00 at 24%: no net reproduces it with rounded VAT (8.06 → 9.99, 8.07 → 10.01); net = half-up(10.00 / 1.24) = 8.06, VAT = 1.94 (1 cent over)",
    entry: "gross",
    line: { unitPriceCents: 1000 },
    expected: { netCents: 806, vatCents: 194, totalCents: 1000, vatAdjustmentCents: 1 },
  },
  {
    edge: "gross 0.03 at 24%: 0.02 → 0.02, 0.03 → 0.04; net = half-up(0.03 / 1.24) = 0.02, VAT = 0.01",
    entry: "gross",
    line: { unitPriceCents: 3 },
    expected: { netCents: 2, vatCents: 1, totalCents: 3, vatAdjustmentCents: 1 },
  },
  {
    edge: "discount on the exact product, rounded once: 1.5 × 1.03 at −50% = 0.7725 → 0.77 (round-then-discount gives 0.78)",
    entry: "net",
    line: { quantityMilli: 1500, unitPriceCents: 103, discountBasisPoints: 5000 },
    expected: { catalogNetCents: 155, netCents: 77, vatCents: 18, totalCents: 95 },
  },
  {
    edge: "discount 15% on 3 × 9.99 → 25.4745 → 25.47",
    entry: "net",
    line: { quantityMilli: 3000, unitPriceCents: 999, discountBasisPoints: 1500 },
    expected: { catalogNetCents: 2997, netCents: 2547, vatCents: 611, totalCents: 3158 },
  },
  {
    edge: "discount 100% → everything 0 but the catalog values",
    entry: "net",
    line: { quantityMilli: 2000, unitPriceCents: 500, discountBasisPoints: 10_000 },
    expected: { catalogNetCents: 1000, netCents: 0, vatCents: 0, totalCents: 0 },
  },
  {
    edge: "gross entry with discount: 2 × 7.99 at −10% = 14.382 → 14.38 → 11.60 + 2.78; catalog 15.98 → 12.89",
    entry: "gross",
    line: { quantityMilli: 2000, unitPriceCents: 799, discountBasisPoints: 1000 },
    expected: { catalogNetCents: 1289, netCents: 1160, vatCents: 278, totalCents: 1438, vatAdjustmentCents: 0 },
  },
  {
    edge: "fractional quantity: 2.5 kg × 3.99 at 13% = 9.975 → 9.98, VAT 1.2974 → 1.30",
    entry: "net",
    line: { quantityMilli: 2500, unitCode: 2, unitPriceCents: 399, vatCategory: 2 },
    expected: { catalogNetCents: 998, netCents: 998, vatCents: 130, totalCents: 1128 },
  },
  {
    edge: "fractional quantity: 0.333 × 10.00 = 3.33",
    entry: "net",
    line: { quantityMilli: 333, unitPriceCents: 1000 },
    expected: { netCents: 333, vatCents: 80, totalCents: 413 },
  },
  {
    edge: "fractional quantity, gross entry: 1.255 × 2.00 at 6% = 2.51 → 2.37 + 0.14",
    entry: "gross",
    line: { quantityMilli: 1255, unitPriceCents: 200, vatCategory: 3 },
    expected: { netCents: 237, vatCents: 14, totalCents: 251, vatAdjustmentCents: 0 },
  },
  {
    edge: "net unit price 6.44 at 24% → gross unit price 7.99 (7.9856)",
    entry: "net",
    line: { unitPriceCents: 644 },
    expected: { unitNetPriceCents: 644, unitGrossPriceCents: 799, netCents: 644, vatCents: 155, totalCents: 799 },
  },
  {
    edge: "rate 0 (category 7), gross entry: net = gross, VAT 0",
    entry: "gross",
    line: { unitPriceCents: 1234, vatCategory: 7, vatExemptionCategory: 14 },
    expected: { catalogNetCents: 1234, netCents: 1234, vatCents: 0, totalCents: 1234, unitNetPriceCents: 1234, vatAdjustmentCents: 0 },
  },
  {
    edge: "rate 0 (category 7), net entry: gross unit price = net unit price",
    entry: "net",
    line: { unitPriceCents: 1234, vatCategory: 7, vatExemptionCategory: 14 },
    expected: { netCents: 1234, vatCents: 0, totalCents: 1234, unitGrossPriceCents: 1234 },
  },
  {
    edge: "price 0 → all zero",
    entry: "gross",
    line: { unitPriceCents: 0 },
    expected: { netCents: 0, vatCents: 0, totalCents: 0, vatAdjustmentCents: 0 },
  },
  {
    edge: "large amounts stay exact beyond float precision: 1 000 000 × 99 999.99 at 24%",
    entry: "net",
    line: { quantityMilli: 1_000_000_000, unitPriceCents: 9_999_999 },
    expected: { netCents: 9_999_999_000_000, vatCents: 2_399_999_760_000, totalCents: 12_399_998_760_000 },
  },
];

describe("computeLineAmounts: rounding edges", () => {
  it.each(CASES)("$edge", ({ entry, line: overrides, expected }) => {
    expect(computeLineAmounts(line(overrides), entry)).toMatchObject(expected);
  });
});

describe("computeLineAmounts: refuses lines validation should have stopped", () => {
  it.each([
    ["category 8 (no rate)", { vatCategory: 8 }],
    ["unknown category", { vatCategory: 42 }],
    ["zero quantity", { quantityMilli: 0 }],
    ["fractional thousandths", { quantityMilli: 1.5 }],
    ["negative price", { unitPriceCents: -1 }],
    ["discount above 100%", { discountBasisPoints: 10_001 }],
  ])("%s", (_name, overrides) => {
    expect(() => computeLineAmounts(line(overrides), "net")).toThrow(RangeError);
    expect(() => computeLineAmounts(line(overrides), "gross")).toThrow(RangeError);
  });
});

describe("netFromGross", () => {
  it("vatOfNet rounds half up", () => {
    expect(vatOfNet(1850, 13)).toBe(241);
    expect(vatOfNet(644, 24)).toBe(155);
    expect(vatOfNet(0, 24)).toBe(0);
  });

  it("for every gross up to 200.00 at every rate: rounded VAT when some net allows it, otherwise net = half-up(gross / (1 + rate)) and VAT = gross − net", () => {
    const wrong: string[] = [];
    let adjusted = 0;
    for (const rate of [0, 3, 4, 6, 9, 13, 17, 24]) {
      const reachable = new Set<number>();
      for (let net = 0; net <= 20_100; net += 1) reachable.add(net + vatOfNet(net, rate));
      for (let gross = 0; gross <= 20_000; gross += 1) {
        const { netCents, vatCents, vatAdjustmentCents } = netFromGross(gross, rate);
        const halfUpNet = Math.floor((gross * 100 * 2 + (100 + rate)) / (2 * (100 + rate)));
        const ok = netCents + vatCents === gross
          && vatAdjustmentCents === vatCents - vatOfNet(netCents, rate)
          && Math.abs(vatAdjustmentCents) <= 1
          && (reachable.has(gross) ? vatAdjustmentCents === 0 : vatAdjustmentCents !== 0 && netCents === halfUpNet);
        if (!ok) wrong.push(`${gross} at ${rate}%`);
        if (vatAdjustmentCents !== 0) adjusted += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(adjusted).toBeGreaterThan(0);
  });
});
