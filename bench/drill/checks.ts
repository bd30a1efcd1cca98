/**
 * The verdict of a fault drill, from three lists: the credit notes the clients had
 * acknowledged (202), what the database holds, and what the provider holds. Pure, so every
 * kind of loss and duplicate is pinned by unit tests.
 */

/** One row of `documents`, with the number of its `attempts` rows. */
export interface DrillDocument {
  id: string;
  draftId: string | null;
  internalDocumentId: string;
  status: string;
  mark: string | null;
  attemptCount: number;
  attemptRows: number;
  /** Why it needs attention (reason of its last status event, kind of its last error). */
  explanation?: string | undefined;
  /** What the note says (every drill note says something of its own); two documents saying the same are a duplicate. */
  contentKey?: string | undefined;
  /** The provider's request log shows a request carrying this document's internal id. */
  providerSaw?: boolean | undefined;
  /** Its last error is the provider's permanent refusal (a validation 400, an unauthorized key, another document's number). */
  permanentRefusal?: boolean | undefined;
}

/** One document the provider stored (GET /__control/documents). */
export interface ProviderDocument {
  internalId: string;
  mark: string;
  series: string;
  number: string;
  /** What the document says, in the same terms as DrillDocument.contentKey. */
  contentKey?: string | undefined;
}

/** One kind of injected fault: how often it was injected and how often it struck. */
export interface FaultStrike {
  kind: string;
  injected: number;
  struck: number;
}

export interface DrillVerdict {
  acknowledged: number;
  documents: number;
  providerDocuments: number;
  byStatus: Record<string, number>;
  /** Acknowledged credit notes the database does not hold; accepted ones the provider does not hold. */
  lost: string[];
  /** More than one row per draft, more than one provider document per internal id or per series/number, provider documents nobody issued. */
  duplicated: string[];
  /** At the provider, but not recorded as accepted with the provider's MARK. */
  unrecorded: string[];
  /** attempt_count differs from the number of attempts rows. */
  attemptLogGaps: string[];
  /** Still queued, sending or unknown when the drill ended. */
  stillMoving: string[];
  /** Rejected by the provider although every drill document is valid. */
  unexpectedRejections: string[];
  /** Flagged for a person (not lost: the dashboard says so), with why, grouped. */
  needsAttention: Record<string, number>;
  /** In needs_attention without the provider ever seeing it, and not for a permanent refusal: a wait would have sent it. */
  stranded: string[];
  /** Every injected fault kind, struck or not. */
  faults: FaultStrike[];
  /** Injected fault kinds that never struck: the drill did not test what it claims. */
  unstruck: string[];
  ok: boolean;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/**
 * Checks that each acknowledged credit note exists exactly once in the database and at the
 * provider, that each one the provider holds is recorded as accepted with its MARK, and that no
 * attempt lacks its log row.
 */
export function checkDrill(input: {
  acknowledged: readonly string[];
  documents: readonly DrillDocument[];
  provider: readonly ProviderDocument[];
  faults?: readonly FaultStrike[];
}): DrillVerdict {
  const lost: string[] = [];
  const duplicated: string[] = [];
  const unrecorded: string[] = [];
  const attemptLogGaps: string[] = [];
  const stillMoving: string[] = [];
  const unexpectedRejections: string[] = [];
  const needsAttention: Record<string, number> = {};
  const stranded: string[] = [];
  const byStatus: Record<string, number> = {};

  const byDraft = countBy(input.documents.filter((doc) => doc.draftId !== null), (doc) => doc.draftId ?? "");
  for (const draftId of new Set(input.acknowledged)) {
    const rows = byDraft.get(draftId) ?? [];
    if (rows.length === 0) lost.push(`draft ${draftId}: acknowledged (202) but not in the database`);
    if (rows.length > 1) duplicated.push(`draft ${draftId}: ${rows.length} documents in the database`);
  }

  const providerById = countBy(input.provider, (doc) => doc.internalId);
  for (const [internalId, docs] of providerById) {
    if (docs.length > 1) duplicated.push(`internal id ${internalId}: ${docs.length} documents at the provider`);
  }
  for (const [key, docs] of countBy(input.provider, (doc) => `${doc.series}/${doc.number}`)) {
    if (docs.length > 1) duplicated.push(`series/number ${key}: ${docs.length} documents at the provider`);
  }
  // Content: a note issued again under a new id (or number) says what the first one said.
  for (const [key, docs] of countBy(input.provider.filter((doc) => doc.contentKey !== undefined), (doc) => doc.contentKey ?? "")) {
    if (docs.length > 1) duplicated.push(`content "${key}": ${docs.length} documents at the provider (${docs.map((doc) => `${doc.series}/${doc.number}`).join(", ")})`);
  }
  for (const [key, docs] of countBy(input.documents.filter((doc) => doc.contentKey !== undefined), (doc) => doc.contentKey ?? "")) {
    if (docs.length > 1) duplicated.push(`content "${key}": ${docs.length} documents in the database (${docs.map((doc) => doc.id).join(", ")})`);
  }
  const ours = new Set(input.documents.map((doc) => doc.internalDocumentId));
  for (const doc of input.provider) {
    if (!ours.has(doc.internalId)) duplicated.push(`internal id ${doc.internalId}: at the provider, issued by nobody here`);
  }

  for (const doc of input.documents) {
    byStatus[doc.status] = (byStatus[doc.status] ?? 0) + 1;
    const atProvider = providerById.get(doc.internalDocumentId) ?? [];
    if (doc.attemptCount !== doc.attemptRows) attemptLogGaps.push(`${doc.id}: attempt_count ${doc.attemptCount}, ${doc.attemptRows} attempt rows`);
    if (doc.status === "queued" || doc.status === "sending" || doc.status === "unknown") stillMoving.push(`${doc.id}: ${doc.status}`);
    if (doc.status === "rejected") unexpectedRejections.push(`${doc.id}: rejected`);
    if (doc.status === "accepted") {
      if (atProvider.length === 0) lost.push(`${doc.id}: accepted with MARK ${doc.mark ?? "none"} but the provider does not hold it`);
      else if (!atProvider.some((p) => p.mark === doc.mark)) unrecorded.push(`${doc.id}: MARK ${doc.mark ?? "none"} recorded, the provider's is ${atProvider[0]?.mark ?? "?"}`);
    } else if (atProvider.length > 0) {
      unrecorded.push(`${doc.id}: ${doc.status} here, accepted at the provider with MARK ${atProvider[0]?.mark ?? "?"}`);
    }
    if (doc.status === "needs_attention") {
      const why = doc.explanation ?? "unexplained";
      needsAttention[why] = (needsAttention[why] ?? 0) + 1;
      if (doc.providerSaw !== true && doc.permanentRefusal !== true) stranded.push(`${doc.id}: needs_attention (${why}) although the provider never saw it`);
    }
  }

  const faults = [...(input.faults ?? [])].sort((a, b) => a.kind.localeCompare(b.kind));
  const unstruck = faults.filter((fault) => fault.injected > 0 && fault.struck === 0).map((fault) => `${fault.kind}: injected ${fault.injected}×, never struck`);

  return {
    acknowledged: new Set(input.acknowledged).size,
    documents: input.documents.length,
    providerDocuments: input.provider.length,
    byStatus,
    lost,
    duplicated,
    unrecorded,
    attemptLogGaps,
    stillMoving,
    unexpectedRejections,
    needsAttention,
    stranded,
    faults,
    unstruck,
    ok: lost.length + duplicated.length + unrecorded.length + attemptLogGaps.length + stillMoving.length + unexpectedRejections.length + stranded.length + unstruck.length === 0,
  };
}
