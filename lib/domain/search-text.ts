/**
 * Greek letters as the Latin letter a clerk types for them: the look-alike where there is one
 * (Α/A, Β/B, Ε/E, Ζ/Z, Η/H, Ι/I, Κ/K, Μ/M, Ν/N, Ο/O, Ρ/P, Τ/T, Υ/Y, Χ/X), otherwise the usual
 * transliteration (Γ/G, Δ/D, Λ/L, Π/P, Σ/S, Φ/F, Ω/O). Θ, Ξ and Ψ have no one-letter Latin form
 * and stay Greek. Lower case only: folding lowers first.
 */
const GREEK_AS_LATIN: Readonly<Record<string, string>> = {
  α: "a", β: "b", γ: "g", δ: "d", ε: "e", ζ: "z", η: "h", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n",
  ο: "o", π: "p", ρ: "p", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "x", ω: "o",
};

/**
 * Folds text for searching the same way on both engines: accents removed, Greek-aware lower
 * case, then Greek letters as their Latin look-alike or transliteration, so "ΠΤ/2", "πτ/2" and
 * "pt/2" fold alike, as do "Ωμέγα Α.Ε." and "ωμεγα α.ε.".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("el")
    .replace(/[α-ω]/g, (letter) => GREEK_AS_LATIN[letter] ?? letter);
}

/**
 * Shortest folded query an index can serve: both engines index three-letter pieces (SQLite's
 * FTS5 trigram tokenizer, PostgreSQL's pg_trgm); a shorter query is read by a scan in page order.
 */
export const MIN_INDEXED_QUERY_LENGTH = 3;

/** The stored search text of a document. */
export function documentSearchText(doc: { series: string; number: string; counterpartyName: string | null; counterpartyVat: string | null; internalDocumentId: string }): string {
  return foldForSearch([doc.series, doc.number, `${doc.series}/${doc.number}`, doc.counterpartyName ?? "", doc.counterpartyVat ?? "", doc.internalDocumentId].join(" "));
}
