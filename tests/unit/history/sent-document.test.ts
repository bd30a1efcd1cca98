import { describe, expect, it } from "vitest";
import { editableDraftOf } from "@/lib/domain/editable-draft";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { readSentDocument, redactedPretty } from "@/lib/history/sent-document";
import { readStoredDraft } from "@/lib/validation/stored-draft";
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

const IDENTITY = { series: "A", number: "7", issuedAt: "2025-01-02T03:04:05" };

function sampleInput() {
  const parsed = parseDraft(sampleDraft());
  if (!parsed.ok) throw new Error("sample draft invalid");
  return parsed.value.input;
}

/** A document as the outbox stores it: the payload and, beside it, the draft read back as history reads it. */
function stored(input = sampleInput()) {
  const payloadJson = JSON.stringify(buildProviderDocument(input, { internalDocumentId: "x", ...IDENTITY }));
  return { payloadJson, draft: readStoredDraft(JSON.stringify(editableDraftOf(input, IDENTITY)), 1) };
}

describe("a sent document read back for people", () => {
  it("groups a composed 5.2 as the wizard does, from its stored draft, amounts in cents", () => {
    expect(readSentDocument("compose", stored())).toEqual({
      kind: "compose",
      issuer: { name: "BEST SHOPPING", vat: "EL094259216", address: "ΟΔΟΣ ΑΡΙΘΜΟΣ, ΑΘΗΝΑ, 10551, GR", emails: [], branchCode: 0 },
      counterparty: { name: "FOREIGN COMPANY", vat: "DE123456789", address: "STREET NUMBER, Reutlingen, 12345, DE", emails: [], branchCode: null },
      series: "A", number: "7", issuedAt: "2025-01-02T03:04:05",
      lines: [{ lineNo: 1, description: "Φαρδιά ζώνη cowboy", quantity: 1, unitCode: 1, unitNetCents: 644, netCents: 644, vatCents: 155, totalCents: 799, vatCategory: 1, vatExemptionCategory: null, classification: "category1_1 / E3_561_001" }],
      payments: [{ methodCode: 3, amountCents: 799 }],
      totals: { netCents: 644, vatCents: 155, grossCents: 799 },
      vatAnalysis: [{ vatCategory: 1, percentage: 24, underlyingCents: 644, vatCents: 155, exemption: null }],
      reference: "A9439 / 50",
      emails: ["COMPANY@company.com"],
    });
  });

  it("shows the stored draft, not what the payload would read as, with amounts recomputed exactly", () => {
    const input = sampleInput();
    input.priceEntry = "net";
    input.lines = [
      { ...input.lines[0]!, quantityMilli: 3000, unitPriceCents: 435, discountBasisPoints: 0 },
      { ...input.lines[0]!, description: "Εξαγωγή", quantityMilli: 1500, unitPriceCents: 268, vatCategory: 7, vatExemptionCategory: 14, incomeClassification: { category: "category1_1", type: "E3_561_005" } },
    ];
    input.payments = [{ methodCode: 3, amountCents: 2020 }];
    const document = stored(input);
    // The wire says something else (a tampered line, other parties): the panel shows the draft.
    const payload = JSON.parse(document.payloadJson) as { Details: { NetTotal: number; VATTotal: number }[]; CounterParty: { RegisteredName: string } };
    payload.Details[0]!.NetTotal = 99.99;
    payload.Details[0]!.VATTotal = 1.005;
    payload.CounterParty.RegisteredName = "ΑΛΛΟΣ";
    const sent = readSentDocument("compose", { ...document, payloadJson: JSON.stringify(payload) });
    expect(sent).toMatchObject({
      counterparty: { name: "FOREIGN COMPANY" },
      lines: [
        { quantity: 3, unitNetCents: 435, netCents: 1305, vatCents: 313, totalCents: 1618 },
        { quantity: 1.5, unitNetCents: 268, netCents: 402, vatCents: 0, totalCents: 402, vatExemptionCategory: 14, classification: "category1_1 / E3_561_005" },
      ],
      payments: [{ methodCode: 3, amountCents: 2020 }],
      totals: { netCents: 1707, vatCents: 313, grossCents: 2020 },
      vatAnalysis: [{ vatCategory: 1, percentage: 24, underlyingCents: 1305, vatCents: 313, exemption: null }, { vatCategory: 7, percentage: 0, underlyingCents: 402, vatCents: 0, exemption: 14 }],
    });
  });

  it("shows a line it cannot read as zeros, outside the totals, and nothing for a composed document without a draft", () => {
    const document = stored();
    const draft = { ...document.draft!, lines: [...document.draft!.lines, { ...document.draft!.lines[0]!, quantity: "abc" }] };
    const sent = readSentDocument("compose", { ...document, draft });
    expect(sent?.kind === "compose" && sent.lines[1]).toMatchObject({ lineNo: 2, quantity: 0, netCents: 0, vatCents: 0, totalCents: 0 });
    expect(sent).toMatchObject({ totals: { netCents: 644, vatCents: 155, grossCents: 799 } });
    expect(readSentDocument("compose", { payloadJson: document.payloadJson, draft: null })).toBeNull();
  });

  it("reads a credit of an issued document from its body, and refuses what is not JSON", () => {
    const body = JSON.stringify({ issuerTin: "EL094259216", authenticationCode: "ABC", mark: 400001000000001, series: "CN", number: "3", internalId: "i", relateCredit: true, preventDocumentMapping: false });
    expect(readSentDocument("credit_existing", { payloadJson: body, draft: null })).toEqual({ kind: "credit_existing", authenticationCode: "ABC", mark: "400001000000001", relateCredit: true, series: "CN", number: "3" });
    expect(readSentDocument("credit_existing", { payloadJson: "{oops", draft: null })).toBeNull();
  });

  it("pretty-prints with every secret-looking value redacted", () => {
    const shown = redactedPretty(JSON.stringify({ Series: "A", apiKey: "k-123", nested: [{ access_token: "t", Password: "p" }], Authorization: "Bearer x" }));
    expect(JSON.parse(shown)).toEqual({ Series: "A", apiKey: "•••", nested: [{ access_token: "•••", Password: "•••" }], Authorization: "•••" });
    expect(shown).not.toMatch(/k-123|Bearer x/);
    expect(redactedPretty("APIKey: secret-value here")).not.toContain("secret-value");
  });

  it("gives each line its taxes beyond VAT with their categories and amounts, its payable, and the document's tax totals", () => {
    const input = sampleInput();
    const base = input.lines[0]!;
    const taxed = { ...input, priceEntry: "net" as const, lines: [{ ...base, unitPriceCents: 10_000, discountBasisPoints: 0, quantityMilli: 1000, taxes: { withheld: { category: 3, amountCents: null }, stampDuty: { category: 1, amountCents: null }, deductionsCents: 50 } }, { ...base, unitPriceCents: 1000, discountBasisPoints: 0, quantityMilli: 1000 }], payments: [{ methodCode: 3, amountCents: 11_710 }] };
    const sent = readSentDocument("compose", stored(taxed));
    if (sent?.kind !== "compose") throw new Error("not a composed document");
    expect(sent.lines[0]?.taxes).toEqual({
      list: [{ family: "withheld", category: 3, amountCents: 2000 }, { family: "stampDuty", category: 1, amountCents: 120 }, { family: "deductions", category: null, amountCents: 50 }],
      payableCents: 12_400 - 2000 + 120 - 50,
    });
    expect(sent.lines[1]).not.toHaveProperty("taxes");
    expect(sent.taxTotals).toEqual({ withheldCents: 2000, feesCents: 0, stampDutyCents: 120, otherTaxesCents: 0, deductionsCents: 50, payableCents: 10_470 + 1240 });
    expect(readSentDocument("compose", stored())).not.toHaveProperty("taxTotals");
  });
});
