import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editableDraftOf, STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { foldForSearch } from "@/lib/domain/search-text";
import { seedHistory } from "@/lib/seed/seed-history";
import { ActionNotAllowedError, DocumentNotFoundError } from "@/lib/sending/errors";
import { fixRejectedDocument } from "@/lib/sending/fix";
import { parseDraft } from "@/lib/validation/parse-draft";
import type { IssueRequest } from "@/lib/validation/draft";
import { readStoredDraft } from "@/lib/validation/stored-draft";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";

describe.each(testEngines())("Fix & resend in the outbox on %s", (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedHistory(t.db, { documents: 600, providerBaseUrl: "http://127.0.0.1:4010", seed: 9 });
  }, 60_000);
  afterAll(async () => {
    await t.cleanup();
  });

  async function rejected(kind: "compose" | "credit_existing", skip = 0) {
    return t.db.selectFrom("documents").selectAll().where("status", "=", "rejected").where("kind", "=", kind).orderBy("created_at").offset(skip).limit(1).executeTakeFirstOrThrow();
  }

  /** The request a document's stored draft parses to. */
  function requestOf(doc: { draft_json: string | null; draft_version: number | null }): IssueRequest {
    const parsed = parseDraft(readStoredDraft(doc.draft_json, doc.draft_version));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  }

  it("requeues with the same identity, a fresh attempt budget and the fix on the timeline", async () => {
    const doc = await rejected("compose");
    const request = requestOf(doc);
    request.input.counterparty.name = "Διορθωμένη Επωνυμία Α.Ε.";
    const result = await fixRejectedDocument(t.db, doc.id, { ...request, series: "OTHER", number: "999999" }, { actor: "clerk@example.gr", draft: { marker: 1 } });
    expect(result).toEqual({ id: doc.id, status: "queued", changed: true, series: doc.series, number: doc.number, internalDocumentId: doc.internal_document_id });
    const after = await t.db.selectFrom("documents").selectAll().where("id", "=", doc.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      status: "queued", next_action: "send", series: doc.series, number: doc.number, internal_document_id: doc.internal_document_id, issued_at: doc.issued_at,
      attempt_count: doc.attempt_count, attempt_base: doc.attempt_count, retry_step: 0, last_error_json: null, counterparty_name: "Διορθωμένη Επωνυμία Α.Ε.",
    });
    const payload = JSON.parse(after.payload_json) as { Series: string; Number: string; DistributionDetails: { InternalDocumentId: string }; CounterParty: { RegisteredName: string } };
    expect([payload.Series, payload.Number, payload.DistributionDetails.InternalDocumentId]).toEqual([doc.series, doc.number, doc.internal_document_id]);
    expect(after.search_text).toContain(foldForSearch("Διορθωμένη"));
    // The corrected draft is stored with the payload, under the identity the document keeps.
    expect(after.draft_version).toBe(STORED_DRAFT_VERSION);
    expect(JSON.parse(after.draft_json ?? "null")).toEqual(editableDraftOf(request.input, { series: doc.series, number: doc.number, issuedAt: doc.issued_at }));
    const [fixed, queued] = await t.db.selectFrom("events").selectAll().where("document_id", "=", doc.id).orderBy("id", "desc").limit(2).execute().then((rows) => rows.reverse());
    expect(fixed).toMatchObject({ type: "fixed", actor: "clerk@example.gr" });
    expect(JSON.parse(fixed?.detail_json ?? "{}")).toMatchObject({ from: "rejected", previousSha256: doc.payload_sha256, sha256: after.payload_sha256, draft: { marker: 1 } });
    expect(queued).toMatchObject({ type: "queued" });
  });

  it("refuses every state but rejected, a credit of an existing document, another issuer and an unknown id", async () => {
    const accepted = await t.db.selectFrom("documents").selectAll().where("status", "=", "accepted").where("kind", "=", "compose").executeTakeFirstOrThrow();
    await expect(fixRejectedDocument(t.db, accepted.id, requestOf(accepted))).rejects.toBeInstanceOf(ActionNotAllowedError);
    const credit = await rejected("credit_existing").catch(() => undefined);
    if (credit !== undefined) {
      const compose = await rejected("compose", 1);
      await expect(fixRejectedDocument(t.db, credit.id, requestOf(compose))).rejects.toBeInstanceOf(ActionNotAllowedError);
    }
    const doc = await rejected("compose", 1);
    const request = requestOf(doc);
    request.input.issuer.vat = "EL090000045";
    await expect(fixRejectedDocument(t.db, doc.id, request)).rejects.toThrow(/issuer cannot change/);
    await expect(fixRejectedDocument(t.db, "00000000-0000-4000-8000-000000000000", request)).rejects.toBeInstanceOf(DocumentNotFoundError);
    expect((await t.db.selectFrom("documents").select("status").where("id", "=", doc.id).executeTakeFirstOrThrow()).status).toBe("rejected");
  });

  it("lets exactly one of two simultaneous fixes through", async () => {
    const doc = await rejected("compose", 2);
    const request = requestOf(doc);
    const outcomes = await Promise.allSettled([fixRejectedDocument(t.db, doc.id, request), fixRejectedDocument(t.db, doc.id, request)]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(ActionNotAllowedError);
    const fixes = await t.db.selectFrom("events").select("id").where("document_id", "=", doc.id).where("type", "=", "fixed").execute();
    expect(fixes).toHaveLength(1);
  });
});
