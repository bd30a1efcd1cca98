import { readDecimalInput, type DecimalDigits, type ParseErrorCode } from "./decimal-input";
import { MAX_AMOUNT_CENTS } from "./money";

export type { ParseErrorCode } from "./decimal-input";

/** Outcome of parsing one typed value. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: ParseErrorCode };

/** Every error code a parser can answer, for exhaustive message catalogues. */
export const PARSE_ERROR_CODES: readonly ParseErrorCode[] = [
  "required",
  "not_a_number",
  "ambiguous_separators",
  "too_many_decimals",
  "negative",
  "must_be_positive",
  "too_large",
  "out_of_range",
];

/** The largest quantity accepted: 1 000 000 000 units, in thousandths. */
export const MAX_QUANTITY_MILLI = 1_000_000_000_000;

interface Scale {
  decimals: number;
  max: bigint;
  overMax: ParseErrorCode;
  positive: boolean;
}

function scaled(input: unknown, scale: Scale): ParseResult<number> {
  const read = readDecimalInput(input);
  if (!read.ok) return read;
  const { negative, whole, fraction }: DecimalDigits = read.value;
  if (negative) return { ok: false, code: "negative" };
  if (fraction.length > scale.decimals) return { ok: false, code: "too_many_decimals" };
  const value = BigInt(`${whole || "0"}${fraction.padEnd(scale.decimals, "0")}`);
  if (value > scale.max) return { ok: false, code: scale.overMax };
  if (scale.positive && value === 0n) return { ok: false, code: "must_be_positive" };
  return { ok: true, value: Number(value) };
}

/**
 * Parses an amount in euros into integer cents (≥ 0, at most 2 decimals, at most
 * 999 999 999 999,99 € as myDATA's AmountType allows).
 *
 * Separator policy, Greek convention first:
 * - accepted: `7,99` `7.99` `1.234,56` `1234,56` `1234.56` `1 234,56` `1 234.56`, with
 *   surrounding spaces and an optional `€` before or after; `,5`/`.5` mean 0,50;
 * - thousands groups (dots or spaces) must be exactly 3 digits: `1.234.567,00`, `1.234,5`;
 * - `1,234.56` and `1,234,567` (English thousands) → `ambiguous_separators`;
 * - a single dot followed by exactly 3 digits and nothing else (`1.234`, `12.345`) reads as
 *   1234 the Greek way and 1.234 the English way → `ambiguous_separators`; `0.500` is not
 *   ambiguous (a thousands group never follows a lone 0) and means 0.5;
 * - a single comma is always the decimal comma: `1,234` is 1.234 (so 3 decimals here);
 * - trailing zeros do not count as decimals: `7,990` is 7,99;
 * - JS numbers are read through their shortest string (7.99 → "7.99"); non-finite → `not_a_number`,
 *   1e21 and beyond → `too_large`.
 * Errors: empty → `required`; a minus sign → `negative` (credit notes carry positive amounts);
 * 3+ decimals → `too_many_decimals`; beyond the cap → `too_large`.
 */
export function parseAmount(input: unknown): ParseResult<number> {
  return scaled(input, { decimals: 2, max: BigInt(MAX_AMOUNT_CENTS), overMax: "too_large", positive: false });
}

/**
 * Parses a quantity into thousandths (`quantityMilli`): > 0, at most 3 decimals, at most
 * 1 000 000 000. Same separator policy as `parseAmount`; 0 → `must_be_positive`.
 */
export function parseQuantity(input: unknown): ParseResult<number> {
  return scaled(input, { decimals: 3, max: BigInt(MAX_QUANTITY_MILLI), overMax: "too_large", positive: true });
}

/**
 * Parses a percentage (e.g. a line discount) into basis points: 0–100 with at most 2
 * decimals, so 0–10000. Same separator policy as `parseAmount`; above 100 → `out_of_range`.
 */
export function parsePercent(input: unknown): ParseResult<number> {
  return scaled(input, { decimals: 2, max: 10_000n, overMax: "out_of_range", positive: false });
}
