import { describe, expect, it } from "vitest";
import { lineTaxTexts, linePayableCents, taxTotalTexts } from "@/sandbox/document-view";
import { renderPdf } from "@/sandbox/pdf";
import type { ParsedDocument, ParsedLine, StoredDocument } from "@/sandbox/types";

const NO_TAX = { category: null, amountCents: 0 };

function parsedLine(overrides: Partial<ParsedLine> = {}): ParsedLine {
  return {
    lineNo: 1, descriptions: ["Consulting"], quantity: 1, unitCode: 1, unitPriceCents: 10_000, netCents: 10_000, vatCents: 2400, totalCents: 12_400,
    vatCategory: 1, vatExemption: null, classifications: [],
    taxes: { withheld: NO_TAX, fees: NO_TAX, stampDuty: NO_TAX, otherTaxes: NO_TAX, deductionsCents: 0 },
    ...overrides,
  };
}

const taxed = parsedLine({ taxes: { withheld: { category: 3, amountCents: 2000 }, fees: NO_TAX, stampDuty: { category: 1, amountCents: 120 }, otherTaxes: NO_TAX, deductionsCents: 0 } });

function documentOf(lines: ParsedLine[], grossCents: number): ParsedDocument {
  return {
    invoiceType: "5.2", documentTypeCode: "5.2", currency: "EUR", series: "A", number: "1", dateIssued: "2026-01-02T10:00:00", issueDate: "2026-01-02", internalId: "I",
    issuer: { vat: "EL094259216", afm: "094259216", name: "BEST SHOPPING", branch: 0, countryCode: "GR", street: "", city: "", postalCode: "" },
    counterparty: null, lines, vatAnalysis: [], payments: [{ code: 3, amountCents: grossCents }], correlatedMarks: [], reference: null, exchangeRate: null,
    summary: { netCents: 0, vatCents: 0, grossCents, withheldCents: null, feesCents: null, stampDutyCents: null, otherTaxesCents: null, deductionsCents: null },
  };
}

describe("the provider's printed document shows the taxes beyond VAT", () => {
  it("under a line: each tax with its category and amount, and the line payable; nothing under a plain line", () => {
    expect(lineTaxTexts(taxed)).toEqual(["Παρακράτηση φόρου (κατ. 3): 20,00 €", "Χαρτόσημο (κατ. 1): 1,20 €", "Πληρωτέο γραμμής: 105,20 €"]);
    expect(linePayableCents(taxed)).toBe(10_520);
    expect(lineTaxTexts(parsedLine())).toEqual([]);
  });

  it("beside the totals: the five tax totals and the payable amount, only when a line carries a tax", () => {
    expect(taxTotalTexts(documentOf([taxed, parsedLine({ lineNo: 2 })], 10_520 + 12_400))).toEqual([
      "Παρακράτηση φόρου: 20,00 €", "Τέλη: 0,00 €", "Χαρτόσημο: 1,20 €", "Λοιποί φόροι: 0,00 €", "Κρατήσεις: 0,00 €", "Πληρωτέο: 229,20 €",
    ]);
    expect(taxTotalTexts(documentOf([parsedLine()], 12_400))).toEqual([]);
  });

  it("the PDF of a document with taxes renders", async () => {
    const stored: StoredDocument = {
      mark: "400001000000001", uid: "U", authenticationCode: "A", signature: "S", internalId: "I", issuerAfm: "094259216", receivedAt: "", acceptedAt: "",
      origin: "json", creditOfMark: null, document: documentOf([taxed], 10_520), payload: {},
    };
    const pdf = await renderPdf(stored, "http://localhost/v/x", null);
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
  });
});
