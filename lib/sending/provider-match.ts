import "server-only";
import type { LookupOutcome } from "@/lib/provider/types";

/** Our identity of a document, to compare with what the provider reports. */
export interface OurIdentity {
  internalId: string;
  series: string;
  number: string;
  /** Known once the provider has accepted the document before. */
  mark: string | null;
}

export type MatchResult = { ok: true } | { ok: false; differences: string[] };

type Found = Extract<LookupOutcome, { kind: "found" }>;

/**
 * Whether the document the provider reports is ours: the same internal id, and the same
 * series, number and MARK wherever the look-up states them. A field the look-up leaves out
 * proves nothing either way.
 */
export function lookupMatches(found: Found, ours: OurIdentity): MatchResult {
  const differences: string[] = [];
  const compare = (field: string, theirs: string | undefined, mine: string | null): void => {
    if (theirs === undefined || theirs === "" || mine === null) return;
    if (theirs.trim() !== mine.trim()) differences.push(`${field}: provider ${theirs}, ours ${mine}`);
  };
  compare("internalId", found.internalId, ours.internalId);
  compare("series", found.series, ours.series);
  compare("number", found.number, ours.number);
  compare("mark", found.mark, ours.mark);
  return differences.length === 0 ? { ok: true } : { ok: false, differences };
}
