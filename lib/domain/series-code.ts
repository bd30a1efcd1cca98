/**
 * When two series codes are "the same series" to a reader: compared after Unicode NFKC, case
 * folding, accents removed and Greek capitals that look like Latin ones read as those Latin
 * letters. "ΠT" (Greek Π, Latin T) and "ΠΤ" (both Greek) fold alike, so are "pt" and "PT";
 * "ΠΤ" and "PT" also fold alike (Π is read as P by clerks typing on a Latin keyboard).
 * A new series whose key equals an existing one's is refused, and a request naming a series
 * is matched on this key, so a look-alike never starts a second numbering.
 */

/**
 * Greek (and Cyrillic) capitals, accents already removed, and the Latin letter they pass for.
 * Π counts as P: on a Latin keyboard a clerk types "PT" for "ΠΤ".
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Π: "P", Ρ: "P",
  Τ: "T", Υ: "Y", Χ: "X",
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", У: "Y", І: "I",
};

/** The comparison key of a series code (never stored as the code; the code keeps its spelling). */
export function seriesCodeKey(code: string): string {
  const upper = code.normalize("NFKC").trim().normalize("NFD").replace(/\p{M}/gu, "").toLocaleUpperCase("el").normalize("NFKC");
  let key = "";
  for (const char of upper) key += LOOK_ALIKES[char] ?? char;
  return key;
}

/** True when two series codes would read as the same series. */
export function seriesCodesCollide(a: string, b: string): boolean {
  return seriesCodeKey(a) === seriesCodeKey(b);
}

/** The defined code a requested one stands for: the exact spelling first, else the one look-alike; undefined when none (or several). */
export function matchDefinedSeries(requested: string, defined: readonly string[]): string | undefined {
  const trimmed = requested.trim();
  if (defined.includes(trimmed)) return trimmed;
  const key = seriesCodeKey(trimmed);
  const matches = defined.filter((code) => seriesCodeKey(code) === key);
  return matches.length === 1 ? matches[0] : undefined;
}
