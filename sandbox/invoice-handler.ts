/** POST /Invoice/json — validates a provider document like the provider and myDATA, then registers it. */
import { normaliseVat } from "./afm";
import { checkAadeRules, wordAadeIssue } from "./aade-rules";
import { invalidJsonErrors, replyUnauthorized, replyValidation, validationMessage } from "./answers";
import { credentialAfms } from "./auth";
import { noteIds, parseJsonBody, readBody, type Exchange } from "./exchange";
import { applyErpFault, applyPreStoreFault, replyIfBusy, type SubmissionTarget } from "./fault-responses";
import { erpFaultOf } from "./faults";
import { asText, getField, getObject, isObject, type JsonObject } from "./json-fields";
import { parseDocument } from "./parse-document";
import { identityOf, runSubmission, type Decision } from "./submission";
import type { AadeIssue, FieldError, ParsedDocument } from "./types";
import { renderPartialRequestXml, renderRequestXml } from "./xml";

function decideAade(document: ParsedDocument, formatIssues: AadeIssue[], payload: JsonObject): Decision {
  const issues = checkAadeRules(document, formatIssues);
  if (issues.length === 0) return { kind: "accept", document, payload, creditOfMark: null };
  const errors = issues.map(wordAadeIssue);
  return { kind: "reject", message: validationMessage(errors), errors, requestXml: renderRequestXml(document) };
}

/** A provider-level rejection still counts for /MyData/status when the document can be told apart. */
function rejectInvalid(ex: Exchange, target: SubmissionTarget | null, errors: FieldError[], raw: unknown): void {
  const message = validationMessage(errors);
  if (target !== null && target.internalId !== null) {
    const at = new Date().toISOString();
    ex.ctx.store.saveRejected({ issuerAfm: target.issuerAfm, internalId: target.internalId, uid: null, at, message, errors });
  }
  replyValidation(ex, errors, renderPartialRequestXml(raw));
}

function readTarget(raw: JsonObject, issuerAfm: string | null): SubmissionTarget | null {
  if (issuerAfm === null) return null;
  return {
    issuerAfm,
    internalId: asText(getField(getObject(raw, "DistributionDetails"), "InternalDocumentId")) ?? null,
    series: asText(getField(raw, "Series")) ?? null,
    number: asText(getField(raw, "Number")) ?? null,
  };
}

export async function handleInvoiceJson(ex: Exchange): Promise<void> {
  const { ctx, req } = ex;
  const receivedAt = new Date();
  const fault = ctx.faults.take("json");
  const body = await readBody(req);
  if (applyPreStoreFault(ex, fault)) return;
  const afms = credentialAfms(req, ctx.keys, ctx.tokens, Date.now());
  if (afms.length === 0) return replyUnauthorized(ex);
  const parsed = parseJsonBody(body);
  if (!parsed.ok || !isObject(parsed.value)) return replyValidation(ex, invalidJsonErrors(), renderPartialRequestXml(null));
  const raw = parsed.value;
  const issuerVat = asText(getField(getObject(raw, "Issuer"), "Vat"));
  const issuerAfm = issuerVat === undefined ? null : normaliseVat(issuerVat);
  // The key must belong to Issuer.Vat; a missing Issuer.Vat is a validation error, reported below.
  if (issuerAfm !== null && !afms.includes(issuerAfm)) return replyUnauthorized(ex);
  const target = readTarget(raw, issuerAfm);
  noteIds(ex, { internalId: target?.internalId ?? asText(getField(getObject(raw, "DistributionDetails"), "InternalDocumentId")) });
  if (replyIfBusy(ex, target)) return;
  const erp = erpFaultOf(req.headers.erp, fault);
  if (applyErpFault(ex, erp, target, () => renderPartialRequestXml(raw))) return;
  const result = parseDocument(raw);
  if (result.document === null) return rejectInvalid(ex, target, result.errors, raw);
  const document = result.document;
  await runSubmission(ex, {
    identity: identityOf(document), series: document.series, number: document.number, origin: "json", fault, receivedAt,
    delayedRegistration: erp === "FAKE_IAPR_DELAYED_TIMEOUT",
    decide: () => decideAade(document, result.aadeIssues, raw),
  });
}
