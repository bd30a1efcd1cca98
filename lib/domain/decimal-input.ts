/**
 * Reading a typed or JSON decimal into its digits, before any scaling to cents, thousandths or
 * basis points. The separator policy (Greek convention first) is documented on
 * `parseAmount` in parse-number.ts; this module implements it.
 */

/** Why an input is not a usable number (shared by every parser in parse-number.ts). */
export type ParseErrorCode =
  | "required"
  | "not_a_number"
  | "ambiguous_separators"
  | "too_many_decimals"
  | "negative"
  | "must_be_positive"
  | "too_large"
  | "out_of_range";

/** A non-negative decimal as digit strings: `whole` without leading zeros, `fraction` without trailing zeros. */
export interface DecimalDigits {
  negative: boolean;
  whole: string;
  fraction: string;
}

export type DecimalReadResult = { ok: true; value: DecimalDigits } | { ok: false; code: ParseErrorCode };

const fail = (code: ParseErrorCode): DecimalReadResult => ({ ok: false, code });

function digits(negative: boolean, whole: string, fraction: string): DecimalReadResult {
  return {
    ok: true,
    value: { negative, whole: whole.replace(/^0+/, ""), fraction: fraction.replace(/0+$/, "") },
  };
}

/** Validates the integer part: plain digits, or 3-digit groups separated by "." or by spaces. */
function readWhole(whole: string): string | null {
  if (/^\d*$/.test(whole)) return whole;
  if (/^\d{1,3}(\.\d{3})+$/.test(whole)) return whole.replaceAll(".", "");
  if (/^\d{1,3}( \d{3})+$/.test(whole)) return whole.replaceAll(" ", "");
  return null;
}

function readParts(negative: boolean, whole: string, fraction: string | null): DecimalReadResult {
  const plainWhole = readWhole(whole);
  if (plainWhole === null) return fail("not_a_number");
  if (fraction === null) return plainWhole === "" ? fail("not_a_number") : digits(negative, plainWhole, "");
  if (!/^\d+$/.test(fraction)) return fail("not_a_number");
  return digits(negative, plainWhole, fraction);
}

/** English grouping ("1,234.56", "1,234,567"): refused rather than guessed. */
const ENGLISH_GROUPING = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

function readBody(negative: boolean, body: string): DecimalReadResult {
  const commas = body.split(",").length - 1;
  const dots = body.split(".").length - 1;
  if (ENGLISH_GROUPING.test(body) && (dots > 0 || commas > 1)) return fail("ambiguous_separators");
  if (commas > 1) return fail("not_a_number");
  if (commas === 1) {
    const [whole = "", fraction = ""] = body.split(",");
    return readParts(negative, whole, fraction);
  }
  if (dots === 1) {
    const [whole = "", fraction = ""] = body.split(".");
    // "1.234" reads as 1234 the Greek way and as 1.234 the English way: refuse it.
    if (/^[1-9]\d{0,2}$/.test(whole) && /^\d{3}$/.test(fraction)) return fail("ambiguous_separators");
    return readParts(negative, whole, fraction);
  }
  // No comma and zero or several dots: an integer, possibly with Greek thousands dots.
  return readParts(negative, body, null);
}

function readString(input: string): DecimalReadResult {
  let text = input.replace(/[\u00A0\u2007\u2009\u202F]/g, " ").trim();
  text = text.replace(/^€\s*/, "");
  const negative = /^[-\u2212]/.test(text);
  if (negative) text = text.slice(1).trim();
  text = text.replace(/^€\s*/, "").replace(/\s*€$/, "").trim();
  if (text === "") return fail(negative ? "not_a_number" : "required");
  if (!/^[\d., ]+$/.test(text)) return fail("not_a_number");
  return readBody(negative, text);
}

/** A JS number through its shortest round-trip string: 7.99 → "7.99", 1e21 → 1 and 21 zeros, 1e-7 → "0.0000001". */
function readNumber(input: number): DecimalReadResult {
  if (!Number.isFinite(input)) return fail("not_a_number");
  const negative = input < 0;
  const text = String(Math.abs(input));
  const exponential = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (exponential) {
    const [, lead = "", rest = "", exponent = "0"] = exponential;
    const power = Number(exponent);
    // String() writes exponents from 1e21 up (beyond every cap, so the cap check answers) and
    // below 1e-6 (more decimals than any parser accepts).
    if (power > 0) return digits(negative, lead + rest.padEnd(power, "0"), "");
    return digits(negative, "", "0".repeat(-power - 1) + lead + rest);
  }
  const [whole = "", fraction = ""] = text.split(".");
  return digits(negative, whole, fraction);
}

/**
 * Reads a typed string, a JSON number or a bigint into decimal digits.
 * null, undefined and blank strings are `required`; other types are `not_a_number`.
 */
export function readDecimalInput(input: unknown): DecimalReadResult {
  if (input === null || input === undefined) return fail("required");
  if (typeof input === "string") return readString(input);
  if (typeof input === "number") return readNumber(input);
  if (typeof input === "bigint") return digits(input < 0n, (input < 0n ? -input : input).toString(), "");
  return fail("not_a_number");
}
