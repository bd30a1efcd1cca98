import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft, type SampleDraft } from "@/tests/fixtures/sample-draft";

/** The sample draft with one line field replaced by an arbitrary value. */
function hostileDraft() {
  const fields = ["description", "quantity", "unitCode", "unitPrice", "discountPercent", "vatCategory", "vatExemptionCategory", "incomeClassification"];
  return fc.tuple(fc.constantFrom(...fields), fc.anything({ maxDepth: 2 })).map(([field, value]) => {
    const draft = sampleDraft();
    (draft.lines[0] as Record<string, unknown>)[field] = value;
    return draft;
  });
}

function errorsOf(mutate: (draft: SampleDraft) => void, locale: "el" | "en" = "el") {
  const draft = sampleDraft();
  mutate(draft);
  const result = parseDraft(draft, locale);
  if (result.ok) throw new Error("expected the draft to be refused");
  return result.errors;
}

describe("draft schema", () => {
  it("accepts the draft of docs/DRAFT.md and parses amounts into integer units", () => {
    const result = parseDraft(sampleDraft());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { value } = result;
    expect(value.draftId).toBe("6f1c2b0e-8d3a-4c1e-9b7a-2f4d5e6a7b8c");
    expect(value.series).toBe("D9439");
    expect(value.number).toBe("8");
    expect(value.input.issuer.vat).toBe("EL094259216");
    expect(value.input.counterparty.vat).toBe("DE123456789");
    expect(value.input.lines[0]).toMatchObject({ quantityMilli: 1000, unitPriceCents: 799, discountBasisPoints: 0, vatCategory: 1 });
    expect(value.input.payments).toEqual([{ methodCode: 3, amountCents: 799 }]);
  });

  it("accepts Greek typing and JSON numbers alike", () => {
    const draft = sampleDraft();
    draft.lines[0]!.unitPrice = "7,99";
    draft.payments[0]!.amount = 7.99 as unknown as string;
    expect(parseDraft(draft).ok).toBe(true);
  });

  it("treats optional line fields as optional: no discount, unit or exemption key", () => {
    const draft = sampleDraft();
    const line = draft.lines[0] as Record<string, unknown>;
    delete line.discountPercent;
    delete line.unitCode;
    delete line.vatExemptionCategory;
    const result = parseDraft(draft);
    expect(result.ok && result.value.input.lines[0]).toMatchObject({ discountBasisPoints: 0, unitCode: 1, vatExemptionCategory: null });
  });

  it("normalises a bare Greek AFM to the EL form", () => {
    const draft = sampleDraft();
    draft.counterparty.vat = "094259216";
    draft.counterparty.address.countryCode = "GR";
    const result = parseDraft(draft);
    expect(result.ok && result.value.input.counterparty.vat).toBe("EL094259216");
  });

  it.each([
    ["an invalid Greek AFM (the sample's placeholder)", (d: SampleDraft) => { d.issuer.vat = "EL123456789"; }, "issuer.vat", "afm_check_digit"],
    ["a Greek counterparty AFM with a wrong check digit", (d: SampleDraft) => { d.counterparty.address.countryCode = "GR"; d.counterparty.vat = "925667503"; }, "counterparty.vat", "afm_check_digit"],
    ["no lines", (d: SampleDraft) => { d.lines = []; }, "lines", "no_lines"],
    ["a zero quantity", (d: SampleDraft) => { d.lines[0]!.quantity = "0"; }, "lines.0.quantity", "quantity.must_be_positive"],
    ["a zero price", (d: SampleDraft) => { d.lines[0]!.unitPrice = "0,00"; }, "lines.0.unitPrice", "amount.must_be_positive"],
    ["an ambiguous price", (d: SampleDraft) => { d.lines[0]!.unitPrice = "1,234.56"; }, "lines.0.unitPrice", "amount.ambiguous_separators"],
    ["a 3-decimal price", (d: SampleDraft) => { d.lines[0]!.unitPrice = "7,999"; }, "lines.0.unitPrice", "amount.too_many_decimals"],
    ["0% VAT without an exemption reason", (d: SampleDraft) => { d.lines[0]!.vatCategory = 7; }, "lines.0.vatExemptionCategory", "exemption_required"],
    ["an exemption reason on a taxed line", (d: SampleDraft) => { d.lines[0]!.vatExemptionCategory = 14; }, "lines.0.vatExemptionCategory", "exemption_not_allowed"],
    ["VAT category 8 (records without VAT)", (d: SampleDraft) => { d.lines[0]!.vatCategory = 8; }, "lines.0.vatCategory", "unknown_vat_category"],
    ["a classification not allowed on 5.2", (d: SampleDraft) => { d.lines[0]!.incomeClassification = { category: "category1_1", type: "E3_561_003" }; }, "lines.0.incomeClassification.type", "classification_not_allowed"],
    ["payments that do not add up", (d: SampleDraft) => { d.payments[0]!.amount = "7,00"; }, "payments", "payments_sum_mismatch"],
    ["an unknown payment method", (d: SampleDraft) => { d.payments[0]!.methodCode = 9; }, "payments.0.methodCode", "unknown_payment_method"],
    ["an unknown unit", (d: SampleDraft) => { d.lines[0]!.unitCode = 8; }, "lines.0.unitCode", "unknown_unit"],
    ["a bad e-mail", (d: SampleDraft) => { d.emails = ["not-an-email"]; }, "emails.0", "invalid_email"],
    ["a missing counterparty name", (d: SampleDraft) => { d.counterparty.name = " "; }, "counterparty.name", "required"],
    ["a non-UUID draft id", (d: SampleDraft) => { d.id = "42"; }, "id", "invalid_uuid"],
    ["an impossible issue date", (d: SampleDraft) => { d.issuedAt = "2023-02-30T00:00:00"; }, "issuedAt", "invalid_datetime"],
    ["a non-Greek issuer", (d: SampleDraft) => { d.issuer.address.countryCode = "DE"; }, "issuer.address.countryCode", "issuer_not_greek"],
    ["a German VAT with the wrong length", (d: SampleDraft) => { d.counterparty.vat = "DE12345"; }, "counterparty.vat", "vat_format"],
    ["a full discount", (d: SampleDraft) => { d.lines[0]!.discountPercent = "100"; }, "lines.0.discountPercent", "discount.full"],
  ])("refuses %s with a code on the field", (_name, mutate, path, code) => {
    const errors = errorsOf(mutate);
    expect(errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it("names the field and the row in Greek and in English", () => {
    const mutate = (d: SampleDraft) => { d.lines.push({ ...d.lines[0]!, unitPrice: "abc" }); };
    const greek = errorsOf(mutate, "el").find((e) => e.path === "lines.1.unitPrice");
    const english = errorsOf(mutate, "en").find((e) => e.path === "lines.1.unitPrice");
    expect(greek?.message).toBe("Τιμή μονάδας (γραμμή 2): δεν είναι αριθμός");
    expect(english?.message).toBe("Unit price (line 2): is not a number");
  });

  it("states both sums when payments do not add up", () => {
    const [error] = errorsOf((d) => { d.payments[0]!.amount = "7,00"; }, "el");
    expect(error?.message).toContain("7,00 €");
    expect(error?.message).toContain("7,99 €");
  });

  it.each([
    ["a non-numeric VAT category", (d: SampleDraft) => { (d.lines[0] as { vatCategory: unknown }).vatCategory = "abc"; }, "lines.0.vatCategory"],
    ["a line that is not an object", (d: SampleDraft) => { (d.lines as unknown[])[0] = "line"; }, "lines.0"],
    ["a payment amount of the wrong type", (d: SampleDraft) => { (d.payments[0] as { amount: unknown }).amount = { x: 1 }; }, "payments.0.amount"],
  ])("answers %s with a field error, not an exception", (_name, mutate, path) => {
    expect(errorsOf(mutate)).toContainEqual(expect.objectContaining({ path }));
  });

  it("never throws on hostile input and always answers with field errors", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 4 }), hostileDraft()), (value) => {
        const result = parseDraft(value);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(typeof error.message).toBe("string");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses 10,000 lines without computing them", () => {
    const draft = sampleDraft();
    draft.lines = Array.from({ length: 10_000 }, () => ({ ...draft.lines[0]! }));
    const result = parseDraft(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ path: "lines", code: "too_many_lines" }));
  });
});
