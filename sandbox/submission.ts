/**
 * The path every submission (POST /Invoice/json and /Invoice/credit) takes once it is parsed
 * and authenticated: "still processing" check → attempt opened → optional delay → duplicate
 * check → decision → store → answer (or the post-store fault).
 */
import { formatCents } from "./amounts";
import { replyDuplicate, replyProcessing, replyRejected, replySaveError, successBody } from "./answers";
import { hang, noteIds, replyJson, replyRaw, resetConnection, sleep, type Exchange } from "./exchange";
import type { Fault } from "./faults";
import { computeAuthenticationCode, computeUid, newSignature } from "./ids";
import type { FieldError, ParsedDocument, StoredDocument, SubmissionIdentity } from "./types";

export type Decision =
  | { kind: "reject"; message: string; errors: FieldError[] }
  | { kind: "conflict"; message: string }
  | { kind: "accept"; document: ParsedDocument; payload: unknown; creditOfMark: string | null };

export interface SubmissionPlan {
  identity: SubmissionIdentity;
  origin: StoredDocument["origin"];
  fault: Fault | null;
  receivedAt: Date;
  /** Runs after the processing, delay and duplicate steps; pure apart from reading the store. */
  decide(): Decision;
}

export function identityOf(doc: ParsedDocument): SubmissionIdentity {
  const uid = computeUid({
    issuerAfm: doc.issuer.afm, issueDate: doc.issueDate, branch: doc.issuer.branch,
    invoiceType: doc.invoiceType, series: doc.series, number: doc.number,
  });
  return { issuerAfm: doc.issuer.afm, uid, internalId: doc.internalId };
}

function storeAccepted(ex: Exchange, plan: SubmissionPlan, decision: Extract<Decision, { kind: "accept" }>): StoredDocument {
  const { document } = decision;
  const mark = ex.ctx.store.nextMark();
  const uid = identityOf(document).uid ?? "";
  const authenticationCode = computeAuthenticationCode({
    issuerAfm: document.issuer.afm, issueDate: document.issueDate, branch: document.issuer.branch,
    invoiceType: document.invoiceType, series: document.series, number: document.number, mark,
    gross: formatCents(document.summary.grossCents), vat: formatCents(document.summary.vatCents),
    counterpartyAfm: document.counterparty?.afm ?? "",
  });
  const stored: StoredDocument = {
    mark, uid, authenticationCode, signature: newSignature(), internalId: document.internalId,
    issuerAfm: document.issuer.afm, receivedAt: plan.receivedAt.toISOString(), acceptedAt: new Date().toISOString(),
    origin: plan.origin, creditOfMark: decision.creditOfMark, document, payload: decision.payload,
  };
  ex.ctx.store.saveAccepted(stored);
  return stored;
}

/** The 201, or what a post-store fault turns it into. */
function answerAccepted(ex: Exchange, doc: StoredDocument, fault: Fault | null): void {
  const body = successBody(ex, doc);
  const outcome = fault === null ? "accepted" : `fault:${fault.mode}`;
  switch (fault?.mode) {
    case "error500_after_store":
      return replySaveError(ex, outcome);
    case "accept_then_hang":
      return hang(ex, outcome);
    case "reset_after_store":
      return resetConnection(ex, outcome);
    case "malformed_2xx": {
      const text = JSON.stringify(body);
      return replyRaw(ex, 201, "application/json; charset=utf-8", text.slice(0, Math.floor(text.length / 2)), outcome);
    }
    default:
      return replyJson(ex, 201, body, "accepted");
  }
}

function findDuplicate(ex: Exchange, identity: SubmissionIdentity): StoredDocument | undefined {
  const { store } = ex.ctx;
  const byUid = identity.uid === null ? undefined : store.findByUid(identity.uid);
  return byUid ?? (identity.internalId === null ? undefined : store.findByInternalId(identity.issuerAfm, identity.internalId));
}

export async function runSubmission(ex: Exchange, plan: SubmissionPlan): Promise<void> {
  const { ctx } = ex;
  const { identity } = plan;
  noteIds(ex, identity);
  if (ctx.store.isProcessing(identity, Date.now(), ctx.settings.processingWindowMs)) return replyProcessing(ex);
  const attemptId = ctx.store.startAttempt(identity, plan.receivedAt.getTime());
  // The attempt ends only with a complete response: a hang or reset leaves it open.
  ex.beforeComplete = () => ctx.store.endAttempt(attemptId);
  if (plan.fault?.mode === "delay" && !(await sleep(plan.fault.ms, ctx.shutdown))) return;
  const existing = findDuplicate(ex, identity);
  if (existing !== undefined) return replyDuplicate(ex, existing);
  const decision = plan.decide();
  if (decision.kind === "reject") {
    if (identity.internalId !== null) {
      ctx.store.saveRejected({
        internalId: identity.internalId, uid: identity.uid, issuerAfm: identity.issuerAfm,
        at: new Date().toISOString(), message: decision.message, errors: decision.errors,
      });
    }
    return replyRejected(ex, decision.message, decision.errors);
  }
  if (decision.kind === "conflict") return replyJson(ex, 409, { success: false, message: decision.message }, "conflict");
  const stored = storeAccepted(ex, plan, decision);
  answerAccepted(ex, stored, plan.fault);
}
