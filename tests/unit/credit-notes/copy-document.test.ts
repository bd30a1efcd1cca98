import { describe, expect, it } from "vitest";
import { draftValuesFromDocument } from "@/lib/credit-notes/copy-document";
import type { IssuerProfileView } from "@/lib/settings/views";
import { editableDraftOf } from "@/lib/domain/editable-draft";
import { computeTotals } from "@/lib/domain/totals";
import { parseDraft } from "@/lib/validation/parse-draft";
import { readStoredDraft } from "@/lib/validation/stored-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

const NEW_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const identity = { series: "D9439", number: "8", issuedAt: "2023-03-24T00:00:00" };
const profile = { id: "p1", vat: "EL094259216" } as IssuerProfileView;

/** A sent document's stored draft, read back as the copy reads it. */
function storedDraft(mutate: (draft: ReturnType<typeof sampleDraft>) => void = () => undefined) {
  const draft = sampleDraft();
  mutate(draft);
  const parsed = parseDraft(draft);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { input: parsed.value.input, stored: readStoredDraft(JSON.stringify(editableDraftOf(parsed.value.input, identity)), 1) };
}

describe("copy a sent document as a new draft", () => {
  it("keeps parties, series, price entry, lines, payments, e-mails and reference as typed; leaves number, date and notes to the new issue", () => {
    const { stored } = storedDraft((draft) => Object.assign(draft, { notes: "εσωτερικό σημείωμα" }));
    const values = draftValuesFromDocument(stored, NEW_ID, [profile]);
    expect(values).toMatchObject({
      id: NEW_ID, issuerProfileId: "p1", series: "D9439", issuedAt: null, priceEntry: "gross", notes: "",
      counterparty: { name: "FOREIGN COMPANY", vat: "DE123456789", code: "00001", address: { countryCode: "DE", city: "Reutlingen" } },
      lines: [{ description: "Φαρδιά ζώνη cowboy", quantity: "1", unitPrice: "7,99", discountPercent: "", vatCategory: 1, incomeClassification: { category: "category1_1", type: "E3_561_001" } }],
      payments: [{ methodCode: 3, amount: "7,99" }],
      emails: ["COMPANY@company.com"],
      reference: "A9439 / 50",
    });
    expect(values).not.toHaveProperty("number");
  });

  it("gives back the same totals, with discounts, quantities and a 0% line", () => {
    const { input, stored } = storedDraft((draft) => {
      draft.priceEntry = "net" as "gross";
      draft.lines = [
        { ...draft.lines[0]!, quantity: "2,5", unitPrice: "12,40", discountPercent: "12,5" },
        { ...draft.lines[0]!, quantity: "1", unitPrice: "100", vatCategory: 7, vatExemptionCategory: 14 },
      ];
      draft.payments = [{ methodCode: 3, amount: "133.64" }];
    });
    const values = draftValuesFromDocument(stored, NEW_ID, []);
    expect(values?.lines[0]).toMatchObject({ quantity: "2,5", unitPrice: "12,4", discountPercent: "12,5" });
    const reparsed = parseDraft(values);
    if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.errors));
    expect(computeTotals(reparsed.value.input)).toEqual(computeTotals(input));
    expect(values?.lines[1]).toMatchObject({ vatCategory: 7, vatExemptionCategory: 14 });
  });

  it("copies nothing without a stored draft (a credit of an issued document) or from one that does not fit the form", () => {
    expect(draftValuesFromDocument(null, NEW_ID, [])).toBeUndefined();
    const { stored } = storedDraft();
    expect(draftValuesFromDocument({ ...stored!, lines: [{ ...stored!.lines[0]!, unitPrice: "9".repeat(60) }] }, NEW_ID, [])).toBeUndefined();
  });
});
