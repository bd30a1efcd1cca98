import "server-only";
import type { AcceptedDocument, LookupOutcome } from "@/lib/provider/types";

/** Our identity of a document, to compare with what the provider reports. */
export interface OurIdentity {
  internalId: string;
  series: string;
  number: string;
  /** Known once the provider has accepted the document before. */
  mark: string | null;
  /** Compared with the document list's rows, which carry no internal id. Null for a credit of an existing document. */
  counterpartyVat?: string | null | undefined;
  grossCents?: number | null | undefined;
}

export type MatchResult = { ok: true } | { ok: false; differences: string[] };

type Found = Extract<LookupOutcome, { kind: "found" }>;

/** VAT numbers compare without the Greek prefix and case. */
function sameVat(a: string, b: string): boolean {
  const bare = (vat: string) => vat.trim().toUpperCase().replace(/^(EL|GR)(?=\d)/, "");
  return bare(a) === bare(b);
}

/** Cents of a decimal amount as the list writes it ("124.0", "7.99"); null when unreadable. */
function centsOf(amount: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2})\d*)?$/.exec(amount.trim());
  if (match?.[1] === undefined) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/**
 * Whether the document the provider reports is ours: the same internal id, and the same series,
 * number and MARK wherever the answer states them; for a row of the document list (no internal id),
 * also the same counterparty VAT and gross total where both sides know them. A field the answer
 * leaves out proves nothing either way.
 */
export function lookupMatches(found: Found, ours: OurIdentity): MatchResult {
  const differences: string[] = [];
  const compare = (field: string, theirs: string | undefined, mine: string | null | undefined, same = (a: string, b: string) => a.trim() === b.trim()): void => {
    if (theirs === undefined || theirs === "" || mine === null || mine === undefined) return;
    if (!same(theirs, mine)) differences.push(`${field}: provider ${theirs}, ours ${mine}`);
  };
  compare("internalId", found.internalId, ours.internalId);
  compare("series", found.series, ours.series);
  compare("number", found.number, ours.number);
  compare("mark", found.mark, ours.mark);
  compare("counterparty VAT", found.listed?.counterpartyVat, ours.counterpartyVat, sameVat);
  const listedGross = found.listed?.totalAmount;
  if (listedGross !== undefined && ours.grossCents !== null && ours.grossCents !== undefined && centsOf(listedGross) !== ours.grossCents) {
    differences.push(`gross total: provider ${listedGross}, ours ${(ours.grossCents / 100).toFixed(2)}`);
  }
  return differences.length === 0 ? { ok: true } : { ok: false, differences };
}

/**
 * Whether the stored document a duplicate answer carries is ours. Unlike a look-up, every one of
 * internal id, series and number must be present and equal: the provider detects duplicates by
 * myDATA UID (issuer, day, branch, type, series, number), so another system's document with our
 * series and number on the same day comes back the same way (docs/reference/observed-uat.md §2).
 * `incomplete` when the answer does not state all three.
 */
export function duplicateMatches(registered: AcceptedDocument, ours: OurIdentity): MatchResult | { ok: "incomplete" } {
  const fields: [string, string | undefined, string][] = [
    ["internalId", registered.internalId, ours.internalId],
    ["series", registered.series, ours.series],
    ["number", registered.number, ours.number],
  ];
  if (fields.some(([, theirs]) => theirs === undefined || theirs.trim() === "")) return { ok: "incomplete" };
  const differences = fields.filter(([, theirs, mine]) => theirs?.trim() !== mine.trim()).map(([field, theirs, mine]) => `${field}: provider ${theirs ?? ""}, ours ${mine}`);
  return differences.length === 0 ? { ok: true } : { ok: false, differences };
}
