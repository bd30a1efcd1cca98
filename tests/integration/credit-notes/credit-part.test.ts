import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthUser } from "@/lib/auth/roles";
import { creditPartDraft } from "@/lib/credit-notes/credit-part";
import { creditIssuedDocument, issueOnDb, type CallerContext } from "@/lib/credit-notes/issue";
import { listIssued } from "@/lib/credit-notes/issued";
import type { AppError, ValidationFailure } from "@/lib/domain/errors";
import type { ProviderClient } from "@/lib/provider/client-types";
import { AlreadyCreditedError } from "@/lib/sending/credit-ledger";
import { draftSnapshotSchema } from "@/lib/validation/draft-snapshot";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { defineSampleIssuerInDb } from "@/tests/support/defined-settings";
import { clientFor, driveUntilSettled, manualWorker } from "@/tests/integration/sending/harness";

const clerk: AuthUser = { id: "clerk-1", email: "clerk@example.gr", name: "Clerk", role: "clerk" };
const caller: CallerContext = { user: clerk, locale: "en", correlationId: "t", idempotencyKey: undefined };

describe.each(testEngines())("credit part of an issued invoice on %s", (engine) => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let client: ProviderClient;
  let mark: string;

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([openTestDb(engine), startTestSandbox({ seedErp: true })]);
    client = clientFor(sandbox, 5_000);
    const at = new Date().toISOString();
    await defineSampleIssuerInDb(t.db, ["PC", "PF"], sandbox.vat);
    await t.db.insertInto("counterparties").values({ id: "c1", name: "ΞΕΝΟΔΟΧΕΙΑ ΑΙΓΑΙΟΥ Ο.Ε.", vat: "EL800512413", code: null, country_code: "GR", city: "ΡΟΔΟΣ", street: "ΑΚΤΗ ΜΙΑΟΥΛΗ 3", postal_code: "85100", emails_json: "[]", created_at: at, updated_at: at }).execute();
    mark = (await listIssued(t.db, client, { issuerVat: sandbox.vat, q: "1042" }, "en")).items[0]?.mark ?? "";
  }, 60_000);
  afterAll(async () => {
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });

  async function draftOf(parts: { lineNumber: number; quantity: string }[], series: string) {
    const { draftId } = await creditPartDraft(t.db, client, mark, { parts, series, issuerVat: sandbox.vat }, caller);
    const row = await t.db.selectFrom("drafts").selectAll().where("id", "=", draftId).executeTakeFirstOrThrow();
    return draftSnapshotSchema.parse(JSON.parse(row.json));
  }

  it("2 of 10 items → a draft of a 5.1 on the review step → issued and accepted with CorrelatedInvoices = the MARK and the right totals", async () => {
    const snapshot = await draftOf([{ lineNumber: 1, quantity: "2" }], "PC");
    expect(snapshot.step).toBe(4);
    expect(snapshot.draft).toMatchObject({
      correlatedMark: mark, reference: "ΤΔΑ/1042", counterparty: { name: "ΞΕΝΟΔΟΧΕΙΑ ΑΙΓΑΙΟΥ Ο.Ε.", vat: "EL800512413" },
      lines: [{ description: "Πετσέτα μπάνιου λευκή", quantity: "2", unitPrice: "10", vatCategory: 1, incomeClassification: { category: "category1_1", type: "E3_561_001" } }],
      payments: [{ methodCode: 5, amount: "24,8" }],
    });
    const issued = await issueOnDb(t.db, client, { draft: snapshot.draft }, caller);
    const doc = await t.db.selectFrom("documents").selectAll().where("id", "=", issued.id).executeTakeFirstOrThrow();
    expect([doc.net_cents, doc.vat_cents, doc.gross_cents]).toEqual([2000, 480, 2480]);
    expect(JSON.parse(doc.payload_json)).toMatchObject({ InvoiceTypeCode: "5.1", CorrelatedInvoices: [Number(mark)], Summaries: { TotalGrossValue: 24.8 } });
    const worker = manualWorker(t.db, client);
    try {
      expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    } finally {
      await worker.stop();
    }
    const atProvider = (await sandbox.documents()).find((d) => d.series === "PC");
    expect(atProvider).toMatchObject({ invoiceType: "5.1", totals: { net: 20, vat: 4.8, gross: 24.8 } });
    const allocation = await t.db.selectFrom("credit_allocations").selectAll().where("document_id", "=", issued.id).executeTakeFirstOrThrow();
    expect(JSON.parse(allocation.lines_json ?? "[]")).toEqual([{ lineNumber: 1, quantityMilli: 2000, netCents: 2000, vatCents: 480 }]);
  });

  it("a full credit is then refused with the amounts; the rest (8) is allowed; one more item is refused, as is a quantity beyond the line", async () => {
    const row = (await listIssued(t.db, client, { issuerVat: sandbox.vat, q: "1042" }, "en")).items[0];
    expect(row?.creditedGross).toBe("24.80");
    const full = await creditIssuedDocument(t.db, client, { authenticationCode: row?.authenticationCode, mark, series: "PF", issuerVat: sandbox.vat }, caller).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(AlreadyCreditedError);
    expect((full as AppError).params).toMatchObject({ credited: "24,80", total: "124,00", remaining: "99,20", requested: "124,00" });
    const beyond = await draftOf([{ lineNumber: 1, quantity: "9" }], "PC").catch((e: unknown) => e);
    expect((beyond as ValidationFailure).errors).toEqual([expect.objectContaining({ path: "parts.0.quantity", code: "quantity_above_original", message: expect.stringContaining("8") })]);
    const rest = await draftOf([{ lineNumber: 1, quantity: "8" }], "PC");
    const second = await issueOnDb(t.db, client, { draft: rest.draft }, caller);
    expect(second).toMatchObject({ created: true, number: "2" });
    const ledger = await t.db.selectFrom("credit_ledger").selectAll().where("original_mark", "=", mark).executeTakeFirstOrThrow();
    expect(ledger.credited_gross_cents).toBe(12400);
    // Issuing the same 8 again (another draft saved before the first was issued) is refused on its line (nothing remains of it), and takes no number.
    const again = await issueOnDb(t.db, client, { draft: { ...rest.draft, id: crypto.randomUUID() } }, caller).catch((e: unknown) => e);
    expect((again as ValidationFailure).errors).toEqual([expect.objectContaining({ path: "draft.lines.0.quantity", code: "part_quantity_above_remaining" })]);
    const more = await draftOf([{ lineNumber: 1, quantity: "1" }], "PC").catch((e: unknown) => e);
    expect((more as ValidationFailure).errors).toEqual([expect.objectContaining({ path: "parts.0.quantity", code: "quantity_above_original" })]);
    expect((await t.db.selectFrom("series").select("next_number").where("code", "=", "PC").executeTakeFirstOrThrow()).next_number).toBe(3);
  });
});
