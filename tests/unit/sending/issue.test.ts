import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import { editableDraftOf, STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { parseDraft } from "@/lib/validation/parse-draft";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { creditExistingDocument } from "@/lib/sending/credit-existing";
import { issueCreditNote } from "@/lib/sending/issue";
import { sha256Hex } from "@/lib/sending/outbox";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { sampleCreditNoteInput, sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";

describe.each(testEngines())("putting documents in the outbox on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t.cleanup();
  });
  const load = (id: string) => t.db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("stores exactly the document the domain builds for the fixed identity, with its totals and a queued event", async () => {
    const now = new Date("2025-07-15T21:30:00.000Z");
    const request = sampleIssueRequest({ series: "OB1" });
    const issued = await issueCreditNote(t.db, request, { now, actor: "u1" });
    const row = await load(issued.id);
    const identity = { internalDocumentId: row.internal_document_id, series: "OB1", number: "1", issuedAt: formatAthensDateTime(now) };
    expect(row.issued_at).toBe("2025-07-16T00:30:00");
    expect(row.payload_json).toBe(JSON.stringify(buildProviderDocument(request.input, identity)));
    expect(row.payload_sha256).toBe(sha256Hex(row.payload_json));
    expect(row).toMatchObject({
      kind: "compose", status: "queued", next_action: "send", attempt_count: 0, issuer_vat: "EL094259216", draft_id: request.draftId,
      net_cents: 644, vat_cents: 155, gross_cents: 799, counterparty_name: "FOREIGN COMPANY", counterparty_vat: "DE123456789", created_by: "u1",
      next_attempt_at: now.toISOString(), deadline_at: new Date(now.getTime() + 86_400_000).toISOString(),
    });
    expect(row.internal_document_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const events = await t.db.selectFrom("events").selectAll().where("document_id", "=", issued.id).execute();
    expect(events).toMatchObject([{ type: "queued", actor: "u1" }]);
  });

  it("stores the validated draft beside the payload, with the identity it was given, in the compose form's text", async () => {
    const now = new Date("2025-07-15T21:30:00.000Z");
    const request = sampleIssueRequest({ series: "OB4", draftId: undefined });
    const row = await load((await issueCreditNote(t.db, request, { now })).id);
    const identity = { series: "OB4", number: "1", issuedAt: "2025-07-16T00:30:00" };
    expect(row.draft_version).toBe(STORED_DRAFT_VERSION);
    const draft = JSON.parse(row.draft_json ?? "null") as Record<string, unknown>;
    expect(draft).toEqual(editableDraftOf(request.input, identity));
    expect(draft).toMatchObject({ ...identity, priceEntry: "gross", lines: [{ unitPrice: "7,99", quantity: "1", discountPercent: "0" }], payments: [{ amount: "7,99" }] });
    // Read with the draft schema it is the very input the payload was built from.
    const reparsed = parseDraft(draft);
    expect(reparsed.ok && reparsed.value.input).toEqual(request.input);
    expect(reparsed.ok && buildProviderDocument(reparsed.value.input, { ...identity, internalDocumentId: row.internal_document_id })).toEqual(JSON.parse(row.payload_json));
  });

  it("keeps a given issue time and numbers one issuer's series alike however its VAT is written", async () => {
    const input = sampleCreditNoteInput();
    const a = await issueCreditNote(t.db, sampleIssueRequest({ series: "OB2", issuedAt: "2025-01-02T03:04:05" }));
    const b = await issueCreditNote(t.db, sampleIssueRequest({ series: "OB2", input: { ...input, issuer: { ...input.issuer, vat: "094259216" } } }));
    expect((await load(a.id)).issued_at).toBe("2025-01-02T03:04:05");
    expect([a.number, b.number]).toEqual(["1", "2"]);
    expect((await load(b.id)).issuer_vat).toBe("EL094259216");
  });

  it("a second call for the same draft answers the first document, whatever it now says", async () => {
    const request = sampleIssueRequest({ series: "OB3" });
    const first = await issueCreditNote(t.db, request);
    const again = await issueCreditNote(t.db, { ...request, series: "OTHER", number: "99" });
    expect(again).toEqual({ ...first, created: false });
  });

  it("stores a credit of an issued document as the exact /Invoice/credit body, MARK as a number", async () => {
    const issued = await creditExistingDocument(
      t.db,
      { authenticationCode: " AUTH-1 ", mark: "400001234567890", relateCredit: true, series: "CR", issuerVat: "el094259216" },
      { idempotencyKey: "k-credit-1" },
    );
    const row = await load(issued.id);
    const body = JSON.parse(row.payload_json) as Record<string, unknown>;
    expect(body).toEqual({
      issuerTin: "EL094259216", authenticationCode: "AUTH-1", mark: 400001234567890, series: "CR", number: "1",
      internalId: row.internal_document_id, relateCredit: true, preventDocumentMapping: false,
    });
    expect(JSON.stringify(body)).toBe(row.payload_json);
    expect(row).toMatchObject({ kind: "credit_existing", net_cents: null, gross_cents: null, status: "queued", draft_json: null, draft_version: null });
    const again = await creditExistingDocument(t.db, { authenticationCode: "x", mark: "1", relateCredit: false, series: "CR", issuerVat: "EL094259216" }, { idempotencyKey: "k-credit-1" });
    expect(again.id).toBe(issued.id);
  });
});
