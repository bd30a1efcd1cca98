/**
 * The provider's answer bodies in the shapes its UAT was observed to use
 * (docs/reference/observed-uat.md, recorded in tests/fixtures/provider).
 */
import { documentUrl, qrUrl, type SandboxContext } from "./context";
import { replyJson, type Exchange } from "./exchange";
import { integritySignature } from "./ids";
import type { FieldError, StoredDocument } from "./types";

export const MESSAGES = {
  unauthorized: "Unauthorized",
  invalidJson: "The request body is not valid JSON.",
  duplicate409: "Successfully submitted to IAPR",
  duplicate2xx: "Document has already been transmitted",
  saveError: "Could not accept document. Please resend.",
  iaprTimeout: "IAPR Timeout",
  aadePrefix: "Aade Validation Error: ",
} as const;

/** "Document A|999003 with InternalId 2 is already being transmitted." — the request's own series, number and id. */
export function inFlightMessage(series: string, number: string, internalId: string | null): string {
  return `Document ${series}|${number} with InternalId ${internalId ?? ""} is already being transmitted.`;
}

export function replyUnauthorized(ex: Exchange): void {
  replyJson(ex, 401, { success: false, message: MESSAGES.unauthorized, errors: [] }, "unauthorized");
}

export function replyInFlight(ex: Exchange, series: string, number: string, internalId: string | null): void {
  replyJson(ex, 408, { success: false, message: inFlightMessage(series, number, internalId) }, "processing");
}

export function replySaveError(ex: Exchange, outcome: string): void {
  replyJson(ex, 500, { success: false, message: MESSAGES.saveError }, outcome);
}

export function replyIaprTimeout(ex: Exchange, outcome: string): void {
  replyJson(ex, 408, { success: false, message: MESSAGES.iaprTimeout }, outcome);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

const RESPONSE_DOC_OPEN = `<?xml version="1.0" encoding="utf-8"?>\r\n` +
  `<ResponseDoc xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\r\n` +
  `  <response>\r\n    <index>1</index>\r\n`;
const RESPONSE_DOC_CLOSE = `  </response>\r\n</ResponseDoc>`;

/** myDATA's ResponseDoc for a registered document, as the provider relays it in `myDataResponse`. */
function successResponseDoc(doc: StoredDocument, qr: string): string {
  return RESPONSE_DOC_OPEN +
    `    <invoiceUid>${doc.uid}</invoiceUid>\r\n    <invoiceMark>${doc.mark}</invoiceMark>\r\n` +
    `    <authenticationCode>${doc.authenticationCode}</authenticationCode>\r\n    <qrUrl>${escapeXml(qr)}</qrUrl>\r\n` +
    `    <statusCode>Success</statusCode>\r\n` + RESPONSE_DOC_CLOSE;
}

/** myDATA's ResponseDoc for a refused document: one <error> per finding. */
function validationResponseDoc(errors: WireError[]): string {
  const items = errors.map((error) =>
    `      <error>\r\n        <message>${escapeXml(error.text)}</message>\r\n        <code>${escapeXml(error.code)}</code>\r\n      </error>\r\n`).join("");
  return RESPONSE_DOC_OPEN + `    <statusCode>ValidationError</statusCode>\r\n    <errors>\r\n${items}    </errors>\r\n` + RESPONSE_DOC_CLOSE;
}

/** "2023-03-24T00:00:00": the issue date and time as the provider writes it, without a zone. */
export function providerDateTime(sent: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(sent);
  if (match === null) return sent;
  return `${match[1] ?? ""}T${match[2] ?? "00"}:${match[3] ?? "00"}:${match[4] ?? "00"}`;
}

/** MARKs are kept as digit strings; they stay below 2^53, so the JSON number is exact. */
export function markNumber(mark: string): number {
  const value = Number(mark);
  if (!Number.isSafeInteger(value)) throw new Error(`MARK ${mark} does not fit a JSON number exactly`);
  return value;
}

/** The 201 body of POST /Invoice/json (docs/reference/observed-uat.md §1); 409s repeat it for the stored document. */
export function registeredBody(ctx: SandboxContext, doc: StoredDocument): Record<string, unknown> {
  const qr = qrUrl(ctx, doc);
  return {
    integritySignature: integritySignature(doc),
    signature: `EL${doc.issuerAfm}-${doc.authenticationCode}`,
    uid: doc.uid,
    mark: markNumber(doc.mark),
    authenticationCode: doc.authenticationCode,
    myDataResponse: successResponseDoc(doc, qr),
    status: "SUBMITTED",
    series: doc.document.series,
    number: doc.document.number,
    dateIssued: providerDateTime(doc.document.dateIssued),
    domain: ctx.publicUrl,
    url: documentUrl(ctx, doc),
    erpQrCode: qr,
    internalId: doc.internalId,
    success: true,
  };
}

/**
 * The same UID is registered: 409 with the stored document's 201 body plus `uniqueId`, or the
 * older 2xx shape (200, "Document has already been transmitted") when the control API chose it.
 */
export function replyDuplicate(ex: Exchange, existing: StoredDocument): void {
  const body = registeredBody(ex.ctx, existing);
  if (ex.ctx.settings.duplicateShape === "2xx") {
    replyJson(ex, 200, { ...body, success: false, message: MESSAGES.duplicate2xx }, "duplicate");
  } else {
    replyJson(ex, 409, { ...body, success: false, uniqueId: existing.uid, message: MESSAGES.duplicate409 }, "duplicate");
  }
}

interface WireError {
  code: string;
  text: string;
}

/**
 * AADE codes for the provider-stage findings: whatever fails myDATA's XSD (a missing element, a
 * value outside its code list, an unreadable number or date) is 101 "XML Syntax Validation
 * Error"; a malformed Greek VAT number is 102. Findings of the provider's own (credit look-ups)
 * keep their names.
 */
const AADE_CODE_OF: Record<string, string> = {
  MissingField: "101", InvalidCode: "101", InvalidValue: "101", InvalidJson: "101", InvalidAfm: "102",
};

function toWire(error: FieldError): WireError {
  return { code: AADE_CODE_OF[error.code] ?? error.code, text: error.message };
}

/** The message of a 400: "Aade Validation Error: " and AADE's words, findings joined by " | ". */
export function validationMessage(errors: FieldError[]): string {
  return MESSAGES.aadePrefix + errors.map((error) => error.message).join(" | ");
}

/**
 * 400 in the observed shape (docs/reference/observed-uat.md §3): AADE's words in `myDataErrors[].value`, each
 * finding's code in the `<code>` of `myDataResponse`, the document as sent in `myDataRequest`.
 */
export function replyValidation(ex: Exchange, errors: FieldError[], requestXml: string, outcome = "rejected"): void {
  const wire = errors.map(toWire);
  replyJson(ex, 400, {
    myDataResponse: validationResponseDoc(wire),
    myDataErrors: wire.map((error, index) => ({ key: index + 1, value: error.text })),
    errorMessage: "ValidationError",
    myDataRequest: requestXml,
    success: false,
    message: validationMessage(errors),
  }, outcome);
}

export function invalidJsonErrors(): FieldError[] {
  return [{ code: "InvalidJson", message: MESSAGES.invalidJson, field: null }];
}
