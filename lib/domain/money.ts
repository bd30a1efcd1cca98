import type { Cents } from "./types";

/**
 * The largest amount myDATA accepts: AmountType allows 15 digits with 2 decimals, so
 * 999 999 999 999,99 € = 99 999 999 999 999 cents (below 2^53, exact as a JS number).
 */
export const MAX_AMOUNT_CENTS: Cents = 99_999_999_999_999;

/**
 * Divides two non-negative integers and rounds half up (0.5 goes away from zero): the one
 * rounding rule of the product, applied once per line amount.
 * @throws RangeError when the numerator is negative or the denominator is not positive.
 */
export function roundHalfUpDiv(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n) throw new RangeError("roundHalfUpDiv: numerator must be >= 0");
  if (denominator <= 0n) throw new RangeError("roundHalfUpDiv: denominator must be > 0");
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}

/**
 * Converts a bigint amount back to a JS number, refusing values beyond 2^53 where a number
 * would silently lose cents.
 * @throws RangeError when the value is not a safe integer.
 */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Amount ${value} is beyond the exact range of a number`);
  }
  return Number(value);
}

/** True for an integer number of cents ≥ 0 that a number holds exactly. */
export function isNonNegativeCents(value: unknown): value is Cents {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** Sum of integer cents (exact: every partial sum of safe integers below 2^53 is exact). */
export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * Writes an integer scaled by 10^scale as a plain decimal string with exactly `scale`
 * decimals and a `.` separator, e.g. (644, 2) → "6.44", (-5, 2) → "-0.05", (1500, 3) → "1.500".
 * Built from digits, never from float arithmetic.
 */
export function scaledToDecimalString(value: number | bigint, scale: number): string {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new RangeError(`Expected a safe integer, got ${value}`);
  }
  const big = BigInt(value);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${whole}${scale > 0 ? `.${fraction}` : ""}`;
}

/** Cents as a decimal string with 2 decimals and a dot: 644 → "6.44", 5 → "0.05". */
export function centsToDecimalString(cents: Cents): string {
  return scaledToDecimalString(cents, 2);
}

/**
 * Cents as the JSON number the provider expects: 644 → 6.44. Parsed from the exact decimal
 * string, so the number is the one closest to the 2-decimal value and serialises as such.
 */
export function centsToDecimal(cents: Cents): number {
  return Number(centsToDecimalString(cents));
}

const SEPARATORS = {
  el: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
} as const;

/**
 * Formats cents for people: Greek "1.234,56", English "1,234.56"; negative values get a
 * leading "-". No currency sign (callers add "€" where the layout wants it).
 */
export function formatCents(cents: Cents, locale: "el" | "en"): string {
  const { group, decimal } = SEPARATORS[locale];
  const plain = centsToDecimalString(cents);
  const negative = plain.startsWith("-");
  const [whole = "0", fraction = "00"] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "-" : ""}${grouped}${decimal}${fraction}`;
}
