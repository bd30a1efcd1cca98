import { describe, expect, it } from "vitest";
import { readInvoiceXml } from "@/lib/provider/impact/invoice-xml";

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<InvoicesDoc xmlns="http://www.aade.gr/myDATA/invoice/v1.0" xmlns:icls="https://www.aade.gr/myDATA/incomeClassificaton/v1.0">
  <invoice>
    <uid>91D624F9092C837886BA3E2B843C538A624D33FE</uid>
    <mark>400001961605322</mark>
    <authenticationCode>8EB6CB21872385341A2B9A272F08F3FC3DCC439A</authenticationCode>
    <issuer><vatNumber>094259216</vatNumber><country>GR</country><branch>0</branch></issuer>
    <counterpart><vatNumber>800512345</vatNumber><country>GR</country><branch>0</branch></counterpart>
    <invoiceHeader><series>0042</series><aa>999002</aa><issueDate>2026-04-18</issueDate><invoiceType>1.1</invoiceType><currency>EUR</currency></invoiceHeader>
    <invoiceDetails>
      <lineNumber>1</lineNumber><itemDescr>Καφετιέρα &amp; φίλτρα</itemDescr><quantity>2.5</quantity><measurementUnit>1</measurementUnit>
      <netValue>100.00</netValue><vatCategory>1</vatCategory><vatAmount>24.00</vatAmount>
      <incomeClassification><icls:classificationType>E3_561_001</icls:classificationType><icls:classificationCategory>category1_1</icls:classificationCategory><icls:amount>100.00</icls:amount></incomeClassification>
    </invoiceDetails>
    <invoiceSummary><totalNetValue>100.00</totalNetValue><totalVatAmount>24.00</totalVatAmount><totalGrossValue>124.00</totalGrossValue></invoiceSummary>
  </invoice>
</InvoicesDoc>`;

describe("the myDATA XML of an issued document", () => {
  it("reads header, parties, lines and totals exactly (MARK digits, leading zeros, amounts in cents)", () => {
    expect(readInvoiceXml(XML)).toEqual({
      mark: "400001961605322", uid: "91D624F9092C837886BA3E2B843C538A624D33FE", authenticationCode: "8EB6CB21872385341A2B9A272F08F3FC3DCC439A",
      series: "0042", number: "999002", issueDate: "2026-04-18", invoiceType: "1.1", issuerVat: "094259216", counterpartyVat: "800512345",
      counterpartyName: null, correlatedMarks: [],
      lines: [{ lineNumber: 1, description: "Καφετιέρα & φίλτρα", quantityMilli: 2500, unitCode: 1, netCents: 10000, vatCents: 2400, vatCategory: 1, vatExemptionCategory: null,
        incomeClassification: { category: "category1_1", type: "E3_561_001" } }],
      totals: { netCents: 10000, vatCents: 2400, grossCents: 12400 },
    });
  });

  it("reads correlated MARKs of a credit, HTML-escaped text too, and gives null for anything else", () => {
    const credit = XML.replace("<currency>EUR</currency>", "<currency>EUR</currency><correlatedInvoices>400001000000001</correlatedInvoices>").replace("<invoiceType>1.1", "<invoiceType>5.1");
    expect(readInvoiceXml(credit)?.correlatedMarks).toEqual(["400001000000001"]);
    expect(readInvoiceXml(credit.replace(/</g, "&lt;").replace(/>/g, "&gt;"))?.invoiceType).toBe("5.1");
    expect(readInvoiceXml("not xml")).toBeNull();
    expect(readInvoiceXml("<ResponseDoc/>")).toBeNull();
  });
});
