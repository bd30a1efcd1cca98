import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scaledFromDecimalText } from "@/lib/domain/decimal-text";
import { centsToDecimal } from "@/lib/domain/money";

describe("scaledFromDecimalText: machine-written decimals, exactly", () => {
  it.each([
    [1.005, 2, 101, "half a cent goes up (x * 100 gives 100.49999…)"],
    [2.675, 2, 268, "half a cent goes up (x * 100 gives 267.49999…)"],
    [4.35, 2, 435, "4.35 * 100 is 434.99999…"],
    [1.1, 2, 110, "1.1 * 100 is 110.00000000000001"],
    [0.29, 2, 29, "0.29 * 100 is 28.999999999999996"],
    [1.004, 2, 100, "below half a cent goes down"],
    ["99999.99", 2, 9_999_999, "text"],
    ["1.2345", 3, 1235, "thousandths, half up"],
    [1e-7, 2, 0, "exponent notation, tiny"],
    [5e-3, 2, 1, "exponent notation, exactly half a cent"],
    [1.5e3, 2, 150_000, "exponent notation, large"],
    [24, 0, 24, "a whole number at scale 0"],
    ["-2.675", 2, -268, "negative: half away from zero"],
    [".5", 2, 50, "no whole part"],
  ])("%s at scale %s → %s (%s)", (value, scale, expected, _why) => {
    expect(scaledFromDecimalText(value, scale)).toBe(expected);
  });

  it.each([["1,5"], ["abc"], [""], ["."], [Number.NaN], [Number.POSITIVE_INFINITY], [null], [{}], [1e300]])("refuses %s", (value) => {
    expect(scaledFromDecimalText(value, 2)).toBeNull();
  });

  it("reads every 2-decimal amount from 0,01 to 99 999,99 written as a JSON number back to its cents", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), (cents) => {
        const written = JSON.parse(JSON.stringify({ amount: centsToDecimal(cents) })) as { amount: number };
        expect(scaledFromDecimalText(written.amount, 2)).toBe(cents);
      }),
      { numRuns: 5_000 },
    );
  });

  it("rounds a third decimal half-up, on the digits, for every amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (milli) => {
        const text = `${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, "0")}`;
        const expected = Math.floor(milli / 10) + (milli % 10 >= 5 ? 1 : 0);
        expect(scaledFromDecimalText(text, 2)).toBe(expected);
        expect(scaledFromDecimalText(Number(text), 2)).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });
});
