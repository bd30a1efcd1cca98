/**
 * POST /Invoice/credit — credits an issued document found by its authentication code. Answers 201
 * `{}` (docs/reference/observed-uat.md §7); the credit document then appears in GET /api/Invoice/GetDocuments.
 */
import { normaliseVat } from "./afm";
import { invalidJsonErrors, replyUnauthorized, replyValidation, validationMessage } from "./answers";
import { credentialAfms } from "./auth";
import { buildCredit, type CreditRequest } from "./credit-builder";
import { noteIds, parseJsonBody, readBody, type Exchange } from "./exchange";
import { applyErpFault, applyPreStoreFault, replyIfBusy, type SubmissionTarget } from "./fault-responses";
import { erpFaultOf } from "./faults";
import { asText, getField, isObject } from "./json-fields";
import { newParseContext, readText, reportInvalid, type ParseContext } from "./parse-fields";
import { identityOf, runSubmission, type Decision } from "./submission";
import type { FieldError, StoredDocument } from "./types";

/** No InvoicesDoc exists yet for a credit request the provider refused before building one. */
const NO_REQUEST_XML = `<?xml version="1.0" encoding="UTF-8"?>\n<InvoicesDoc xmlns="http://www.aade.gr/myDATA/invoice/v1.0" />\n`;

function readFlag(ctx: ParseContext, body: unknown, name: string): boolean {
  const value = getField(body, name);
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  reportInvalid(ctx, name, `${name} must be true or false.`);
  return false;
}

/** MARK 0 or blank means "not given" (the provider's own example sends 0). */
function readMark(body: unknown): string | null {
  const text = asText(getField(body, "mark"));
  return text === undefined || /^0+$/.test(text) ? null : text;
}

function parseCreditRequest(body: unknown): { request: CreditRequest } | { errors: FieldError[] } {
  const ctx = newParseContext();
  const required = { required: true };
  const issuerTin = readText(ctx, body, "", "issuerTin", required);
  const authenticationCode = readText(ctx, body, "", "authenticationCode", required);
  const series = readText(ctx, body, "", "series", required);
  const number = readText(ctx, body, "", "number", required);
  const internalId = readText(ctx, body, "", "internalId", required);
  const relateCredit = readFlag(ctx, body, "relateCredit");
  const preventDocumentMapping = readFlag(ctx, body, "preventDocumentMapping");
  if (issuerTin === null || authenticationCode === null || series === null || number === null || internalId === null ||
    ctx.providerErrors.length > 0) {
    return { errors: ctx.providerErrors };
  }
  return { request: { issuerTin, authenticationCode, mark: readMark(body), series, number, internalId, relateCredit, preventDocumentMapping } };
}

function rejectCredit(ex: Exchange, request: CreditRequest, error: FieldError): void {
  const issuerAfm = normaliseVat(request.issuerTin);
  ex.ctx.store.saveRejected({
    internalId: request.internalId, uid: null, issuerAfm, at: new Date().toISOString(), message: validationMessage([error]), errors: [error],
  });
  replyValidation(ex, [error], NO_REQUEST_XML);
}

/** A 5.1 can be issued only once per original; 5.2 credits are repeatable. */
function decideCredit(ex: Exchange, original: StoredDocument, request: CreditRequest, credit: Decision & { kind: "accept" }): Decision {
  const alreadyCorrelated = ex.ctx.store.listDocuments()
    .some((doc) => doc.creditOfMark === original.mark && doc.issuerAfm === original.issuerAfm && doc.document.invoiceType === "5.1");
  if (request.relateCredit && alreadyCorrelated) {
    return { kind: "conflict", message: `A correlated credit (5.1) has already been issued for MARK ${original.mark}` };
  }
  return credit;
}

export async function handleInvoiceCredit(ex: Exchange): Promise<void> {
  const { ctx, req } = ex;
  const receivedAt = new Date();
  const fault = ctx.faults.take("credit");
  const body = await readBody(req);
  if (applyPreStoreFault(ex, fault)) return;
  const afms = credentialAfms(req, ctx.keys, ctx.tokens, Date.now());
  if (afms.length === 0) return replyUnauthorized(ex);
  const parsed = parseJsonBody(body);
  if (!parsed.ok || !isObject(parsed.value)) return replyValidation(ex, invalidJsonErrors(), NO_REQUEST_XML);
  const read = parseCreditRequest(parsed.value);
  if ("errors" in read) return replyValidation(ex, read.errors, NO_REQUEST_XML);
  const { request } = read;
  noteIds(ex, { internalId: request.internalId });
  const issuerAfm = normaliseVat(request.issuerTin);
  if (!afms.includes(issuerAfm)) return replyUnauthorized(ex);
  const target: SubmissionTarget = { issuerAfm, internalId: request.internalId, series: request.series, number: request.number };
  if (replyIfBusy(ex, target)) return;
  const erp = erpFaultOf(req.headers.erp, fault);
  if (applyErpFault(ex, erp, target, () => NO_REQUEST_XML)) return;
  const original = ctx.store.findByAuthenticationCode(issuerAfm, request.authenticationCode);
  if (original === undefined) {
    const message = "No document with this authentication code was issued by this issuer.";
    return rejectCredit(ex, request, { code: "DocumentNotFound", message, field: "authenticationCode" });
  }
  if (request.mark !== null && request.mark !== original.mark) {
    const message = `The mark ${request.mark} does not belong to the document with this authentication code.`;
    return rejectCredit(ex, request, { code: "MarkMismatch", message, field: "mark" });
  }
  const credit = buildCredit(original, request, receivedAt);
  const accept = { kind: "accept", document: credit.document, payload: credit.payload, creditOfMark: original.mark } as const;
  await runSubmission(ex, {
    identity: identityOf(credit.document), series: request.series, number: request.number, origin: "credit", fault, receivedAt,
    delayedRegistration: erp === "FAKE_IAPR_DELAYED_TIMEOUT",
    decide: () => decideCredit(ex, original, request, accept),
    // The provider documents 201 with an empty object: no MARK; the credit is found in the document list.
    successBody: () => ({}),
  });
}
