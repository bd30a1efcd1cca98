import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthUser } from "@/lib/auth/roles";
import { checkedPartLines, creditPartDraft } from "@/lib/credit-notes/credit-part";
import { issueOnDb, type CallerContext } from "@/lib/credit-notes/issue";
import { listIssued } from "@/lib/credit-notes/issued";
import type { ValidationFailure } from "@/lib/domain/errors";
import type { OriginalLine } from "@/lib/domain/issued-original";
import type { ProviderClient } from "@/lib/provider/client-types";
import { draftSnapshotSchema, type ComposeValues } from "@/lib/validation/draft-snapshot";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { defineSampleIssuerInDb } from "@/tests/support/defined-settings";

/**
 * The server's check of what a credit of part may carry: every composed line corresponds to a
 * line of the original (VAT category, exemption, classification) and credits no more than
 * remains of it — whatever the clerk edited in the wizard's earlier steps.
 */

const clerk: AuthUser = { id: "clerk-1", email: "clerk@example.gr", name: "Clerk", role: "clerk" };
const caller: CallerContext = { user: clerk, locale: "en", correlationId: "t", idempotencyKey: undefined };
const RATE: Record<number, number> = { 1: 24, 2: 13, 3: 6, 6: 4 };

/** Euros text "12,5" → cents. */
const cents = (text: string) => Math.round(Number(text.replace(",", ".")) * 100);

/** The draft with its single payment equal to its lines' gross (so only the line check can refuse it). */
function paid(draft: ComposeValues): ComposeValues {
  const gross = draft.lines.reduce((sum, line) => {
    const net = Math.round((cents(line.unitPrice) * Number(line.quantity.replace(",", "."))));
    return sum + net + Math.round((net * (RATE[line.vatCategory] ?? 0)) / 100);
  }, 0);
  const counterparty = { ...draft.counterparty, name: "ΚΑΤΑΣΤΗΜΑ", address: { ...draft.counterparty.address, city: "ΑΘΗΝΑ", street: "ΟΔΟΣ 1", postalCode: "10551" } };
  return { ...draft, counterparty, id: crypto.randomUUID(), payments: [{ methodCode: 5, amount: (gross / 100).toFixed(2).replace(".", ",") }] };
}

describe.each(testEngines())("the lines a credit of part may carry, on %s", (engine) => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let client: ProviderClient;
  let mark: string;

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([openTestDb(engine), startTestSandbox({ seedErp: true })]);
    client = (await import("@/tests/integration/sending/harness")).clientFor(sandbox, 5_000);
    await defineSampleIssuerInDb(t.db, ["PC"], sandbox.vat);
    mark = (await listIssued(t.db, client, { issuerVat: sandbox.vat, q: "1041" }, "en")).items[0]?.mark ?? "";
  }, 60_000);
  afterAll(async () => {
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });

  async function draftOf(parts: { lineNumber: number; quantity: string }[]): Promise<ComposeValues> {
    const { draftId } = await creditPartDraft(t.db, client, mark, { parts, series: "PC", issuerVat: sandbox.vat }, caller);
    const row = await t.db.selectFrom("drafts").selectAll().where("id", "=", draftId).executeTakeFirstOrThrow();
    return draftSnapshotSchema.parse(JSON.parse(row.json)).draft;
  }
  const nextNumber = async () => (await t.db.selectFrom("series").select("next_number").where("code", "=", "PC").executeTakeFirstOrThrow()).next_number;
  async function refusal(draft: ComposeValues, locale: "el" | "en" = "en") {
    const error = await issueOnDb(t.db, client, { draft }, { ...caller, locale }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ValidationFailure" });
    return (error as ValidationFailure).errors;
  }

  it("a line edited to a VAT category or classification the original does not have is refused, naming the field, with no number used", async () => {
    const draft = await draftOf([{ lineNumber: 2, quantity: "1" }]);
    expect(draft.lines[0]).toMatchObject({ vatCategory: 2, unitPrice: "12,5" });
    const before = await nextNumber();
    const base = draft.lines[0]!;
    expect(await refusal(paid({ ...draft, lines: [{ ...base, vatCategory: 6 }] }))).toEqual([
      expect.objectContaining({ path: "draft.lines.0.vatCategory", code: "part_vat_not_in_original", message: expect.stringContaining("no line of the original has this VAT category") }),
    ]);
    const greek = await refusal(paid({ ...draft, lines: [base, { ...base, vatCategory: 6 }] }), "el");
    expect(greek).toEqual([expect.objectContaining({ path: "draft.lines.1.vatCategory", message: expect.stringContaining("καμία γραμμή του αρχικού δεν έχει αυτή την κατηγορία ΦΠΑ") })]);
    // Category 3 exists on the original (line 3), but not with this description's classification type.
    expect(await refusal(paid({ ...draft, lines: [{ ...base, incomeClassification: { category: "category1_1", type: "E3_561_002" } }] }))).toEqual([
      expect.objectContaining({ path: "draft.lines.0.incomeClassification.category", code: "part_classification_not_in_original" }),
    ]);
    expect(await nextNumber()).toBe(before);
  });

  it("no more than remains of a line: by quantity, by net, across the draft's own lines and after an earlier credit", async () => {
    const draft = await draftOf([{ lineNumber: 2, quantity: "1" }]);
    const base = draft.lines[0]!;
    const before = await nextNumber();
    expect(await refusal(paid({ ...draft, lines: [{ ...base, quantity: "5" }] }))).toEqual([
      expect.objectContaining({ path: "draft.lines.0.quantity", code: "part_quantity_above_remaining" }),
    ]);
    expect(await refusal(paid({ ...draft, lines: [{ ...base, unitPrice: "50,01" }] }))).toEqual([
      expect.objectContaining({ path: "draft.lines.0.unitPrice", code: "part_net_above_remaining" }),
    ]);
    expect(await refusal(paid({ ...draft, lines: [{ ...base, quantity: "3" }, { ...base, quantity: "2" }] }))).toEqual([
      expect.objectContaining({ path: "draft.lines.1.quantity", code: "part_quantity_above_remaining" }),
    ]);
    expect(await nextNumber()).toBe(before);
    // 3 of the 4 are credited; then 2 more are refused, 1 more allowed by quantity, and a value beyond the last 12,50 is refused.
    const three = await issueOnDb(t.db, client, { draft: paid({ ...draft, lines: [{ ...base, quantity: "3" }] }) }, caller);
    expect(three.created).toBe(true);
    expect(await refusal(paid({ ...draft, lines: [{ ...base, quantity: "2" }] }))).toEqual([
      expect.objectContaining({ path: "draft.lines.0.quantity", code: "part_quantity_above_remaining" }),
    ]);
    expect(await refusal(paid({ ...draft, lines: [{ ...base, quantity: "1", unitPrice: "12,51" }] }))).toEqual([
      expect.objectContaining({ path: "draft.lines.0.unitPrice", code: "part_net_above_remaining" }),
    ]);
    expect(await nextNumber()).toBe(before + 1);
    const rest = await issueOnDb(t.db, client, { draft: paid({ ...draft, lines: [{ ...base, quantity: "1", unitPrice: "12,5" }] }) }, caller);
    expect(rest.created).toBe(true);
  });

  it("an exemption the original's line does not carry is refused on that field (the check itself)", () => {
    const original: OriginalLine[] = [{
      lineNumber: 1, description: "Εξαγωγή", quantityMilli: 1000, unitCode: 1, netCents: 10_000, vatCents: 0, vatCategory: 7, vatExemptionCategory: 8,
      incomeClassification: { category: "category1_1", type: "E3_561_005" },
    }];
    const line = { description: "Εξαγωγή", vatCategory: 7, vatExemptionCategory: 14, incomeClassification: { category: "category1_1", type: "E3_561_005" }, quantityMilli: 1000 };
    let error: unknown;
    try {
      checkedPartLines(original, [], [line], [{ netCents: 10_000, vatCents: 0 }], "en");
    } catch (e) {
      error = e;
    }
    expect((error as ValidationFailure).errors).toEqual([expect.objectContaining({ path: "draft.lines.0.vatExemptionCategory", code: "part_exemption_not_in_original" })]);
    expect(checkedPartLines(original, [], [{ ...line, vatExemptionCategory: 8 }], [{ netCents: 10_000, vatCents: 0 }], "en")).toEqual([{ lineNumber: 1, quantityMilli: 1000, netCents: 10_000, vatCents: 0 }]);
  });
});

describe.each(testEngines())("credit part by an amount per line, on %s", (engine) => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let client: ProviderClient;
  let mark: string;

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([openTestDb(engine), startTestSandbox({ seedErp: true })]);
    client = (await import("@/tests/integration/sending/harness")).clientFor(sandbox, 5_000);
    await defineSampleIssuerInDb(t.db, ["PC"], sandbox.vat);
    mark = (await listIssued(t.db, client, { issuerVat: sandbox.vat, q: "310" }, "en")).items[0]?.mark ?? "";
  }, 60_000);
  afterAll(async () => {
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });

  const nextNumber = async () => (await t.db.selectFrom("series").select("next_number").where("code", "=", "PC").executeTakeFirstOrThrow()).next_number;
  async function draftOf(parts: ({ lineNumber: number; quantity: string } | { lineNumber: number; amount: string })[]) {
    const { draftId } = await creditPartDraft(t.db, client, mark, { parts, series: "PC", issuerVat: sandbox.vat }, caller);
    const row = await t.db.selectFrom("drafts").selectAll().where("id", "=", draftId).executeTakeFirstOrThrow();
    return draftSnapshotSchema.parse(JSON.parse(row.json)).draft;
  }
  const refusedWith = async (parts: Parameters<typeof draftOf>[0]) => ((await draftOf(parts).catch((e: unknown) => e)) as ValidationFailure).errors;

  it("12,40 of line 3 (13%) and 2 hours of line 2 → one line of quantity 1 at that net beside a line by quantity; issued with the right totals", async () => {
    const draft = await draftOf([{ lineNumber: 3, amount: "12,40" }, { lineNumber: 2, quantity: "2" }]);
    expect(draft.lines).toMatchObject([
      { description: "Διαμονή εκπαιδευτή", quantity: "1", unitPrice: "12,4", vatCategory: 2, incomeClassification: { category: "category1_3" } },
      { description: "Εκπαίδευση προσωπικού (ώρες)", quantity: "2", unitPrice: "40", vatCategory: 1 },
    ]);
    // 12,40 + 13% = 14,01 (1,612 → 1,61); 80,00 + 24% = 99,20.
    expect(draft.payments).toEqual([{ methodCode: 5, amount: "113,21" }]);
    const issued = await issueOnDb(t.db, client, { draft: { ...draft, counterparty: { ...draft.counterparty, name: draft.counterparty.name || "ΓΡΑΦΕΙΟ", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ 1", postalCode: "10551" } } } }, caller);
    const doc = await t.db.selectFrom("documents").selectAll().where("id", "=", issued.id).executeTakeFirstOrThrow();
    expect([doc.net_cents, doc.vat_cents, doc.gross_cents]).toEqual([9240, 2081, 11321]);
    const allocation = await t.db.selectFrom("credit_allocations").selectAll().where("document_id", "=", issued.id).executeTakeFirstOrThrow();
    expect(JSON.parse(allocation.lines_json ?? "[]")).toEqual([
      { lineNumber: 3, quantityMilli: 0, netCents: 1240, vatCents: 161 },
      { lineNumber: 2, quantityMilli: 2000, netCents: 8000, vatCents: 1920 },
    ]);
  });

  it("an amount beyond what is left of the line's net is refused with what is left; a quantity whose net no longer fits after an amount, too", async () => {
    const before = await nextNumber();
    expect(await refusedWith([{ lineNumber: 3, amount: "67,61" }])).toEqual([
      expect.objectContaining({ path: "parts.0.amount", code: "amount_above_line", message: expect.stringContaining("67,6") }),
    ]);
    // Line 3 is 1 × 80,00 of which 12,40 was credited by amount: the one unit (80,00) no longer fits.
    expect(await refusedWith([{ lineNumber: 3, quantity: "1" }])).toEqual([expect.objectContaining({ path: "parts.0.quantity", code: "amount_above_line" })]);
    expect(await refusedWith([{ lineNumber: 3, amount: "-1" }])).toEqual([expect.objectContaining({ path: "parts.0.amount", code: "negative" })]);
    expect(await refusedWith([{ lineNumber: 3, amount: "1", quantity: "1" } as never])).toEqual([expect.objectContaining({ path: "parts.0.quantity", code: "quantity_or_amount" })]);
    expect(await refusedWith([{ lineNumber: 1, amount: "1" }, { lineNumber: 1, quantity: "1" }])).toEqual([expect.objectContaining({ path: "parts.1.lineNumber", code: "line_chosen_twice" })]);
    const rest = await draftOf([{ lineNumber: 3, amount: "67,60" }]);
    expect(rest.lines).toMatchObject([{ quantity: "1", unitPrice: "67,6" }]);
    expect(await nextNumber()).toBe(before);
  });
});
