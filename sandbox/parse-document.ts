/**
 * Provider-level validation of a POST /Invoice/json body: mandatory fields, code lists and the
 * Greek counterparty AFM rule. What passes comes out typed as a ParsedDocument; myDATA-level
 * rules run on that afterwards (aade-rules.ts).
 */
import { INVOICE_TYPE_CODES } from "./codes";
import { getField, getObject } from "./json-fields";
import { newParseContext, readText, reportInvalid, type ParseContext } from "./parse-fields";
import { parseLines } from "./parse-lines";
import { parseCounterparty, parseIssuer } from "./parse-parties";
import { parsePayments, parseSummary, parseVatAnalysis } from "./parse-totals";
import type { AadeIssue, FieldError, ParsedDocument } from "./types";

export interface ParseResult {
  errors: FieldError[];
  aadeIssues: AadeIssue[];
  document: ParsedDocument | null;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function readIssueDate(ctx: ParseContext, doc: unknown): string | null {
  const text = readText(ctx, doc, "", "DateIssued", { required: true });
  if (text === null) return null;
  const match = DATE_TIME.exec(text);
  if (match === null || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    reportInvalid(ctx, "DateIssued", `DateIssued "${text}" is not a valid date (expected YYYY-MM-DDTHH:mm:ss).`);
    return null;
  }
  return text;
}

function readCode(ctx: ParseContext, doc: unknown, name: string, isValid: (value: string) => boolean): string | null {
  const value = readText(ctx, doc, "", name, { required: true });
  if (value !== null && !isValid(value)) {
    reportInvalid(ctx, name, `The value "${value}" is not valid for ${name}.`, "InvalidCode");
    return null;
  }
  return value;
}

function readLimitedText(ctx: ParseContext, doc: unknown, name: string, maxLength: number): string | null {
  const value = readText(ctx, doc, "", name, { required: true });
  if (value !== null && value.length > maxLength) {
    reportInvalid(ctx, name, `${name} must be at most ${maxLength} characters.`);
    return null;
  }
  return value;
}

function readCorrelatedMarks(doc: unknown): string[] {
  const value = getField(doc, "CorrelatedInvoices");
  if (!Array.isArray(value)) return [];
  return value.filter((mark) => typeof mark === "number" || typeof mark === "string").map(String);
}

/** The exchange rate of a non-EUR document: top-level ExchangeRate or PaymentDetails.ExchangeCurrencyRate (a positive number). */
function readExchangeRate(doc: unknown): number | null {
  const value = getField(doc, "ExchangeRate") ?? getField(getObject(doc, "PaymentDetails"), "ExchangeCurrencyRate");
  const rate = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}

function readReference(ctx: ParseContext, doc: unknown): string | null {
  const purchaseOrder = readText(ctx, getObject(doc, "MiscellaneousData"), "MiscellaneousData", "PurchaseOrderNumber");
  const related = getField(doc, "RelativeDocuments");
  const firstRelated = Array.isArray(related) ? related.find((item): item is string => typeof item === "string" && item !== "") : undefined;
  return purchaseOrder ?? firstRelated ?? null;
}

export function parseDocument(raw: unknown): ParseResult {
  const ctx = newParseContext();
  const currency = readCode(ctx, raw, "CurrencyCode", (value) => /^[A-Z]{3}$/.test(value));
  const invoiceType = readCode(ctx, raw, "InvoiceTypeCode", (value) => INVOICE_TYPE_CODES.has(value));
  const documentTypeCode = readText(ctx, raw, "", "DocumentTypeCode", { required: true });
  const series = readLimitedText(ctx, raw, "Series", 50);
  const number = readLimitedText(ctx, raw, "Number", 50);
  const dateIssued = readIssueDate(ctx, raw);
  const internalId = readText(ctx, getObject(raw, "DistributionDetails"), "DistributionDetails", "InternalDocumentId", { required: true });
  const issuer = parseIssuer(ctx, raw);
  const counterparty = parseCounterparty(ctx, raw, invoiceType);
  const lines = parseLines(ctx, raw);
  const summary = parseSummary(ctx, raw);
  const vatAnalysis = parseVatAnalysis(ctx, raw);
  const payments = parsePayments(ctx, raw);
  const reference = readReference(ctx, raw);
  const complete = currency !== null && invoiceType !== null && documentTypeCode !== null && series !== null &&
    number !== null && dateIssued !== null && internalId !== null && issuer !== null && summary !== null;
  if (ctx.providerErrors.length > 0 || !complete) {
    return { errors: ctx.providerErrors, aadeIssues: ctx.aadeIssues, document: null };
  }
  return {
    errors: [],
    aadeIssues: ctx.aadeIssues,
    document: {
      invoiceType, documentTypeCode, currency, series, number, dateIssued, issueDate: dateIssued.slice(0, 10), internalId,
      issuer, counterparty, lines, summary, vatAnalysis, payments, correlatedMarks: readCorrelatedMarks(raw), reference,
      exchangeRate: readExchangeRate(raw),
    },
  };
}
