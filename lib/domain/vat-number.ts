import { EU_COUNTRY_CODES, EU_VAT_FORMATS } from "./eu-vat-formats";

export type VatNumberErrorCode = "afm_format" | "afm_check_digit" | "vat_format" | "vat_prefix_mismatch";

/**
 * A normalised VAT number: `vat` as written on documents (VIES prefix + national part, e.g.
 * "EL094259216", "DE123456789") and `digits`, the national part without the prefix (the 9
 * AFM digits for Greece; may hold letters elsewhere, e.g. "U12345678" for Austria).
 */
export type VatNumberResult = { ok: true; vat: string; digits: string } | { ok: false; code: VatNumberErrorCode };

/** Removes what people type between digits (spaces, dots, dashes, slashes) and upper-cases. */
function compact(raw: string): string {
  return raw.replace(/[\s.\-/]/g, "").toUpperCase();
}

function afmCheck(digits: string): VatNumberErrorCode | null {
  if (!/^\d{9}$/.test(digits) || digits === "000000000") return "afm_format";
  let sum = 0;
  for (let index = 0; index < 8; index += 1) sum += Number(digits[index]) * 2 ** (8 - index);
  return (sum % 11) % 10 === Number(digits[8]) ? null : "afm_check_digit";
}

/**
 * True for a well-formed Greek AFM (docs/reference/mydata-rules.md §3): after removing spaces, dots, dashes and
 * slashes and an EL/GR prefix, 9 digits, not 000000000, whose last digit equals
 * (Σ dᵢ·2^(9−i) for i = 1..8 mod 11) mod 10. Says nothing about whether the AFM is registered.
 */
export function isValidAfm(raw: string): boolean {
  const compacted = compact(raw);
  const digits = /^(EL|GR)/.test(compacted) ? compacted.slice(2) : compacted;
  return afmCheck(digits) === null;
}

/** True for the ISO code of an EU member state (Greece is GR; EL is accepted as an alias). */
export function isEuCountry(countryCode: string): boolean {
  const code = countryCode.trim().toUpperCase();
  return EU_COUNTRY_CODES.includes(code === "EL" ? "GR" : code);
}

/**
 * The prefix a VAT number carries for this country: the ISO code, except Greece (GR → EL).
 * XI (Northern Ireland) is accepted as its own code.
 */
export function vatPrefixForCountry(countryCode: string): string {
  const code = countryCode.trim().toUpperCase();
  return code === "GR" ? "EL" : code;
}

const KNOWN_PREFIXES = new Set([...Object.keys(EU_VAT_FORMATS), ...EU_COUNTRY_CODES]);

function normalizeGreek(compacted: string): VatNumberResult {
  let digits = compacted;
  if (/^(EL|GR)/.test(compacted)) digits = compacted.slice(2);
  else if (/^[A-Z]{2}/.test(compacted)) return { ok: false, code: "vat_prefix_mismatch" };
  const problem = afmCheck(digits);
  return problem ? { ok: false, code: problem } : { ok: true, vat: `EL${digits}`, digits };
}

/** True when the number starts with another country's prefix and reads as that country's number. */
function hasForeignPrefix(prefix: string, compacted: string): boolean {
  const other = compacted.slice(0, 2);
  if (other === prefix || !KNOWN_PREFIXES.has(other)) return false;
  const otherFormat = EU_VAT_FORMATS[vatPrefixForCountry(other)];
  return otherFormat === undefined || otherFormat.test(compacted.slice(2));
}

function normalizeWithFormat(prefix: string, format: RegExp, compacted: string): VatNumberResult {
  const withoutPrefix = compacted.startsWith(prefix) ? compacted.slice(prefix.length) : null;
  if (withoutPrefix !== null && format.test(withoutPrefix)) return { ok: true, vat: compacted, digits: withoutPrefix };
  if (hasForeignPrefix(prefix, compacted)) return { ok: false, code: "vat_prefix_mismatch" };
  if (format.test(compacted)) return { ok: true, vat: `${prefix}${compacted}`, digits: compacted };
  return { ok: false, code: "vat_format" };
}

function normalizeThirdCountry(prefix: string, compacted: string): VatNumberResult {
  if (!compacted.startsWith(prefix) && KNOWN_PREFIXES.has(compacted.slice(0, 2))) {
    return { ok: false, code: "vat_prefix_mismatch" };
  }
  const national = compacted.startsWith(prefix) ? compacted.slice(prefix.length) : compacted;
  if (!/^[0-9A-Z]{2,30}$/.test(national)) return { ok: false, code: "vat_format" };
  return { ok: true, vat: `${prefix}${national}`, digits: national };
}

/**
 * Normalises a counterparty or issuer VAT number for its country (ISO code; XI for Northern
 * Ireland). Spaces, dots, dashes and slashes are dropped and letters upper-cased first.
 * - Greece (GR): EL or GR prefix or bare digits in; a valid AFM out as "EL" + 9 digits
 *   (`afm_format`, `afm_check_digit`; another country's prefix → `vat_prefix_mismatch`).
 * - Other EU states: with or without their prefix; the national part must match the country's
 *   format (`vat_format`), and another member state's prefix → `vat_prefix_mismatch`.
 *   For GB, a number written with the XI prefix is kept as a Northern Ireland number.
 * - Third countries: 2–30 letters or digits, prefixed with the country code unless already
 *   (an EU prefix on a third-country number → `vat_prefix_mismatch`).
 */
export function normalizeVatNumber(countryCode: string, raw: string): VatNumberResult {
  const code = countryCode.trim().toUpperCase();
  const compacted = compact(raw);
  if (!/^[A-Z]{2}$/.test(code) || compacted === "") return { ok: false, code: "vat_format" };
  if (code === "GR" || code === "EL") return normalizeGreek(compacted);
  const prefix = vatPrefixForCountry(code);
  const format = EU_VAT_FORMATS[prefix];
  if (format && (isEuCountry(code) || code === "XI")) return normalizeWithFormat(prefix, format, compacted);
  if (code === "GB" && compacted.startsWith("XI") && EU_VAT_FORMATS.XI) {
    return normalizeWithFormat("XI", EU_VAT_FORMATS.XI, compacted);
  }
  return normalizeThirdCountry(prefix, compacted);
}
