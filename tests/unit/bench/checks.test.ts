import { describe, expect, it } from "vitest";
import { checkDrill, type DrillDocument, type ProviderDocument } from "@/bench/drill/checks";

function doc(n: number, overrides: Partial<DrillDocument> = {}): DrillDocument {
  return { id: `doc-${n}`, draftId: `draft-${n}`, internalDocumentId: `iid-${n}`, status: "accepted", mark: `40000100000000${n}`, attemptCount: 1, attemptRows: 1, ...overrides };
}
function stored(n: number, overrides: Partial<ProviderDocument> = {}): ProviderDocument {
  return { internalId: `iid-${n}`, mark: `40000100000000${n}`, series: "DR", number: String(n), ...overrides };
}

describe("the drill's verdict", () => {
  it("a clean run: every acknowledged note once in the database, once at the provider, accepted with the provider's MARK", () => {
    const verdict = checkDrill({ acknowledged: ["draft-1", "draft-2"], documents: [doc(1), doc(2)], provider: [stored(1), stored(2)] });
    expect(verdict).toMatchObject({ ok: true, acknowledged: 2, documents: 2, providerDocuments: 2, byStatus: { accepted: 2 }, lost: [], duplicated: [] });
  });

  it("an acknowledged draft without a document is lost", () => {
    const verdict = checkDrill({ acknowledged: ["draft-1", "draft-9"], documents: [doc(1)], provider: [stored(1)] });
    expect(verdict.ok).toBe(false);
    expect(verdict.lost).toEqual(["draft draft-9: acknowledged (202) but not in the database"]);
  });

  it("a document recorded as accepted that the provider does not hold is lost", () => {
    const verdict = checkDrill({ acknowledged: ["draft-1"], documents: [doc(1)], provider: [] });
    expect(verdict.lost).toHaveLength(1);
    expect(verdict.ok).toBe(false);
  });

  it("two provider documents for one internal id, or for one series/number, or one nobody issued, are duplicates", () => {
    const twice = checkDrill({ acknowledged: ["draft-1"], documents: [doc(1)], provider: [stored(1), stored(1, { mark: "400001000000099", number: "1b" })] });
    expect(twice.duplicated).toEqual(["internal id iid-1: 2 documents at the provider"]);
    const sameNumber = checkDrill({ acknowledged: ["draft-1", "draft-2"], documents: [doc(1), doc(2)], provider: [stored(1), stored(2, { number: "1" })] });
    expect(sameNumber.duplicated).toEqual(["series/number DR/1: 2 documents at the provider"]);
    const stranger = checkDrill({ acknowledged: ["draft-1"], documents: [doc(1)], provider: [stored(1), stored(7)] });
    expect(stranger.duplicated).toEqual(["internal id iid-7: at the provider, issued by nobody here"]);
    expect(stranger.ok).toBe(false);
  });

  it("two database rows for one draft are a duplicate", () => {
    const verdict = checkDrill({ acknowledged: ["draft-1"], documents: [doc(1), doc(2, { draftId: "draft-1" })], provider: [stored(1), stored(2)] });
    expect(verdict.duplicated).toEqual(["draft draft-1: 2 documents in the database"]);
  });

  it("a document the provider holds must be recorded as accepted with the provider's MARK", () => {
    const flagged = checkDrill({ acknowledged: ["draft-1"], documents: [doc(1, { status: "needs_attention", mark: null, explanation: "attempts_exhausted" })], provider: [stored(1)] });
    expect(flagged.unrecorded).toEqual(["doc-1: needs_attention here, accepted at the provider with MARK 400001000000001"]);
    const otherMark = checkDrill({ acknowledged: ["draft-1"], documents: [doc(1, { mark: "400001000000777" })], provider: [stored(1)] });
    expect(otherMark.unrecorded).toHaveLength(1);
    expect(otherMark.ok).toBe(false);
  });

  it("needs_attention without a provider document that the provider saw is counted and explained, not lost", () => {
    const verdict = checkDrill({
      acknowledged: ["draft-1", "draft-2", "draft-3"],
      documents: [
        doc(1),
        doc(2, { status: "needs_attention", mark: null, explanation: "attempts_exhausted", providerSaw: true }),
        doc(3, { status: "needs_attention", mark: null, explanation: "attempts_exhausted", providerSaw: true }),
      ],
      provider: [stored(1)],
    });
    expect(verdict.ok).toBe(true);
    expect(verdict.needsAttention).toEqual({ attempts_exhausted: 2 });
    expect(verdict.byStatus).toEqual({ accepted: 1, needs_attention: 2 });
    expect(verdict.stranded).toEqual([]);
  });

  it("a note in needs_attention that the provider never saw is stranded and fails the drill", () => {
    const verdict = checkDrill({
      acknowledged: ["draft-1", "draft-2"],
      documents: [doc(1), doc(2, { status: "needs_attention", mark: null, explanation: "attempts_exhausted (last error: ambiguous/connect)" })],
      provider: [stored(1)],
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.stranded).toEqual(["doc-2: needs_attention (attempts_exhausted (last error: ambiguous/connect)) although the provider never saw it"]);
    // providerSaw false is the same as not known
    expect(checkDrill({ acknowledged: ["draft-2"], documents: [doc(2, { status: "needs_attention", mark: null, providerSaw: false })], provider: [] }).ok).toBe(false);
  });

  it("a note in needs_attention for a permanent refusal is not stranded, seen by the provider or not", () => {
    const verdict = checkDrill({
      acknowledged: ["draft-1"],
      documents: [doc(1, { status: "needs_attention", mark: null, explanation: "foreign_document (last error: conflict)", permanentRefusal: true })],
      provider: [],
    });
    expect(verdict.stranded).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  it("two documents with the same content are duplicates, at the provider and in the database, whatever their ids and numbers", () => {
    const atProvider = checkDrill({
      acknowledged: ["draft-1", "draft-2"],
      documents: [doc(1, { contentKey: "gross 991 cents" }), doc(2, { contentKey: "gross 992 cents" })],
      provider: [stored(1, { contentKey: "gross 991 cents" }), stored(2, { contentKey: "gross 991 cents" })],
    });
    expect(atProvider.duplicated).toEqual(['content "gross 991 cents": 2 documents at the provider (DR/1, DR/2)']);
    expect(atProvider.ok).toBe(false);
    const inDatabase = checkDrill({
      acknowledged: ["draft-1", "draft-2"],
      documents: [doc(1, { contentKey: "gross 991 cents" }), doc(2, { contentKey: "gross 991 cents" })],
      provider: [stored(1), stored(2)],
    });
    expect(inDatabase.duplicated).toEqual(['content "gross 991 cents": 2 documents in the database (doc-1, doc-2)']);
    const distinct = checkDrill({
      acknowledged: ["draft-1", "draft-2"],
      documents: [doc(1, { contentKey: "gross 991 cents" }), doc(2, { contentKey: "gross 992 cents" })],
      provider: [stored(1, { contentKey: "gross 991 cents" }), stored(2, { contentKey: "gross 992 cents" })],
    });
    expect(distinct.ok).toBe(true);
  });

  it("every injected fault kind is reported struck or not, and one that never struck fails the drill", () => {
    const faults = [
      { kind: "provider outage 90 s", injected: 1, struck: 1 },
      { kind: "FAKE_IAPR_TIMEOUT on json", injected: 3, struck: 0 },
      { kind: "delay on json", injected: 4, struck: 2 },
    ];
    const verdict = checkDrill({ acknowledged: ["draft-1"], documents: [doc(1)], provider: [stored(1)], faults });
    expect(verdict.faults.map((f) => f.kind)).toEqual(["delay on json", "FAKE_IAPR_TIMEOUT on json", "provider outage 90 s"]);
    expect(verdict.unstruck).toEqual(["FAKE_IAPR_TIMEOUT on json: injected 3×, never struck"]);
    expect(verdict.ok).toBe(false);
    const allStruck = checkDrill({ acknowledged: ["draft-1"], documents: [doc(1)], provider: [stored(1)], faults: faults.map((f) => ({ ...f, struck: Math.max(f.struck, 1) })) });
    expect(allStruck.unstruck).toEqual([]);
    expect(allStruck.ok).toBe(true);
  });

  it("an attempt without its log row, a document still moving, or a rejection of a valid document fails the drill", () => {
    expect(checkDrill({ acknowledged: ["draft-1"], documents: [doc(1, { attemptCount: 3, attemptRows: 2 })], provider: [stored(1)] }).attemptLogGaps)
      .toEqual(["doc-1: attempt_count 3, 2 attempt rows"]);
    expect(checkDrill({ acknowledged: ["draft-1"], documents: [doc(1, { status: "unknown", mark: null })], provider: [] }).stillMoving).toEqual(["doc-1: unknown"]);
    expect(checkDrill({ acknowledged: ["draft-1"], documents: [doc(1, { status: "rejected", mark: null })], provider: [] }).ok).toBe(false);
  });
});
