/**
 * Builds the credit that POST /Invoice/credit issues for an original: the original's lines and
 * totals (a full credit, since the request carries no amounts) under the new series, number
 * and InternalDocumentId, as a 5.2 — or a 5.1 correlated to the original's MARK.
 */
import { athensDateTime } from "./ids";
import { isObject, setField, getObject, type JsonObject } from "./json-fields";
import type { ParsedDocument, StoredDocument } from "./types";

export interface CreditRequest {
  issuerTin: string;
  authenticationCode: string;
  /** Null when the request sent none (0 or empty). */
  mark: string | null;
  series: string;
  number: string;
  internalId: string;
  relateCredit: boolean;
  preventDocumentMapping: boolean;
}

export interface BuiltCredit {
  document: ParsedDocument;
  payload: JsonObject;
}

function buildPayload(original: StoredDocument, document: ParsedDocument, request: CreditRequest): JsonObject {
  const payload: JsonObject = isObject(original.payload) ? structuredClone(original.payload) : {};
  setField(payload, "InvoiceTypeCode", document.invoiceType);
  setField(payload, "InvoiceType", document.invoiceType === "5.1" ? "ΠΙΣΤΩΤΙΚΟ ΤΙΜΟΛΟΓΙΟ ΣΥΣΧΕΤΙΖΟΜΕΝΟ" : "ΠΙΣΤΩΤΙΚΟ ΤΙΜΟΛΟΓΙΟ");
  setField(payload, "Series", document.series);
  setField(payload, "Number", document.number);
  setField(payload, "DateIssued", document.dateIssued);
  setField(payload, "CorrelatedInvoices", document.correlatedMarks.map(Number));
  setField(payload, "RelativeDocuments", [`${original.document.series}/${original.document.number}`]);
  const distribution = getObject(payload, "DistributionDetails") ?? {};
  setField(distribution, "InternalDocumentId", document.internalId);
  setField(payload, "DistributionDetails", distribution);
  setField(payload, "PreventDocumentMapping", request.preventDocumentMapping);
  return payload;
}

export function buildCredit(original: StoredDocument, request: CreditRequest, at: Date): BuiltCredit {
  const dateIssued = athensDateTime(at);
  const document: ParsedDocument = {
    ...structuredClone(original.document),
    invoiceType: request.relateCredit ? "5.1" : "5.2",
    series: request.series,
    number: request.number,
    dateIssued,
    issueDate: dateIssued.slice(0, 10),
    internalId: request.internalId,
    correlatedMarks: request.relateCredit ? [original.mark] : [],
    reference: `${original.document.series}/${original.document.number} (MARK ${original.mark})`,
  };
  return { document, payload: buildPayload(original, document, request) };
}
