import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftValuesFromDocument } from "@/lib/credit-notes/copy-document";
import { loadFixDraft } from "@/lib/credit-notes/fix";
import { findDocumentDraft } from "@/lib/db/compose-queries";
import { editableDraftOf, STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { loadDetail } from "@/lib/history/detail";
import { creditExistingDocument } from "@/lib/sending/credit-existing";
import { fixRejectedDocument } from "@/lib/sending/fix";
import { issueCreditNote } from "@/lib/sending/issue";
import { sha256Hex } from "@/lib/sending/outbox";
import { editableDraftSchema } from "@/lib/validation/draft-snapshot";
import { readStoredDraft } from "@/lib/validation/stored-draft";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";

/** A payload that reads as another document altogether: other counterparty, other price, other amounts. */
function misleading(payloadJson: string): string {
  const payload = JSON.parse(payloadJson) as { CounterParty: { RegisteredName: string }; Details: Record<string, number>[]; PaymentDetails: { PaymentMethods: { Amount: number }[] } };
  payload.CounterParty.RegisteredName = "ΑΛΛΗ ΕΠΩΝΥΜΙΑ";
  Object.assign(payload.Details[0]!, { UnitPrice: 1.005, CatalogUnitPrice: 2.675, NetTotal: 4.35, VATTotal: 1.04, Total: 5.39 });
  payload.PaymentDetails.PaymentMethods[0]!.Amount = 5.39;
  return JSON.stringify(payload);
}

describe.each(testEngines())("the stored draft is what history, copy and Fix & resend read (%s)", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  }, 60_000);
  afterAll(async () => {
    await t.cleanup();
  });

  /** An issued document made `rejected`, its payload replaced by one that reads differently. */
  async function rejectedWithMisleadingPayload(series: string) {
    const request = sampleIssueRequest({ series, issuedAt: "2025-03-24T10:00:00" });
    const { id } = await issueCreditNote(t.db, request);
    const row = await t.db.selectFrom("documents").select("payload_json").where("id", "=", id).executeTakeFirstOrThrow();
    const payloadJson = misleading(row.payload_json);
    await t.db.updateTable("documents").set({ payload_json: payloadJson, payload_sha256: sha256Hex(payloadJson), status: "rejected", next_action: null }).where("id", "=", id).execute();
    return { id, request, payloadJson };
  }

  it("shows the sent document from its draft, amounts recomputed in cents, and the wire JSON as it is", async () => {
    const { id, payloadJson } = await rejectedWithMisleadingPayload("SD1");
    const detail = await loadDetail(t.db, id, { canAct: true });
    expect(detail?.sent).toMatchObject({
      kind: "compose", series: "SD1", number: "1", counterparty: { name: "FOREIGN COMPANY" },
      lines: [{ unitNetCents: 644, netCents: 644, vatCents: 155, totalCents: 799 }],
      payments: [{ amountCents: 799 }], totals: { netCents: 644, vatCents: 155, grossCents: 799 },
    });
    // "What was sent" still shows the wire, exactly.
    expect(JSON.parse(detail?.payloadPretty ?? "null")).toEqual(JSON.parse(payloadJson));
  });

  it("copies a document as new from its draft", async () => {
    const { id } = await rejectedWithMisleadingPayload("SD2");
    const stored = await findDocumentDraft(t.db, { id });
    const values = draftValuesFromDocument(readStoredDraft(stored?.json ?? null, stored?.version ?? null), "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", []);
    expect(values).toMatchObject({ series: "SD2", priceEntry: "gross", counterparty: { name: "FOREIGN COMPANY" }, lines: [{ unitPrice: "7,99" }], payments: [{ amount: "7,99" }] });
  });

  it("starts Fix & resend from the stored draft, and a fix stores the corrected draft in the same transaction", async () => {
    const { id, request } = await rejectedWithMisleadingPayload("SD3");
    const identity = { series: "SD3", number: "1", issuedAt: "2025-03-24T10:00:00" };
    expect(await loadFixDraft(t.db, id)).toEqual(editableDraftSchema.parse(editableDraftOf(request.input, identity)));

    const corrected = { ...request, input: { ...request.input, counterparty: { ...request.input.counterparty, name: "ΔΙΟΡΘΩΜΕΝΗ Α.Ε." } } };
    await fixRejectedDocument(t.db, id, { ...corrected, series: "OTHER", number: "77" }, { draft: { as: "typed" } });
    const row = await t.db.selectFrom("documents").select(["draft_json", "draft_version", "status"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("queued");
    expect(row.draft_version).toBe(STORED_DRAFT_VERSION);
    // The corrected content with the identity the document keeps, whatever the request said.
    expect(JSON.parse(row.draft_json ?? "null")).toEqual(editableDraftOf(corrected.input, identity));
    expect(await loadFixDraft(t.db, id)).toMatchObject({ ...identity, counterparty: { name: "ΔΙΟΡΘΩΜΕΝΗ Α.Ε." } });
  });

  it("keeps the identity of the document over the stored draft's, and has no draft for a credit of an issued document", async () => {
    const { id } = await rejectedWithMisleadingPayload("SD4");
    const row = await t.db.selectFrom("documents").select("draft_json").where("id", "=", id).executeTakeFirstOrThrow();
    await t.db.updateTable("documents").set({ draft_json: JSON.stringify({ ...JSON.parse(row.draft_json ?? "{}"), number: "999" }) }).where("id", "=", id).execute();
    expect(await loadFixDraft(t.db, id)).toMatchObject({ series: "SD4", number: "1" });

    const credit = await creditExistingDocument(t.db, { authenticationCode: "AUTH", mark: "400001234567890", relateCredit: false, series: "SD5", issuerVat: "EL094259216" });
    expect(await loadFixDraft(t.db, credit.id)).toBeNull();
    expect((await loadDetail(t.db, credit.id, { canAct: true }))?.sent).toEqual({ kind: "credit_existing", authenticationCode: "AUTH", mark: "400001234567890", relateCredit: false, series: "SD5", number: "1" });
  });
});
