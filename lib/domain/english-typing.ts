/**
 * Numbers typed the English way in English mode. The parsers (parse-number.ts) read the Greek
 * convention first and refuse `1,234.56` as ambiguous; in English mode the form turns what is
 * typed into text those parsers read the same way before anything checks or sends it, and shows
 * stored Greek text (`12,40`) the English way (`12.40`) when that text reads alike in both.
 */

const GROUPED = /^(\s*€?\s*)(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?(\s*€?\s*)$/;
const DOT_DECIMAL = /^(\s*€?\s*)(\d*)\.(\d+)(\s*€?\s*)$/;
const GREEK = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/**
 * English typing → the Greek convention: `1,234.56` → `1234,56`, `1,234` → `1234`, `12.40` →
 * `12,40`, `1.234` → `1,234` (one point two three four). Anything else (`7,99`, text) is left as
 * typed, for the parser to accept or name.
 */
export function fromEnglishTyping(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const grouped = GROUPED.exec(value);
  if (grouped) return `${grouped[1]}${grouped[2]!.replaceAll(",", "")}${grouped[3] === undefined ? "" : `,${grouped[3]}`}${grouped[4]}`;
  const decimal = DOT_DECIMAL.exec(value);
  if (decimal) return `${decimal[1]}${decimal[2]},${decimal[3]}${decimal[4]}`;
  return value;
}

/**
 * Greek text → English text that the Greek-first parsers read the same way: `12,40` → `12.40`,
 * `1.234,56` → `1234.56`, `1,500` → `1.5`. Text that would turn ambiguous (`1,234` = 1.234
 * would become `1.234`) or is not a number stays as it is.
 */
export function toEnglishTyping(text: string): string {
  const match = GREEK.exec(text.trim());
  if (!match) return text;
  const whole = match[1]!.replaceAll(".", "");
  let fraction = match[2] ?? "";
  if (fraction.length > 2) fraction = fraction.replace(/0+$/, "").padEnd(2, "0").slice(0, Math.max(2, fraction.replace(/0+$/, "").length));
  if (fraction.length === 3) return text;
  return fraction === "" ? whole : `${whole}.${fraction}`;
}
