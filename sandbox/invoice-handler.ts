/** POST /Invoice/json — validates a provider document like the provider and myDATA, then registers it. */
import { normaliseVat } from "./afm";
import { aadeRejectionMessage, checkAadeRules, wordAadeIssue } from "./aade-rules";
import { MESSAGES, replyInvalidJson, replyRejected, replyUnauthorized } from "./answers";
import { credentialAfms } from "./auth";
import { noteIds, parseJsonBody, readBody, type Exchange } from "./exchange";
import { applyErpFault, applyPreStoreFault, type RejectionTarget } from "./fault-responses";
import { readErpFault } from "./faults";
import { asText, getField, getObject, isObject, type JsonObject } from "./json-fields";
import { parseDocument } from "./parse-document";
import { identityOf, runSubmission, type Decision } from "./submission";
import type { AadeIssue, FieldError, ParsedDocument } from "./types";

function decideAade(document: ParsedDocument, formatIssues: AadeIssue[], payload: JsonObject): Decision {
  const issues = checkAadeRules(document, formatIssues);
  if (issues.length === 0) return { kind: "accept", document, payload, creditOfMark: null };
  const errors = issues.map(wordAadeIssue);
  return { kind: "reject", message: aadeRejectionMessage(errors), errors };
}

/** A provider-level rejection still counts for /MyData/status when the document can be told apart. */
function rejectInvalid(ex: Exchange, target: RejectionTarget | null, errors: FieldError[]): void {
  if (target !== null && target.internalId !== null) {
    const at = new Date().toISOString();
    ex.ctx.store.saveRejected({ ...target, internalId: target.internalId, uid: null, at, message: MESSAGES.validationFailed, errors });
  }
  replyRejected(ex, MESSAGES.validationFailed, errors);
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
  if (!parsed.ok || !isObject(parsed.value)) return replyInvalidJson(ex);
  const raw = parsed.value;
  const issuerVat = asText(getField(getObject(raw, "Issuer"), "Vat"));
  const issuerAfm = issuerVat === undefined ? null : normaliseVat(issuerVat);
  // The key must belong to Issuer.Vat; a missing Issuer.Vat is a validation error, reported below.
  if (issuerAfm !== null && !afms.includes(issuerAfm)) return replyUnauthorized(ex);
  const internalId = asText(getField(getObject(raw, "DistributionDetails"), "InternalDocumentId")) ?? null;
  noteIds(ex, { internalId });
  const target = issuerAfm === null ? null : { issuerAfm, internalId };
  if (await applyErpFault(ex, readErpFault(req.headers.erp), target)) return;
  const result = parseDocument(raw);
  if (result.document === null) return rejectInvalid(ex, target, result.errors);
  const document = result.document;
  await runSubmission(ex, {
    identity: identityOf(document), origin: "json", fault, receivedAt,
    decide: () => decideAade(document, result.aadeIssues, raw),
  });
}
