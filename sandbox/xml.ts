/** GET {document url}/aade — the document as myDATA holds it (an InvoicesDoc-like XML); also the `myDataRequest` of a 400. */
import { formatCents } from "./amounts";
import { vatBreakdown } from "./document-view";
import { normaliseVat } from "./afm";
import { asText, getField, getObject } from "./json-fields";
import type { ParsedDocument, ParsedLine, ParsedParty, StoredDocument } from "./types";

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function element(name: string, value: string | number | null, indent: string): string {
  return value === null || value === "" ? "" : `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;
}

/** Greek parties carry no name or address in myDATA (docs/reference/mydata-rules.md §2). */
function party(name: string, who: ParsedParty): string {
  const isGreek = who.countryCode === "GR";
  const vatNumber = isGreek ? who.afm : who.vat;
  let xml = `    <${name}>\n${element("vatNumber", vatNumber, "      ")}${element("country", who.countryCode, "      ")}${element("branch", who.branch, "      ")}`;
  if (!isGreek) {
    xml += element("name", who.name, "      ");
    xml += `      <address>\n${element("street", who.street, "        ")}${element("postalCode", who.postalCode, "        ")}${element("city", who.city, "        ")}      </address>\n`;
  }
  return `${xml}    </${name}>\n`;
}

function detail(line: ParsedLine): string {
  const indent = "        ";
  const classifications = line.classifications.map((entry) =>
    `      <incomeClassification>\n${element("icls:classificationType", entry.type, indent)}${element("icls:classificationCategory", entry.category, indent)}${element("icls:amount", formatCents(entry.amountCents), indent)}      </incomeClassification>\n`,
  ).join("");
  return `    <invoiceDetails>\n${element("lineNumber", line.lineNo, "      ")}${element("itemDescr", line.descriptions[0] ?? null, "      ")}${element("quantity", line.quantity, "      ")}` +
    `${element("measurementUnit", line.unitCode, "      ")}${element("netValue", formatCents(line.netCents), "      ")}` +
    `${element("vatCategory", line.vatCategory, "      ")}${element("vatAmount", formatCents(line.vatCents), "      ")}` +
    `${element("vatExemptionCategory", line.vatExemption, "      ")}${taxElements(line)}${classifications}    </invoiceDetails>\n`;
}

/** A line's taxes beyond VAT in the XSD's order (documents stored before they were read carry none). */
function taxElements(line: ParsedLine): string {
  const taxes = line.taxes as ParsedLine["taxes"] | undefined;
  if (taxes === undefined) return "";
  const i = "      ";
  const amount = (name: string, cents: number) => (cents > 0 ? element(name, formatCents(cents), i) : "");
  return amount("withheldAmount", taxes.withheld.amountCents) + element("withheldPercentCategory", taxes.withheld.category, i) +
    amount("stampDutyAmount", taxes.stampDuty.amountCents) + element("stampDutyPercentCategory", taxes.stampDuty.category, i) +
    amount("feesAmount", taxes.fees.amountCents) + element("feesPercentCategory", taxes.fees.category, i) +
    element("otherTaxesPercentCategory", taxes.otherTaxes.category, i) + amount("otherTaxesAmount", taxes.otherTaxes.amountCents) +
    amount("deductionsAmount", taxes.deductionsCents);
}

interface Identifiers {
  uid: string;
  mark: string;
  authenticationCode: string;
}

export function renderAadeXml(stored: StoredDocument): string {
  return renderInvoicesDoc(stored.document, stored);
}

/** The InvoicesDoc the provider sent myDATA for a document (`myDataRequest` of a 400): no MARK yet. */
export function renderRequestXml(doc: ParsedDocument): string {
  return renderInvoicesDoc(doc, null);
}

/**
 * The same for a body that did not pass the provider's own checks: only the issuer and the
 * header fields that could be read.
 */
export function renderPartialRequestXml(raw: unknown): string {
  const text = (value: unknown): string | null => asText(value) ?? null;
  const issuerVat = text(getField(getObject(raw, "Issuer"), "Vat"));
  const i = "      ";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<InvoicesDoc xmlns="http://www.aade.gr/myDATA/invoice/v1.0">\n  <invoice>\n` +
    `    <issuer>\n${element("vatNumber", issuerVat === null ? null : normaliseVat(issuerVat), i)}    </issuer>\n` +
    `    <invoiceHeader>\n${element("series", text(getField(raw, "Series")), i)}${element("aa", text(getField(raw, "Number")), i)}` +
    `${element("issueDate", text(getField(raw, "DateIssued"))?.slice(0, 10) ?? null, i)}${element("invoiceType", text(getField(raw, "InvoiceTypeCode")), i)}` +
    `    </invoiceHeader>\n  </invoice>\n</InvoicesDoc>\n`;
}

function renderInvoicesDoc(doc: ParsedDocument, ids: Identifiers | null): string {
  const i = "      ";
  const header = `    <invoiceHeader>\n${element("series", doc.series, i)}${element("aa", doc.number, i)}${element("issueDate", doc.issueDate, i)}` +
    `${element("invoiceType", doc.invoiceType, i)}${element("currency", doc.currency, i)}` +
    doc.correlatedMarks.map((mark) => element("correlatedInvoices", mark, i)).join("") + `    </invoiceHeader>\n`;
  const payments = doc.payments.length === 0 ? "" : `    <paymentMethods>\n${doc.payments.map((payment) =>
    `      <paymentMethodDetails>\n${element("type", payment.code, "        ")}${element("amount", formatCents(payment.amountCents), "        ")}      </paymentMethodDetails>\n`).join("")}    </paymentMethods>\n`;
  const sum = (pick: (taxes: ParsedLine["taxes"]) => number) =>
    doc.lines.reduce((total, line) => total + ((line.taxes as ParsedLine["taxes"] | undefined) === undefined ? 0 : pick(line.taxes)), 0);
  const totals: [string, number][] = [
    ["totalWithheldAmount", sum((taxes) => taxes.withheld.amountCents)], ["totalFeesAmount", sum((taxes) => taxes.fees.amountCents)],
    ["totalStampDutyAmount", sum((taxes) => taxes.stampDuty.amountCents)], ["totalOtherTaxesAmount", sum((taxes) => taxes.otherTaxes.amountCents)],
    ["totalDeductionsAmount", sum((taxes) => taxes.deductionsCents)],
  ];
  const summary = `    <invoiceSummary>\n${element("totalNetValue", formatCents(doc.summary.netCents), i)}${element("totalVatAmount", formatCents(doc.summary.vatCents), i)}` +
    totals.map(([name, cents]) => element(name, formatCents(cents), i)).join("") +
    `${element("totalGrossValue", formatCents(doc.summary.grossCents), i)}` +
    vatBreakdown(doc).map((row) => `      <!-- VAT ${row.ratePercent}% (category ${row.vatCategory}): ${formatCents(row.underlyingCents)} / ${formatCents(row.vatCents)} -->\n`).join("") +
    `    </invoiceSummary>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<InvoicesDoc xmlns="http://www.aade.gr/myDATA/invoice/v1.0" xmlns:icls="https://www.aade.gr/myDATA/incomeClassificaton/v1.0">\n` +
    `  <invoice>\n${element("uid", ids?.uid ?? null, "    ")}${element("mark", ids?.mark ?? null, "    ")}${element("authenticationCode", ids?.authenticationCode ?? null, "    ")}` +
    party("issuer", doc.issuer) + (doc.counterparty === null ? "" : party("counterpart", doc.counterparty)) +
    header + payments + doc.lines.map(detail).join("") + summary + `  </invoice>\n</InvoicesDoc>\n`;
}
