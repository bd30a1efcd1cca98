import { describe, expect, it } from "vitest";
import { draftValuesFromDocument } from "@/lib/credit-notes/copy-document";
import type { IssuerProfileView } from "@/lib/settings/views";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { computeTotals } from "@/lib/domain/totals";
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

const NEW_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const identity = { internalDocumentId: "11111111-2222-4333-8444-555555555555", series: "D9439", number: "8", issuedAt: "2023-03-24T00:00:00" };
const profile = { id: "p1", vat: "EL094259216" } as IssuerProfileView;

function sentDocument(mutate: (draft: ReturnType<typeof sampleDraft>) => void = () => undefined) {
  const draft = sampleDraft();
  mutate(draft);
  const parsed = parseDraft(draft);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { input: parsed.value.input, document: buildProviderDocument(parsed.value.input, identity) };
}

describe("copy a sent document as a new draft", () => {
  it("keeps parties, series, lines, payments, e-mails and reference; leaves number and date to the new issue", () => {
    const { document } = sentDocument();
    const values = draftValuesFromDocument(JSON.parse(JSON.stringify(document)), NEW_ID, [profile]);
    expect(values).toMatchObject({
      id: NEW_ID, issuerProfileId: "p1", series: "D9439", issuedAt: null, priceEntry: "net",
      counterparty: { name: "FOREIGN COMPANY", vat: "DE123456789", code: "00001", address: { countryCode: "DE", city: "Reutlingen" } },
      lines: [{ description: "Φαρδιά ζώνη cowboy", quantity: "1", unitPrice: "6,44", discountPercent: "", vatCategory: 1, incomeClassification: { category: "category1_1", type: "E3_561_001" } }],
      payments: [{ methodCode: 3, amount: "7,99" }],
      emails: ["COMPANY@company.com"],
      reference: "A9439 / 50",
    });
  });

  it("gives back the same totals for net-priced lines, with discounts, quantities and a 0% line", () => {
    const { input, document } = sentDocument((draft) => {
      draft.priceEntry = "net" as "gross";
      draft.lines = [
        { ...draft.lines[0]!, quantity: "2,5", unitPrice: "12,40", discountPercent: "12,5" },
        { ...draft.lines[0]!, quantity: "1", unitPrice: "100", vatCategory: 7, vatExemptionCategory: 14 },
      ];
      draft.payments = [{ methodCode: 3, amount: "133.64" }];
    });
    const values = draftValuesFromDocument(document, NEW_ID, []);
    const reparsed = parseDraft(values);
    if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.errors));
    expect(computeTotals(reparsed.value.input)).toEqual(computeTotals(input));
    expect(values?.lines[1]).toMatchObject({ vatCategory: 7, vatExemptionCategory: 14 });
  });

  it("copies nothing from what is not a composed document", () => {
    expect(draftValuesFromDocument({ issuerTin: "EL094259216", mark: 1 }, NEW_ID, [])).toBeUndefined();
    expect(draftValuesFromDocument(null, NEW_ID, [])).toBeUndefined();
    expect(draftValuesFromDocument({ Details: [], Issuer: {}, CounterParty: {} }, NEW_ID, [])).toBeUndefined();
  });
});
