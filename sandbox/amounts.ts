/**
 * Decimal amounts read exactly from their text, so that 0.1 + 0.2-style float noise is seen
 * for what it is (more than two decimals) instead of being rounded away.
 */

export interface AmountReading {
  /** Half-up to the cent (away from zero); exact when `exact` is true. */
  cents: number;
  /** At most two decimals after dropping trailing zeros. */
  exact: boolean;
  negative: boolean;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Reads a JSON number or numeric string; null when the value is not a decimal number at all. */
export function readAmount(value: unknown): AmountReading | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return null;
  }
  const match = DECIMAL.exec(text);
  if (match === null) return null;
  const intPart = match[2] ?? "";
  const fracPart = match[3] ?? "";
  if (intPart === "" && fracPart === "") return null;
  const exponent = Number(match[4] ?? "0");
  let digits = intPart + fracPart;
  let point = intPart.length + exponent;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const fraction = digits.slice(point).replace(/0+$/, "");
  if (whole.length > 13) return null;
  const roundUp = fraction.length > 2 && (fraction[2] ?? "0") >= "5" ? 1 : 0;
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, "0")) + roundUp;
  const negative = match[1] === "-" && cents > 0;
  return { cents: negative ? -cents : cents, exact: fraction.length <= 2, negative };
}

/** "1234.50" style text of a cent amount (no grouping, dot decimal). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Euros as a JSON number for answers that mirror the provider document (7.99). */
export function centsToNumber(cents: number): number {
  return cents / 100;
}

/** VAT of a non-negative net amount at a whole-percent rate, half-up to the cent. */
export function vatForNet(netCents: number, ratePercent: number): number {
  return Math.floor((netCents * ratePercent + 50) / 100);
}
