import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthUser } from "@/lib/auth/roles";
import { creditIssuedDocument, type CallerContext } from "@/lib/credit-notes/issue";
import { AppError, ValidationFailure } from "@/lib/domain/errors";
import type { ProviderClient } from "@/lib/provider/client-types";
import type { ListedDocument } from "@/lib/provider";
import { closeOutDocument } from "@/lib/sending/close-out";
import { fixCreditRequest } from "@/lib/sending/fix-credit";
import { AlreadyCreditedError } from "@/lib/sending/credit-ledger";
import { ActionNotAllowedError } from "@/lib/sending/errors";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { defineSampleIssuerInDb } from "@/tests/support/defined-settings";
import { clientFor } from "@/tests/integration/sending/harness";

const clerk = (n: number): AuthUser => ({ id: `clerk-${n}`, email: `clerk${n}@example.gr`, name: `Clerk ${n}`, role: "clerk" });
const admin: AuthUser = { id: "admin", email: "admin@example.gr", name: "Admin", role: "admin" };
const callerOf = (user: AuthUser, key?: string): CallerContext => ({ user, locale: "en", correlationId: "test", idempotencyKey: key });

describe.each(testEngines())("crediting an issued invoice on %s", (engine) => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let client: ProviderClient;
  let erp: Record<string, ListedDocument>;

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([openTestDb(engine), startTestSandbox({ seedErp: true })]);
    client = clientFor(sandbox, 5_000);
    await defineSampleIssuerInDb(t.db, ["K", "P", "V", "W"].map((letter) => `${letter}${engine[0]}`).concat("X"), sandbox.vat);
    const listed = await client.listDocuments({ issuerVat: sandbox.vat, from: "2000-01-01", to: "2100-01-01" });
    if (listed.kind !== "listed") throw new Error(listed.message);
    erp = Object.fromEntries(listed.rows.map((row) => [row.number, row]));
  }, 60_000);
  afterAll(async () => {
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });

  const ledgerOf = async (mark: string) =>
    t.db.selectFrom("credit_ledger").selectAll().where("original_mark", "=", mark).executeTakeFirst();
  const nextNumberOf = async (series: string) =>
    (await t.db.selectFrom("series").select("next_number").where("code", "=", series).executeTakeFirst())?.next_number ?? null;
  const documentsIn = async (series: string) =>
    t.db.selectFrom("documents").selectAll().where("series", "=", series).orderBy("number").execute();

  it("two clerks crediting the same invoice at the same moment: one credit, at most its total, one number", async () => {
    const original = erp["1043"];
    if (original === undefined) throw new Error("seed");
    const body = { authenticationCode: original.authenticationCode, mark: original.mark, relateCredit: true, series: `K${engine[0]}`, issuerVat: sandbox.vat };
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, n) => creditIssuedDocument(t.db, client, body, callerOf(clerk(n), `race-${engine}-${n}`))));
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(fulfilled).toHaveLength(1);
    expect(refused).toHaveLength(5);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AlreadyCreditedError);
      expect((error as AppError).params).toMatchObject({ credited: "7,99", total: "7,99", remaining: "0,00", requested: "7,99" });
    }
    expect(await ledgerOf(original.mark ?? "")).toMatchObject({ original_gross_cents: 799, credited_gross_cents: 799 });
    const docs = await documentsIn(`K${engine[0]}`);
    expect(docs.map((doc) => [doc.number, doc.net_cents, doc.vat_cents, doc.gross_cents, doc.counterparty_vat])).toEqual([["1", 644, 155, 799, "EL800512345"]]);
    // No number burnt by the five refusals.
    expect(await nextNumberOf(`K${engine[0]}`)).toBe(2);
    const payload = JSON.parse(docs[0]?.payload_json ?? "{}") as Record<string, unknown>;
    expect(payload).toMatchObject({ authenticationCode: original.authenticationCode, mark: Number(original.mark), relateCredit: true, number: "1" });
  });

  it("the Idempotency-Key is the clerk's own and bound to the request: replayed for the same body, refused for another; another clerk's same key is a request of its own", async () => {
    // An invoice of its own, made by the sandbox's ERP from the 7,99 € template.
    const made = await fetch(`${sandbox.baseUrl}/__control/erp-invoices`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ template: "1043", series: "ERPKEY", number: "1" }) });
    const original = (await made.json()) as { authenticationCode: string; mark: string };
    const key = `credit-key-${engine}`;
    const body = { authenticationCode: original.authenticationCode, mark: original.mark, relateCredit: false, series: "X", issuerVat: sandbox.vat };
    const first = await creditIssuedDocument(t.db, client, body, callerOf(clerk(7), key));
    expect(first).toMatchObject({ created: true });
    expect(await creditIssuedDocument(t.db, client, body, callerOf(clerk(7), key))).toMatchObject({ id: first.id, created: false });
    const changed = await creditIssuedDocument(t.db, client, { ...body, relateCredit: true }, callerOf(clerk(7), key)).catch((error: unknown) => error);
    expect((changed as AppError).code).toBe("idempotency_key_reused");
    // Not handed the first clerk's document: its own request, which the never-twice guard refuses.
    const other = await creditIssuedDocument(t.db, client, body, callerOf(clerk(8), key)).catch((error: unknown) => error);
    expect(other).toBeInstanceOf(AlreadyCreditedError);
    expect((await documentsIn("X")).map((doc) => doc.id)).toEqual([first.id]);
  });

  it("a pasted code with spaces and in lower case works; a wrong code is refused before a number is taken", async () => {
    const original = erp["1041"];
    if (original === undefined) throw new Error("seed");
    const series = `P${engine[0]}`;
    const wrong = { authenticationCode: "0".repeat(40), mark: original.mark, series, issuerVat: sandbox.vat };
    const refusal = await creditIssuedDocument(t.db, client, wrong, callerOf(clerk(1))).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailure);
    expect((refusal as ValidationFailure).errors).toEqual([expect.objectContaining({ path: "authenticationCode", code: "original_not_found" })]);
    expect(await nextNumberOf(series)).toBe(1);
    const code = original.authenticationCode ?? "";
    const pasted = ` ${code.slice(0, 20).toLowerCase()} ${code.slice(20).toLowerCase()}\n`;
    const spacedMark = (original.mark ?? "").replace(/(\d{3})(?=\d)/g, "$1 ");
    const result = await creditIssuedDocument(t.db, client, { authenticationCode: pasted, mark: spacedMark, series, issuerVat: sandbox.vat }, callerOf(clerk(1)));
    expect(result).toMatchObject({ created: true, number: "1" });
    const [doc] = await documentsIn(series);
    expect(JSON.parse(doc?.payload_json ?? "{}")).toMatchObject({ authenticationCode: code, relateCredit: false });
    expect([doc?.net_cents, doc?.vat_cents, doc?.gross_cents]).toEqual([15800, 2918, 18718]);
  });

  it("refuses a second full credit with the amounts; an admin may override with a reason, which is audited; a clerk may not", async () => {
    const original = erp["1041"];
    if (original === undefined) throw new Error("seed");
    const body = { authenticationCode: original.authenticationCode, mark: original.mark, series: `P${engine[0]}`, issuerVat: sandbox.vat };
    const again = await creditIssuedDocument(t.db, client, body, callerOf(clerk(2))).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(AlreadyCreditedError);
    expect((again as AppError).params).toMatchObject({ credited: "187,18", total: "187,18", remaining: "0,00" });
    const byClerk = await creditIssuedDocument(t.db, client, { ...body, overrideReason: "ο πελάτης πληρώθηκε δύο φορές" }, callerOf(clerk(2))).catch((error: unknown) => error);
    expect((byClerk as ValidationFailure).errors).toEqual([expect.objectContaining({ path: "overrideReason", code: "override_admin_only" })]);
    expect(await nextNumberOf(`P${engine[0]}`)).toBe(2);
    const overridden = await creditIssuedDocument(t.db, client, { ...body, overrideReason: "ο πελάτης πληρώθηκε δύο φορές" }, callerOf(admin));
    expect(overridden).toMatchObject({ created: true, number: "2" });
    expect(await ledgerOf(original.mark ?? "")).toMatchObject({ credited_gross_cents: 2 * 18718 });
    const audit = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "credit_note.credit_override").where("target", "=", overridden.id).executeTakeFirstOrThrow();
    expect(audit.actor).toBe(admin.email);
    expect(JSON.parse(audit.detail_json ?? "{}")).toMatchObject({ reason: "ο πελάτης πληρώθηκε δύο φορές", mark: original.mark });
  });

  it("never offers a credit note: our own credit and a 5.x in the list are refused as not creditable", async () => {
    const [ours] = await documentsIn(`K${engine[0]}`);
    await t.db.updateTable("documents").set({ authentication_code: "ABCDEF0123456789ABCDEF0123456789ABCDEF01", mark: "400009999999999" }).where("id", "=", ours?.id ?? "").execute();
    const refusal = await creditIssuedDocument(t.db, client, { authenticationCode: "abcdef0123456789abcdef0123456789abcdef01", mark: "400009999999999", series: "X", issuerVat: sandbox.vat }, callerOf(clerk(3)))
      .catch((error: unknown) => error);
    expect((refusal as ValidationFailure).errors).toEqual([expect.objectContaining({ path: "authenticationCode", code: "not_creditable" })]);
  });

  it("closing out a rejected credit keeps its number, leaves needs action, gives the amount back; twice is refused", async () => {
    const original = erp["310"];
    if (original === undefined) throw new Error("seed");
    const series = `V${engine[0]}`;
    const body = { authenticationCode: original.authenticationCode, mark: original.mark, series, issuerVat: sandbox.vat };
    const first = await creditIssuedDocument(t.db, client, body, callerOf(clerk(4)));
    await t.db.updateTable("documents").set({ status: "rejected", next_action: null }).where("id", "=", first.id).execute();
    expect((await ledgerOf(original.mark ?? ""))?.credited_gross_cents).toBe(42520);
    const closed = await closeOutDocument(t.db, first.id, { actor: "clerk4@example.gr", reason: "λάθος σειρά" });
    expect(closed).toMatchObject({ status: "rejected", released: true });
    expect((await ledgerOf(original.mark ?? ""))?.credited_gross_cents).toBe(0);
    const event = await t.db.selectFrom("events").selectAll().where("document_id", "=", first.id).where("type", "=", "closed_out").executeTakeFirstOrThrow();
    expect(event.actor).toBe("clerk4@example.gr");
    expect(JSON.parse(event.detail_json ?? "{}")).toMatchObject({ reason: "λάθος σειρά", from: "rejected" });
    await expect(closeOutDocument(t.db, first.id, { actor: "x", reason: "again" })).rejects.toBeInstanceOf(ActionNotAllowedError);
    // Credited again after the close-out: a new number, never the closed one's.
    const second = await creditIssuedDocument(t.db, client, body, callerOf(clerk(4)));
    expect(second.number).toBe("2");
  });

  it("a rejected credit is corrected and resent with its own number; a closed-out one is not", async () => {
    const original = erp["1042"];
    if (original === undefined) throw new Error("seed");
    const series = `W${engine[0]}`;
    const first = await creditIssuedDocument(t.db, client, { authenticationCode: original.authenticationCode, mark: original.mark, series, issuerVat: sandbox.vat, relateCredit: false }, callerOf(clerk(5)));
    await t.db.updateTable("documents").set({ status: "rejected", next_action: null, last_error_json: JSON.stringify({ kind: "rejected", httpStatus: 400, message: "x", errors: [] }) }).where("id", "=", first.id).execute();
    const fixed = await fixCreditRequest(t.db, first.id, { authenticationCode: original.authenticationCode ?? "", mark: original.mark ?? "", relateCredit: true }, { actor: "clerk5@example.gr" });
    expect(fixed).toMatchObject({ status: "queued", series, number: "1", internalDocumentId: first.internalDocumentId });
    const doc = await t.db.selectFrom("documents").selectAll().where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(JSON.parse(doc.payload_json)).toMatchObject({ relateCredit: true, number: "1", series });
    expect(doc.last_error_json).toBeNull();
    await expect(fixCreditRequest(t.db, first.id, { authenticationCode: "X", mark: original.mark ?? "", relateCredit: true })).rejects.toBeInstanceOf(ActionNotAllowedError);
    await t.db.updateTable("documents").set({ status: "rejected" }).where("id", "=", first.id).execute();
    await closeOutDocument(t.db, first.id, { actor: "clerk5@example.gr", reason: "δεν χρειάζεται" });
    await expect(fixCreditRequest(t.db, first.id, { authenticationCode: "X", mark: original.mark ?? "", relateCredit: true })).rejects.toBeInstanceOf(ActionNotAllowedError);
  });
});
