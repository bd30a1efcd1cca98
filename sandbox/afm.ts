/** Greek VAT numbers (AFM): normalisation and the check digit of docs/reference/mydata-rules.md §3. */

/** Removes separators and an EL/GR prefix: "EL 094.259.216" → "094259216"; "DE123" stays. */
export function normaliseVat(raw: string): string {
  const compact = raw.replace(/[\s.\-/]/g, "").toUpperCase();
  return /^(EL|GR)/.test(compact) ? compact.slice(2) : compact;
}

/** True for nine digits whose last one is the weighted-sum check digit; 000000000 is refused. */
export function isValidGreekAfm(digits: string): boolean {
  const afm = digits.length === 8 ? `0${digits}` : digits;
  if (!/^\d{9}$/.test(afm) || afm === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(afm[i]) * 2 ** (8 - i);
  return (sum % 11) % 10 === Number(afm[8]);
}
