/**
 * Folds text for searching the same way on both engines: accents removed, Greek-aware lower
 * case, final sigma as sigma. ("Ωμέγα Α.Ε." and "ωμεγα α.ε." fold alike.)
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("el").replace(/ς/g, "σ");
}

/** The stored search text of a document. */
export function documentSearchText(doc: { series: string; number: string; counterpartyName: string | null; counterpartyVat: string | null; internalDocumentId: string }): string {
  return foldForSearch([doc.series, doc.number, `${doc.series}/${doc.number}`, doc.counterpartyName ?? "", doc.counterpartyVat ?? "", doc.internalDocumentId].join(" "));
}
