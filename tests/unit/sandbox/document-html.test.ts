// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { renderHtml } from "@/sandbox/html";
import type { ParsedDocument, ParsedLine, StoredDocument } from "@/sandbox/types";

const NO_TAX = { category: null, amountCents: 0 };
const PLAIN_TAXES = { withheld: NO_TAX, fees: NO_TAX, stampDuty: NO_TAX, otherTaxes: NO_TAX, deductionsCents: 0 };

function parsedLine(overrides: Partial<ParsedLine> = {}): ParsedLine {
  return {
    lineNo: 1, descriptions: ["Consulting"], quantity: 1, unitCode: 1, unitPriceCents: 10_000, netCents: 10_000, vatCents: 2400, totalCents: 12_400,
    vatCategory: 1, vatExemption: null, classifications: [], taxes: PLAIN_TAXES, ...overrides,
  };
}

/** 100,00 € at 24 % with 20 % withholding (3) and 1,2 % stamp duty (1): payable 105,20 €. */
const taxed = parsedLine({ taxes: { ...PLAIN_TAXES, withheld: { category: 3, amountCents: 2000 }, stampDuty: { category: 1, amountCents: 120 } } });

function storedOf(lines: ParsedLine[], netCents: number, vatCents: number, grossCents: number): StoredDocument {
  const document: ParsedDocument = {
    invoiceType: "5.2", documentTypeCode: "5.2", currency: "EUR", series: "A", number: "1", dateIssued: "2026-01-02T10:00:00", issueDate: "2026-01-02", internalId: "I",
    issuer: { vat: "EL094259216", afm: "094259216", name: "BEST SHOPPING", branch: 0, countryCode: "GR", street: "", city: "", postalCode: "" },
    counterparty: null, lines, vatAnalysis: [], payments: [{ code: 3, amountCents: grossCents }], correlatedMarks: [], reference: null, exchangeRate: null,
    summary: { netCents, vatCents, grossCents, withheldCents: null, feesCents: null, stampDutyCents: null, otherTaxesCents: null, deductionsCents: null },
  };
  return {
    mark: "400001000000001", uid: "U", authenticationCode: "A", signature: "S", internalId: "I", issuerAfm: "094259216", receivedAt: "", acceptedAt: "",
    origin: "json", creditOfMark: null, document, payload: {},
  };
}

async function pageOf(stored: StoredDocument): Promise<Document> {
  return new DOMParser().parseFromString(await renderHtml(stored, "http://localhost/v/S"), "text/html");
}

const texts = (page: Document, selector: string) => [...page.querySelectorAll(selector)].map((node) => node.textContent);

describe("the sandbox's HTML document page shows the taxes beyond VAT, as the PDF does", () => {
  it("under a taxed line: each tax with its category and amount and the line payable; nothing under a plain line", async () => {
    const page = await pageOf(storedOf([taxed, parsedLine({ lineNo: 2, descriptions: ["Plain"] })], 20_000, 4800, 10_520 + 12_400));
    expect(texts(page, "tr.line-taxes")).toEqual(["Παρακράτηση φόρου (κατ. 3): 20,00 € · Χαρτόσημο (κατ. 1): 1,20 € · Πληρωτέο γραμμής: 105,20 €"]);
    expect(page.querySelector("tr.line-taxes")?.getAttribute("data-line")).toBe("1");
    // The taxes row follows its own line's row.
    expect(page.querySelector("tr.line-taxes")?.previousElementSibling?.textContent).toContain("Consulting");
  });

  it("beside the totals: net, VAT, the five tax totals and the payable amount in place of the plain total", async () => {
    const page = await pageOf(storedOf([taxed, parsedLine({ lineNo: 2 })], 20_000, 4800, 10_520 + 12_400));
    expect(texts(page, "#tax-totals li")).toEqual([
      "Παρακράτηση φόρου: 20,00 €", "Τέλη: 0,00 €", "Χαρτόσημο: 1,20 €", "Λοιποί φόροι: 0,00 €", "Κρατήσεις: 0,00 €", "Πληρωτέο: 229,20 €",
    ]);
    expect(page.body.textContent).toContain("Καθαρή αξία: 200,00 €");
    expect(page.body.textContent).not.toContain("Σύνολο: ");
  });

  it("a plain document keeps its plain total and shows no tax rows", async () => {
    const page = await pageOf(storedOf([parsedLine()], 10_000, 2400, 12_400));
    expect(page.querySelectorAll("tr.line-taxes")).toHaveLength(0);
    expect(page.querySelector("#tax-totals")).toBeNull();
    expect(page.body.textContent).toContain("Σύνολο: 124,00 €");
  });
});
