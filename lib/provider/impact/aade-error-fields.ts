/**
 * Where a myDATA (AADE) error code points in the document, for the codes whose meaning has been
 * seen from the real service (docs/reference/observed-uat.md, docs/reference/impact-api.md §3). A code tied to a line needs the
 * line number myDATA appends ("invoice line: 3"); without one it points at the lines as a whole.
 * Codes not listed here are shown with their words and code but not placed on a field.
 */
const LINE_CODES: Record<string, string> = {
  /** A line's VAT deviates from half-up(net × rate). */
  "229": "VATTotal",
};

const DOCUMENT_CODES: Record<string, string> = {
  /** The payment amounts do not add up to the gross total. */
  "407": "PaymentDetails.PaymentMethods",
};

/** myDATA names the offending line as "invoice line: N" (1-based); lines are sent numbered 1, 2, … in order. */
export function lineIndexOf(text: string): number | null {
  const match = /invoice\s+line\s*:?\s*(\d+)/i.exec(text);
  if (match?.[1] === undefined) return null;
  const lineNo = Number(match[1]);
  return lineNo >= 1 ? lineNo - 1 : null;
}

/** The document field (provider JSON terms) of a myDATA error, from its code and the line its words name. */
export function fieldOfAadeError(code: string | null, message: string): string | null {
  const line = lineIndexOf(message);
  const lineField = code === null ? undefined : LINE_CODES[code];
  if (lineField !== undefined) return line === null ? "Details" : `Details[${line}].${lineField}`;
  const documentField = code === null ? undefined : DOCUMENT_CODES[code];
  if (documentField !== undefined) return documentField;
  return line === null ? null : `Details[${line}]`;
}
