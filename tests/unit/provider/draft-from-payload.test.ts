import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import type { CreditNoteInput, LineInput, LineTaxesInput } from "@/lib/domain/types";
import { isRetiredTaxCategory, taxCategories, type TaxFamily } from "@/lib/domain/fiscal-codes";
import { editableDraftOfDocument } from "@/lib/provider/impact/read-document";
import { editableDraftSchema, type EditableDraft } from "@/lib/validation/draft-snapshot";

/** The editable draft of a stored payload, read through the draft's one declaration. */
const draftFromPayload = (payload: unknown): EditableDraft => editableDraftSchema.parse(editableDraftOfDocument(payload));
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

const IDENTITY = { internalDocumentId: "5f0c6a8e-2b1d-4c3e-9f7a-1a2b3c4d5e6f", series: "ΠΤ", number: "42", issuedAt: "2025-03-24T10:15:00" };

/** Builds the document from a draft read back from a document, with the same identity. */
function rebuilt(payload: unknown): unknown {
  const parsed = parseDraft(draftFromPayload(payload));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildProviderDocument(parsed.value.input, IDENTITY);
}

const line = fc.record({
  description: fc.constantFrom("Φαρδιά ζώνη cowboy", "Service", "Ελαιόλαδο"),
  quantityMilli: fc.integer({ min: 1, max: 50_000 }),
  unitCode: fc.integer({ min: 1, max: 6 }),
  unitPriceCents: fc.integer({ min: 1, max: 2_000_000 }),
  discountBasisPoints: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 99 }).map((p) => p * 100), fc.integer({ min: 0, max: 9_999 })),
  vatCategory: fc.constantFrom(1, 2, 3, 4, 5, 6, 9, 10),
  vatExemptionCategory: fc.constant(null),
  incomeClassification: fc.constant({ category: "category1_1", type: "E3_561_001" as string | null }),
}) satisfies fc.Arbitrary<LineInput>;

/** One tax of a family: a category of its table, with an amount when the category is an amount. */
const taxOf = (family: TaxFamily) =>
  fc.record({ category: fc.constantFrom(...taxCategories(family).filter((category) => !isRetiredTaxCategory(family, category.code))), amountCents: fc.integer({ min: 1, max: 5_000 }) })
    .map(({ category, amountCents }) => ({ category: category.code, amountCents: category.kind === "amount" ? amountCents : null }));

const taxes = fc.record({
  withheld: fc.option(taxOf("withheld"), { nil: undefined }),
  fees: fc.option(taxOf("fees"), { nil: undefined }),
  stampDuty: fc.option(taxOf("stampDuty"), { nil: undefined }),
  otherTaxes: fc.option(taxOf("otherTaxes"), { nil: undefined }),
  deductionsCents: fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: undefined }),
}, { requiredKeys: [] }).map((value) => Object.fromEntries(Object.entries(value).filter(([, tax]) => tax !== undefined)) as LineTaxesInput);

const taxedLine = fc.tuple(line, taxes).map(([plain, lineTaxes]) => (Object.keys(lineTaxes).length > 0 ? { ...plain, taxes: lineTaxes } : plain));

function inputOf(lines: LineInput[], priceEntry: "net" | "gross"): CreditNoteInput {
  const base: CreditNoteInput = {
    issuer: { vat: "EL094259216", name: "BEST SHOPPING", branchCode: 0, address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ 1", postalCode: "10551" } },
    counterparty: { name: "Ωμέγα Α.Ε.", vat: "DE123456789", address: { countryCode: "DE", city: "Reutlingen", street: "Str 1", postalCode: "72764" }, emails: [] },
    priceEntry, lines, payments: [{ methodCode: 3, amountCents: 0 }], emails: [], reference: "ΤΔΑ Α/1",
  };
  const gross = JSON.parse(JSON.stringify(buildProviderDocument(base, IDENTITY))).Summaries.TotalGrossValue as number;
  return { ...base, payments: [{ methodCode: 3, amountCents: Math.round(gross * 100) }] };
}

describe("reading a draft back from a stored document", () => {
  it("reads back the provider sample (7,99 gross at 24%) as a draft that rebuilds it exactly", () => {
    const parsed = parseDraft(sampleDraft());
    if (!parsed.ok) throw new Error("sample draft invalid");
    const payload = buildProviderDocument(parsed.value.input, IDENTITY);
    const draft = draftFromPayload(payload);
    expect(draft).toMatchObject({
      // 6,44 net reproduces every amount of the line exactly as 7,99 gross did: net is preferred then.
      series: "ΠΤ", number: "42", issuedAt: IDENTITY.issuedAt, priceEntry: "net",
      issuer: { vat: "EL094259216", name: "BEST SHOPPING" },
      counterparty: { name: "FOREIGN COMPANY", vat: "DE123456789", code: "00001", address: { countryCode: "DE", city: "Reutlingen" } },
      lines: [{ description: "Φαρδιά ζώνη cowboy", quantity: "1", unitPrice: "6,44", discountPercent: "0", vatCategory: 1, incomeClassification: { category: "category1_1", type: "E3_561_001" } }],
      payments: [{ methodCode: 3, amount: "7,99" }],
      emails: ["COMPANY@company.com"],
      reference: "A9439 / 50",
    });
    expect(rebuilt(payload)).toEqual(payload);
  });

  it("rebuilds exactly the document it was read from (net or gross entry, any discount)", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.constantFrom("net" as const, "gross" as const), (lines, entry) => {
        const payload = JSON.parse(JSON.stringify(buildProviderDocument(inputOf(lines, entry), IDENTITY))) as { Summaries: { TotalGrossValue: number } };
        // A draft whose lines round to nothing is refused by the schema: nothing could have been sent.
        fc.pre(payload.Summaries.TotalGrossValue > 0);
        expect(rebuilt(payload)).toEqual(payload);
      }),
      { numRuns: 300 },
    );
  });

  it("reads the taxes beyond VAT back, so a document with taxes rebuilds exactly (net or gross entry)", () => {
    fc.assert(
      fc.property(fc.array(taxedLine, { minLength: 1, maxLength: 3 }), fc.constantFrom("net" as const, "gross" as const), (lines, entry) => {
        const payload = JSON.parse(JSON.stringify(buildProviderDocument(inputOf(lines, entry), IDENTITY))) as { Summaries: { TotalGrossValue: number } };
        fc.pre(payload.Summaries.TotalGrossValue > 0);
        expect(rebuilt(payload)).toEqual(payload);
      }),
      { numRuns: 300 },
    );
  });

  it("reads 20 % withholding and a stamp duty back into the draft's tax fields", () => {
    const taxed: LineInput = {
      description: "Υπηρεσία", quantityMilli: 1000, unitCode: 1, unitPriceCents: 10_000, discountBasisPoints: 0, vatCategory: 1, vatExemptionCategory: null,
      incomeClassification: { category: "category1_3", type: "E3_561_001" },
      taxes: { withheld: { category: 3, amountCents: null }, stampDuty: { category: 1, amountCents: null }, deductionsCents: 150 },
    };
    const payload = JSON.parse(JSON.stringify(buildProviderDocument(inputOf([taxed], "net"), IDENTITY))) as unknown;
    expect(draftFromPayload(payload)).toMatchObject({ lines: [{ withheldCategory: 3, stampDutyCategory: 1, deductionsAmount: "1,5" }] });
    expect(rebuilt(payload)).toEqual(payload);
  });

  it("reads gross entry back as gross when the net unit price cannot reproduce the line", () => {
    const tenGross: LineInput = { description: "Gift", quantityMilli: 3000, unitCode: 1, unitPriceCents: 1000, discountBasisPoints: 0, vatCategory: 1, vatExemptionCategory: null, incomeClassification: { category: "category1_1", type: "E3_561_001" } };
    const payload = JSON.parse(JSON.stringify(buildProviderDocument(inputOf([tenGross], "gross"), IDENTITY))) as unknown;
    expect(draftFromPayload(payload)).toMatchObject({ priceEntry: "gross", lines: [{ unitPrice: "10", quantity: "3" }], payments: [{ amount: "30" }] });
    expect(rebuilt(payload)).toEqual(payload);
  });

  it("keeps exempt lines' reasons and never throws on odd input", () => {
    const exempt: LineInput = { description: "Export", quantityMilli: 2000, unitCode: 1, unitPriceCents: 1050, discountBasisPoints: 0, vatCategory: 7, vatExemptionCategory: 14, incomeClassification: { category: "category1_1", type: "E3_561_005" } };
    const payload = JSON.parse(JSON.stringify(buildProviderDocument(inputOf([exempt], "net"), IDENTITY))) as unknown;
    expect(draftFromPayload(payload).lines[0]).toMatchObject({ vatCategory: 7, vatExemptionCategory: 14, quantity: "2", unitPrice: "10,5" });
    expect(rebuilt(payload)).toEqual(payload);
    expect(draftFromPayload(null)).toMatchObject({ lines: [], payments: [], series: "" });
    expect(draftFromPayload({ Details: [{ Quantity: "x" }] }).lines).toHaveLength(1);
  });
});
