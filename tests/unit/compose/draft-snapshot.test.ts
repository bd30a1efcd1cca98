import { describe, expect, it } from "vitest";
import { newDraftValues } from "@/components/credit-note/wizard-model";
import type { IssuerProfileView, SeriesView } from "@/lib/settings/views";
import { composeValuesSchema, draftSnapshotSchema } from "@/lib/validation/draft-snapshot";
import { parseDraft } from "@/lib/validation/parse-draft";

const ID = "5d3f0c2a-8b1e-4c7d-9f60-1a2b3c4d5e6f";

const profile: IssuerProfileView = {
  id: "p1", vat: "EL094259216", name: "BEST SHOPPING",
  address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" },
  defaultClassification: { category: "category1_3", type: "E3_561_001" }, branches: [],
};
const series: SeriesView[] = [
  { id: 1, issuerVat: "EL999999999", code: "OTHER", nextNumber: 3, description: null },
  { id: 2, issuerVat: "EL094259216", code: "D9439", nextNumber: 8, description: null },
];

describe("the compose form's values", () => {
  it("fill every missing key with its default, so a stored draft always opens", () => {
    const values = composeValuesSchema.parse({ id: ID });
    expect(values).toMatchObject({ series: "", issuedAt: null, priceEntry: "net", lines: [], payments: [], counterparty: { address: { countryCode: "GR" }, emails: [] } });
  });

  it("start a new draft with the first profile, its first series, its default classification and one line", () => {
    const values = newDraftValues(ID, [profile], series);
    expect(values).toMatchObject({ issuerProfileId: "p1", issuer: { vat: "EL094259216", branchCode: 0 }, series: "D9439", issuedAt: null });
    expect(values.lines).toEqual([expect.objectContaining({ quantity: "1", vatCategory: 1, incomeClassification: { category: "category1_3", type: "E3_561_001" } })]);
    expect(composeValuesSchema.parse(values)).toEqual(values);
  });

  it("are accepted by the shared draft schema once filled in, exactly as typed (Greek decimals, text numbers)", () => {
    const values = newDraftValues(ID, [profile], series);
    values.counterparty = { name: "FOREIGN COMPANY", vat: "DE123456789", code: "", address: { countryCode: "DE", city: "Reutlingen", street: "STREET NUMBER", postalCode: "12345" }, emails: ["", " "] };
    values.priceEntry = "gross";
    values.lines = [{ ...values.lines[0]!, description: "Φαρδιά ζώνη cowboy", unitPrice: "7,99", incomeClassification: { category: "category1_1", type: "E3_561_001" } }];
    values.payments = [{ methodCode: 3, amount: "7,99" }];
    const parsed = parseDraft(values);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value).toMatchObject({ draftId: ID, series: "D9439", number: undefined, issuedAt: undefined });
      expect(parsed.value.input.counterparty).toMatchObject({ code: undefined, emails: [] });
    }
  });

  it("refuse values that are not a draft: wrong types, non-finite numbers, oversized lists and text", () => {
    expect(composeValuesSchema.safeParse({ id: "x" }).success).toBe(false);
    expect(composeValuesSchema.safeParse({ id: ID, lines: [{ unitCode: Number.POSITIVE_INFINITY }] }).success).toBe(false);
    expect(composeValuesSchema.safeParse({ id: ID, lines: [{ vatCategory: 1.5 }] }).success).toBe(false);
    expect(composeValuesSchema.safeParse({ id: ID, lines: Array.from({ length: 1001 }, () => ({})) }).success).toBe(false);
    expect(composeValuesSchema.safeParse({ id: ID, notes: "x".repeat(1001) }).success).toBe(false);
    expect(composeValuesSchema.safeParse({ id: ID, priceEntry: "both" }).success).toBe(false);
    expect(draftSnapshotSchema.safeParse({ draft: { id: ID }, step: 5 }).success).toBe(false);
    expect(draftSnapshotSchema.parse({ draft: { id: ID } }).step).toBe(0);
  });
});
