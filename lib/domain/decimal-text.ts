/**
 * Exact reading of a decimal written by a machine: a JSON number (read through its shortest
 * round-trip text, which is the text it was written as) or a plain decimal string with a dot,
 * optionally in exponent notation. Unlike `decimal-input.ts` (what a clerk types, Greek
 * convention first), a dot here is always the decimal point.
 */

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,4}))?$/i;

function textOf(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  return typeof value === "string" ? value.trim() : null;
}

/**
 * The value times 10^scale as an integer, rounded half-up (away from zero) on the first digit
 * past `scale`, computed on the digits alone: 1.005 at scale 2 → 101, 2.675 → 268, 4.35 → 435,
 * where `Math.round(x * 100)` gives 100, 267 and 435. Null for anything that is not a decimal or
 * whose result is not a safe integer.
 */
export function scaledFromDecimalText(value: unknown, scale: number): number | null {
  const text = textOf(value);
  const match = text === null ? null : DECIMAL_TEXT.exec(text);
  if (match === null) return null;
  const whole = match[2] ?? "";
  const fraction = match[3] ?? "";
  if (whole === "" && fraction === "") return null;
  const digits = `${whole}${fraction}`;
  // Where the decimal point falls in `digits` once the value is multiplied by 10^scale.
  const point = whole.length + Number(match[4] ?? 0) + scale;
  const kept = point <= 0 ? "0" : point >= digits.length ? digits.padEnd(point, "0") : digits.slice(0, point);
  const firstDropped = point < 0 ? "0" : (digits[point] ?? "0");
  let scaled = BigInt(kept);
  if (firstDropped >= "5") scaled += 1n;
  if (match[1] === "-") scaled = -scaled;
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER) || scaled < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(scaled);
}
