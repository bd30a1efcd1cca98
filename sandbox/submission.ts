/**
 * The path every submission (POST /Invoice/json and /Invoice/credit) takes once it is parsed
 * and authenticated: "already being transmitted" check → attempt opened → optional delay →
 * duplicate check by myDATA UID → decision → store → answer (or the post-store fault).
 */
import { formatCents } from "./amounts";
import { registeredBody, replyDuplicate, replyIaprTimeout, replyInFlight, replySaveError, replyValidation } from "./answers";
import { hang, noteIds, replyJson, replyRaw, resetConnection, sleep, type Exchange } from "./exchange";
import type { Fault } from "./faults";
import { computeAuthenticationCode, computeUid, newSignature } from "./ids";
import { isRegistered } from "./store";
import type { FieldError, ParsedDocument, StoredDocument, SubmissionIdentity } from "./types";

export type Decision =
  | { kind: "reject"; message: string; errors: FieldError[]; requestXml: string }
  | { kind: "conflict"; message: string }
  | { kind: "accept"; document: ParsedDocument; payload: unknown; creditOfMark: string | null };

export interface SubmissionPlan {
  identity: SubmissionIdentity;
  series: string;
  number: string;
  origin: StoredDocument["origin"];
  fault: Fault | null;
  /** `erp: FAKE_IAPR_DELAYED_TIMEOUT`: myDATA registers the document late, the call may time out first. */
  delayedRegistration: boolean;
  receivedAt: Date;
  /** Runs after the processing, delay and duplicate steps; pure apart from reading the store. */
  decide(): Decision;
  /** The 201 body; POST /Invoice/credit answers `{}`. */
  successBody?: (doc: StoredDocument) => unknown;
}

export function identityOf(doc: ParsedDocument): SubmissionIdentity {
  const uid = computeUid({
    issuerAfm: doc.issuer.afm, issueDate: doc.issueDate, branch: doc.issuer.branch,
    invoiceType: doc.invoiceType, series: doc.series, number: doc.number,
  });
  return { issuerAfm: doc.issuer.afm, uid, internalId: doc.internalId };
}

function storeAccepted(ex: Exchange, plan: SubmissionPlan, decision: Extract<Decision, { kind: "accept" }>, registeredAt: Date): StoredDocument {
  const { document } = decision;
  const mark = ex.ctx.store.nextMark();
  const uid = identityOf(document).uid ?? "";
  const authenticationCode = computeAuthenticationCode({
    issuerAfm: document.issuer.afm, issueDate: document.issueDate, branch: document.issuer.branch,
    invoiceType: document.invoiceType, series: document.series, number: document.number, mark,
    gross: formatCents(document.summary.grossCents), vat: formatCents(document.summary.vatCents),
    counterpartyAfm: document.counterparty?.afm ?? "",
  });
  const acceptedAt = new Date();
  const stored: StoredDocument = {
    mark, uid, authenticationCode, signature: newSignature(), internalId: document.internalId,
    issuerAfm: document.issuer.afm, receivedAt: plan.receivedAt.toISOString(), acceptedAt: acceptedAt.toISOString(),
    ...(registeredAt > acceptedAt ? { registeredAt: registeredAt.toISOString() } : {}),
    origin: plan.origin, creditOfMark: decision.creditOfMark, document, payload: decision.payload,
  };
  ex.ctx.store.saveAccepted(stored);
  return stored;
}

/** The 201, or what a post-store fault turns it into. */
function answerAccepted(ex: Exchange, plan: SubmissionPlan, doc: StoredDocument): void {
  const body = plan.successBody === undefined ? registeredBody(ex.ctx, doc) : plan.successBody(doc);
  const { fault } = plan;
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

/**
 * FAKE_IAPR_DELAYED_TIMEOUT: the document is stored now but registered only `delayedRegisterMs`
 * after it arrived; until then it is in flight. When registration comes before the provider's
 * timeout the call answers 201 (case D), otherwise 408 "IAPR Timeout" (case C).
 */
async function registerLate(ex: Exchange, plan: SubmissionPlan, decision: Extract<Decision, { kind: "accept" }>): Promise<void> {
  const { settings, shutdown } = ex.ctx;
  const registeredAt = new Date(plan.receivedAt.getTime() + settings.delayedRegisterMs);
  const stored = storeAccepted(ex, plan, decision, registeredAt);
  if (settings.delayedRegisterMs <= settings.delayedTimeoutMs) {
    if (await sleep(Math.max(0, registeredAt.getTime() - Date.now()), shutdown)) answerAccepted(ex, { ...plan, fault: null }, stored);
    return;
  }
  const timeoutAt = plan.receivedAt.getTime() + settings.delayedTimeoutMs;
  if (await sleep(Math.max(0, timeoutAt - Date.now()), shutdown)) replyIaprTimeout(ex, "fault:FAKE_IAPR_DELAYED_TIMEOUT");
}

export async function runSubmission(ex: Exchange, plan: SubmissionPlan): Promise<void> {
  const { ctx } = ex;
  const { identity } = plan;
  noteIds(ex, identity);
  const busy = (): void => replyInFlight(ex, plan.series, plan.number, identity.internalId);
  if (ctx.store.isProcessing(identity, Date.now(), ctx.settings.processingWindowMs)) return busy();
  const attemptId = ctx.store.startAttempt(identity, plan.receivedAt.getTime());
  // The attempt ends only with a complete response: a hang or reset leaves it open.
  ex.beforeComplete = () => ctx.store.endAttempt(attemptId);
  if (plan.fault?.mode === "delay") {
    ex.entry.delayedMs = plan.fault.ms;
    if (!(await sleep(plan.fault.ms, ctx.shutdown))) return;
  }
  const existing = identity.uid === null ? undefined : ctx.store.findByUid(identity.uid);
  if (existing !== undefined) return isRegistered(existing, Date.now()) ? replyDuplicate(ex, existing) : busy();
  const decision = plan.decide();
  if (decision.kind === "reject") {
    if (identity.internalId !== null) {
      ctx.store.saveRejected({
        internalId: identity.internalId, uid: identity.uid, issuerAfm: identity.issuerAfm,
        at: new Date().toISOString(), message: decision.message, errors: decision.errors,
      });
    }
    if (plan.delayedRegistration) {
      // myDATA's refusal never reached the caller: the provider timed out first.
      if (await sleep(ctx.settings.delayedTimeoutMs, ctx.shutdown)) replyIaprTimeout(ex, "fault:FAKE_IAPR_DELAYED_TIMEOUT");
      return;
    }
    return replyValidation(ex, decision.errors, decision.requestXml);
  }
  if (decision.kind === "conflict") return replyJson(ex, 409, { success: false, message: decision.message }, "conflict");
  if (plan.delayedRegistration) return registerLate(ex, plan, decision);
  answerAccepted(ex, plan, storeAccepted(ex, plan, decision, new Date()));
}
