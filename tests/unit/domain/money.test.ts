import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAX_AMOUNT_CENTS,
  centsToDecimal,
  centsToDecimalString,
  formatCents,
  roundHalfUpDiv,
  scaledToDecimalString,
  sumCents,
  toSafeNumber,
} from "@/lib/domain/money";

describe("roundHalfUpDiv", () => {
  it.each([
    [5n, 2n, 3n, "exactly half goes up"],
    [4n, 2n, 2n, "exact division"],
    [7n, 2n, 4n, "3.5 → 4"],
    [1n, 3n, 0n, "a third goes down"],
    [2n, 3n, 1n, "two thirds go up"],
    [0n, 7n, 0n, "zero"],
    [2405n, 1000n, 2n, "2.405 → 2 (rounds to the unit, not to cents)"],
    [24050n, 100n, 241n, "240.5 → 241"],
    [10n ** 30n + 5n, 10n, 10n ** 29n + 1n, "beyond 2^53, exact"],
  ])("%s / %s = %s (%s)", (numerator, denominator, expected) => {
    expect(roundHalfUpDiv(numerator, denominator)).toBe(expected);
  });

  it("refuses a negative numerator and a non-positive denominator", () => {
    expect(() => roundHalfUpDiv(-1n, 2n)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(1n, -2n)).toThrow(RangeError);
  });
});

describe("decimal strings and JSON numbers from cents", () => {
  it.each([
    [644, "6.44", 6.44],
    [799, "7.99", 7.99],
    [5, "0.05", 0.05],
    [0, "0.00", 0],
    [100, "1.00", 1],
    [MAX_AMOUNT_CENTS, "999999999999.99", 999999999999.99],
  ])("%i cents → %s / %d", (cents, text, number) => {
    expect(centsToDecimalString(cents)).toBe(text);
    expect(centsToDecimal(cents)).toBe(number);
  });

  it("writes negative values with a leading minus", () => {
    expect(centsToDecimalString(-5)).toBe("-0.05");
    expect(centsToDecimalString(-123456)).toBe("-1234.56");
  });

  it("scales thousandths too", () => {
    expect(scaledToDecimalString(1500, 3)).toBe("1.500");
    expect(scaledToDecimalString(1, 3)).toBe("0.001");
    expect(scaledToDecimalString(7n, 0)).toBe("7");
  });

  it("every cent amount serialises to JSON with at most 2 decimals and reads back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), (cents) => {
        const json = JSON.stringify(centsToDecimal(cents));
        expect(json).toMatch(/^\d+(\.\d{1,2})?$/);
        expect(BigInt(centsToDecimalString(cents).replace(".", ""))).toBe(BigInt(cents));
        expect(Number(json)).toBe(Number(centsToDecimalString(cents)));
      }),
    );
  });
});

describe("formatCents", () => {
  it.each([
    [123456, "1.234,56", "1,234.56"],
    [0, "0,00", "0.00"],
    [5, "0,05", "0.05"],
    [99999, "999,99", "999.99"],
    [100000, "1.000,00", "1,000.00"],
    [MAX_AMOUNT_CENTS, "999.999.999.999,99", "999,999,999,999.99"],
    [-123456, "-1.234,56", "-1,234.56"],
  ])("%i → el %s, en %s", (cents, greek, english) => {
    expect(formatCents(cents, "el")).toBe(greek);
    expect(formatCents(cents, "en")).toBe(english);
  });
});

describe("helpers", () => {
  it("sums cents and guards the exact range", () => {
    expect(sumCents([8, 8, 8])).toBe(24);
    expect(sumCents([])).toBe(0);
    expect(toSafeNumber(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeNumber(2n ** 53n)).toThrow(RangeError);
  });
});
