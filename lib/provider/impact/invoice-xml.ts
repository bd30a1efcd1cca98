import "server-only";
import { XMLParser } from "fast-xml-parser";
import { scaledFromDecimalText } from "@/lib/domain/decimal-text";
import type { OriginalLine, OriginalTotals } from "@/lib/domain/issued-original";
import { decodeEntities } from "@/lib/provider/impact/mydata-response";

/**
 * The myDATA XML of an issued document as the provider's portal serves it at `{url}/aade`
 * (an InvoicesDoc with one invoice): header, parties, lines and summary, read with
 * fast-xml-parser. Pure; null for text that is not such a document.
 */
export interface InvoiceXml {
  mark: string | null;
  uid: string | null;
  authenticationCode: string | null;
  series: string;
  number: string;
  issueDate: string;
  invoiceType: string;
  issuerVat: string | null;
  counterpartyVat: string | null;
  counterpartyName: string | null;
  correlatedMarks: string[];
  lines: OriginalLine[];
  totals: OriginalTotals;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // Every value stays text: a MARK keeps its digits, a series its leading zeros.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ["invoice", "invoiceDetails", "incomeClassification", "correlatedInvoices"].includes(name),
});

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const node = (value: unknown): Node => (isNode(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const scaled = (value: unknown, scale: number): number => scaledFromDecimalText(text(value) ?? "0", scale) ?? 0;
const code = (value: unknown): number | null => {
  const read = text(value);
  return read === null || !/^\d+$/.test(read) ? null : Number(read);
};

function lineOf(detail: Node, index: number): OriginalLine {
  const classification = list(detail.incomeClassification).filter(isNode)[0];
  return {
    lineNumber: code(detail.lineNumber) ?? index + 1,
    description: text(detail.itemDescr) ?? "",
    quantityMilli: scaled(detail.quantity, 3) || 1000,
    unitCode: code(detail.measurementUnit) ?? 1,
    netCents: scaled(detail.netValue, 2),
    vatCents: scaled(detail.vatAmount, 2),
    vatCategory: code(detail.vatCategory) ?? 0,
    vatExemptionCategory: code(detail.vatExemptionCategory),
    incomeClassification: classification === undefined ? null : {
      category: text(classification.classificationCategory) ?? "",
      type: text(classification.classificationType),
    },
  };
}

export function readInvoiceXml(xml: string): InvoiceXml | null {
  let source = xml.trim().replace(/^\uFEFF/, "");
  if (source.startsWith("&lt;")) source = decodeEntities(source);
  if (!source.startsWith("<")) return null;
  let parsed: unknown;
  try {
    parsed = parser.parse(source);
  } catch {
    return null;
  }
  const doc = node(node(parsed).InvoicesDoc);
  const invoice = list(doc.invoice).find(isNode);
  if (invoice === undefined) return null;
  const header = node(invoice.invoiceHeader);
  const summary = node(invoice.invoiceSummary);
  const counterpart = node(invoice.counterpart);
  const lines = list(invoice.invoiceDetails).filter(isNode).map(lineOf);
  const netCents = isNode(invoice.invoiceSummary) ? scaled(summary.totalNetValue, 2) : lines.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = isNode(invoice.invoiceSummary) ? scaled(summary.totalVatAmount, 2) : lines.reduce((sum, line) => sum + line.vatCents, 0);
  const grossCents = isNode(invoice.invoiceSummary) ? scaled(summary.totalGrossValue, 2) : netCents + vatCents;
  return {
    mark: text(invoice.mark),
    uid: text(invoice.uid),
    authenticationCode: text(invoice.authenticationCode),
    series: text(header.series) ?? "",
    number: text(header.aa) ?? "",
    issueDate: text(header.issueDate) ?? "",
    invoiceType: text(header.invoiceType) ?? "",
    issuerVat: text(node(invoice.issuer).vatNumber),
    counterpartyVat: text(counterpart.vatNumber),
    counterpartyName: text(counterpart.name),
    correlatedMarks: list(header.correlatedInvoices).map(text).filter((mark): mark is string => mark !== null),
    lines,
    totals: { netCents, vatCents, grossCents },
  };
}
