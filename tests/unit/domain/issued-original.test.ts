import { describe, expect, it } from "vitest";
import { cleanAuthenticationCode, cleanMark, isCreditableType, partCreditAmounts, type OriginalLine } from "@/lib/domain/issued-original";

const line = (lineNumber: number, quantityMilli: number, netCents: number, vatCents: number, vatCategory = 1): OriginalLine => ({
  lineNumber, description: `L${lineNumber}`, quantityMilli, unitCode: 1, netCents, vatCents, vatCategory, vatExemptionCategory: null,
  incomeClassification: { category: "category1_1", type: "E3_561_001" },
});

describe("issued originals", () => {
  it.each([["1.1", true], ["2.1", true], ["11.1", true], ["5.1", false], ["5.2", false], ["11.4", false], ["", false], ["8.1", false]])("type %s creditable: %s", (type, expected) => {
    expect(isCreditableType(type)).toBe(expected);
  });

  it("cleans pasted codes and MARKs (spaces, dashes, line breaks, case)", () => {
    expect(cleanAuthenticationCode(" 8eb6cb21 8723-8534\n1a2b ")).toBe("8EB6CB21872385341A2B");
    expect(cleanMark("400 001 961.605 322")).toBe("400001961605322");
  });

  it.each([
    // [original line, chosen quantity, net, vat] — the rounding edge each pins
    ["2 of 10 at 10,00 (exact)", line(1, 10_000, 10_000, 2_400), 2_000, 2_000, 480],
    ["1 of 3 of 100,00 → unit 33,33 half-up", line(1, 3_000, 10_000, 2_400), 1_000, 3_333, 800],
    ["2 of 3 of 100,00 → 66,66, VAT half-up 16,00", line(1, 3_000, 10_000, 2_400), 2_000, 6_666, 1_600],
    ["0,5 of 1 at 7,99 gross (6,44 net) → 3,22 net at 13%", line(1, 1_000, 644, 84, 2), 500, 322, 42],
  ])("%s", (_name, original, quantityMilli, netCents, vatCents) => {
    const { lines, totals } = partCreditAmounts([original], [{ lineNumber: 1, quantityMilli }]);
    expect(lines[0]).toMatchObject({ netCents, vatCents });
    expect(totals).toEqual({ netCents, vatCents, grossCents: netCents + vatCents });
  });

  it("sums several lines and refuses an unknown line, a line twice, a zero or larger quantity", () => {
    const lines = [line(1, 2_000, 9_000, 2_160), line(2, 4_000, 5_000, 650, 2)];
    expect(partCreditAmounts(lines, [{ lineNumber: 1, quantityMilli: 1_000 }, { lineNumber: 2, quantityMilli: 4_000 }]).totals).toEqual({ netCents: 9_500, vatCents: 1_730, grossCents: 11_230 });
    expect(() => partCreditAmounts(lines, [{ lineNumber: 3, quantityMilli: 1_000 }])).toThrow(RangeError);
    expect(() => partCreditAmounts(lines, [{ lineNumber: 1, quantityMilli: 1_000 }, { lineNumber: 1, quantityMilli: 1_000 }])).toThrow(RangeError);
    expect(() => partCreditAmounts(lines, [{ lineNumber: 1, quantityMilli: 0 }])).toThrow(RangeError);
    expect(() => partCreditAmounts(lines, [{ lineNumber: 1, quantityMilli: 2_001 }])).toThrow(RangeError);
  });
});
