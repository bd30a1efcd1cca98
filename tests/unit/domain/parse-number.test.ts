import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_AMOUNT_CENTS, centsToDecimal, formatCents } from "@/lib/domain/money";
import { MAX_QUANTITY_MILLI, parseAmount, parsePercent, parseQuantity, type ParseErrorCode } from "@/lib/domain/parse-number";

/*
 * Separator policy (Greek convention first), pinned case by case:
 * a comma is always the decimal comma; dots and spaces group thousands in 3-digit groups;
 * a lone dot is a decimal dot unless it is followed by exactly 3 digits after a 1–3 digit
 * number ("1.234"), which both conventions read differently and is refused; English grouping
 * ("1,234.56") is refused rather than guessed.
 */

describe("parseAmount: accepted forms → cents", () => {
  it.each([
    ["7,99", 799],
    ["7.99", 799],
    ["1.234,56", 123456],
    ["1234,56", 123456],
    ["1234.56", 123456],
    ["1 234,56", 123456],
    ["1 234.56", 123456],
    ["1\u00A0234,56", 123456],
    ["  7,99  ", 799],
    ["7,99 €", 799],
    ["€ 7,99", 799],
    ["€7.99", 799],
    ["1.234,5", 123450],
    ["1.234.567,00", 123456700],
    ["1.234.567", 123456700],
    ["7", 700],
    ["0", 0],
    ["0,5", 50],
    [",5", 50],
    [".5", 50],
    ["007,10", 710],
    ["7,990", 799],
    ["0.500", 50],
    ["1234.5", 123450],
    ["999.999.999.999,99", MAX_AMOUNT_CENTS],
    [7.99, 799],
    [0.1, 10],
    [1234.56, 123456],
    [0, 0],
    [-0, 0],
  ])("%j → %i", (input, cents) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: cents });
  });
});

describe("parseAmount: bigint input", () => {
  it("reads whole euros", () => {
    expect(parseAmount(12n)).toEqual({ ok: true, value: 1200 });
    expect(parseAmount(-12n)).toEqual({ ok: false, code: "negative" });
  });
});

describe("parseAmount: refused forms → error code", () => {
  it.each<[unknown, ParseErrorCode]>([
    ["", "required"],
    ["   ", "required"],
    ["€", "required"],
    [null, "required"],
    [undefined, "required"],
    ["1,234.56", "ambiguous_separators"],
    ["1,234,567", "ambiguous_separators"],
    ["1.234", "ambiguous_separators"],
    ["12.345", "ambiguous_separators"],
    ["999.999", "ambiguous_separators"],
    ["1.23.456", "not_a_number"],
    ["1.2345,6", "not_a_number"],
    ["12 34,5", "not_a_number"],
    ["1.234 567", "not_a_number"],
    ["12,34,56", "not_a_number"],
    ["7,", "not_a_number"],
    ["7.", "not_a_number"],
    [",", "not_a_number"],
    ["abc", "not_a_number"],
    ["7,99€x", "not_a_number"],
    ["+7", "not_a_number"],
    ["1e3", "not_a_number"],
    ["-", "not_a_number"],
    [Number.NaN, "not_a_number"],
    [Number.POSITIVE_INFINITY, "not_a_number"],
    [true, "not_a_number"],
    [{}, "not_a_number"],
    ["7,999", "too_many_decimals"],
    ["1,234", "too_many_decimals"],
    [0.001, "too_many_decimals"],
    [1e-7, "too_many_decimals"],
    ["-7,99", "negative"],
    ["−7,99", "negative"],
    ["- 7,99 €", "negative"],
    [-7.99, "negative"],
    ["1.000.000.000.000,00", "too_large"],
    [1e15, "too_large"],
    [1e21, "too_large"],
  ])("%j → %s", (input, code) => {
    expect(parseAmount(input)).toEqual({ ok: false, code });
  });
});

describe("parseQuantity → thousandths", () => {
  it.each([
    ["1", 1000],
    ["2,5", 2500],
    ["0,333", 333],
    ["1,234", 1234],
    ["0.500", 500],
    ["1.234,5", 1234500],
    [1.5, 1500],
    ["1.000.000.000", MAX_QUANTITY_MILLI],
  ])("%j → %i", (input, milli) => {
    expect(parseQuantity(input)).toEqual({ ok: true, value: milli });
  });

  it.each<[unknown, ParseErrorCode]>([
    ["0", "must_be_positive"],
    ["0,000", "must_be_positive"],
    ["0,0001", "too_many_decimals"],
    ["-1", "negative"],
    ["1.234", "ambiguous_separators"],
    ["1.000.000.000,001", "too_large"],
    ["", "required"],
  ])("%j → %s", (input, code) => {
    expect(parseQuantity(input)).toEqual({ ok: false, code });
  });
});

describe("parsePercent → basis points", () => {
  it.each([
    ["0", 0],
    ["10", 1000],
    ["12,5", 1250],
    ["33,33", 3333],
    ["100", 10000],
    ["100,00", 10000],
    [24, 2400],
  ])("%j → %i", (input, basisPoints) => {
    expect(parsePercent(input)).toEqual({ ok: true, value: basisPoints });
  });

  it.each<[unknown, ParseErrorCode]>([
    ["100,01", "out_of_range"],
    ["150", "out_of_range"],
    [1e21, "out_of_range"],
    ["12,345", "too_many_decimals"],
    ["-5", "negative"],
    ["", "required"],
  ])("%j → %s", (input, code) => {
    expect(parsePercent(input)).toEqual({ ok: false, code });
  });
});

describe("round trips", () => {
  it("every amount formatted the Greek way parses back to the same cents", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), (cents) => {
        expect(parseAmount(formatCents(cents, "el"))).toEqual({ ok: true, value: cents });
        expect(parseAmount(`${formatCents(cents, "el")} €`)).toEqual({ ok: true, value: cents });
      }),
    );
  });

  it("every amount sent as a JSON number parses back to the same cents", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), (cents) => {
        expect(parseAmount(JSON.parse(JSON.stringify(centsToDecimal(cents))))).toEqual({ ok: true, value: cents });
      }),
    );
  });

  it("English-formatted amounts of 1 000 € or more are refused, never misread", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: MAX_AMOUNT_CENTS }), (cents) => {
        expect(parseAmount(formatCents(cents, "en"))).toEqual({ ok: false, code: "ambiguous_separators" });
      }),
    );
  });
});
