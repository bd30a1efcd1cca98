import "server-only";
import type { DocumentKind, DocumentStatus, NextAction } from "@/lib/db/schema";
import type { AcceptedDocument, LookupOutcome, SendOutcome } from "@/lib/provider/types";
import { IllegalTransitionError } from "@/lib/sending/errors";
import { backoffDelayMs, type SendingPolicy } from "@/lib/sending/policy";
import { describeLookupError, describeSendError, type RecordedError } from "@/lib/sending/recorded-error";
import { duplicateMatches, lookupMatches, type OurIdentity } from "@/lib/sending/provider-match";

/** Where a document stands and, while it still moves, what the worker does next. */
export interface MachineState {
  status: DocumentStatus;
  nextAction: NextAction | null;
}

/** What happened to the document. */
export type MachineEvent =
  | { type: "send_started" }
  | { type: "sent"; outcome: SendOutcome }
  | { type: "looked_up"; outcome: LookupOutcome }
  | { type: "lease_expired" }
  | { type: "retry_requested" };

/** Everything besides the state that a decision depends on. */
export interface MachineContext {
  now: Date;
  deadlineAt: Date;
  /**
   * Sends counted against the budget (`maxAmbiguousSends`) since the last manual retry, the send
   * being decided included. Sends that never connected and lock answers are not counted.
   */
  sendsUsed: number;
  /** All send attempts ever made. */
  attemptCount: number;
  retryStep: number;
  /** A draw in [0, 1) for the back-off jitter. */
  random: number;
  policy: SendingPolicy;
  ours: OurIdentity;
  /** A composed document (`/Invoice/json`) or a credit of an existing one (`/Invoice/credit`); compose when omitted. */
  kind?: DocumentKind | undefined;
}

export interface Transition {
  status: DocumentStatus;
  nextAction: NextAction | null;
  /** Milliseconds until the worker acts again; null when nothing automatic follows. */
  delayMs: number | null;
  retryStep: number;
  /** Machine-readable why, shown on the timeline (`accepted`, `deadline_passed`, …). */
  reason: string;
  accepted?: AcceptedDocument;
  error?: RecordedError;
  /**
   * true when the send just answered does not count against the budget: nothing reached the
   * provider (the connection was never open) or the provider only reported its lock.
   */
  uncounted?: boolean;
}

const MOVING: readonly DocumentStatus[] = ["queued", "unknown"];

/**
 * How an outcome that leaves the document's fate open is resolved. A composed document is sent
 * again, identical: a registered one comes back as a duplicate carrying its stored answer
 * (docs/reference/observed-uat.md §2). A credit of an existing document is looked for in the document list
 * first, because its answer never carries the MARK.
 */
function recoveryAction(ctx: MachineContext): NextAction {
  return ctx.kind === "credit_existing" ? "lookup" : "send";
}

function settle(status: DocumentStatus, ctx: MachineContext, reason: string, extra: Partial<Transition> = {}): Transition {
  return { status, nextAction: null, delayMs: null, retryStep: ctx.retryStep, reason, ...extra };
}

/** Stays `unknown` and tries `nextAction` after `delayMs`, unless the deadline has passed. */
function later(nextAction: NextAction, delayMs: number, retryStep: number, ctx: MachineContext, reason: string, error?: RecordedError): Transition {
  if (ctx.now.getTime() >= ctx.deadlineAt.getTime()) {
    return settle("needs_attention", ctx, "deadline_passed", error === undefined ? { retryStep } : { retryStep, error });
  }
  return { status: "unknown", nextAction, delayMs, retryStep, reason, ...(error === undefined ? {} : { error }) };
}

function backoff(nextAction: NextAction, ctx: MachineContext, reason: string, error: RecordedError | undefined, retryAfterMs: number | null = null): Transition {
  const delay = backoffDelayMs(ctx.retryStep, ctx.policy, ctx.random, retryAfterMs);
  return later(nextAction, delay, ctx.retryStep + 1, ctx, reason, error);
}

/** A send that counts against the budget of ambiguous sends; past the budget a person decides. */
function resendOrGiveUp(ctx: MachineContext, reason: string, delayMs: number, retryStep: number, error?: RecordedError): Transition {
  if (ctx.sendsUsed >= ctx.policy.maxAmbiguousSends) {
    return settle("needs_attention", ctx, "attempts_exhausted", error === undefined ? {} : { error });
  }
  return later("send", delayMs, retryStep, ctx, reason, error);
}

/** Resolves an open outcome after back-off: resend (compose) or look in the list (credit). */
function recoverLater(ctx: MachineContext, reason: string, error: RecordedError, retryAfterMs: number | null = null): Transition {
  const action = recoveryAction(ctx);
  if (action === "lookup") return backoff("lookup", ctx, reason, error, retryAfterMs);
  const delay = backoffDelayMs(ctx.retryStep, ctx.policy, ctx.random, retryAfterMs);
  return resendOrGiveUp(ctx, reason, delay, ctx.retryStep + 1, error);
}

function acceptedFields(document: AcceptedDocument): AcceptedDocument {
  const { mark, uid, authenticationCode, url, qrUrl } = document;
  return qrUrl === undefined ? { mark, uid, authenticationCode, url } : { mark, uid, authenticationCode, url, qrUrl };
}

function afterDuplicate(outcome: Extract<SendOutcome, { kind: "duplicate" }>, ctx: MachineContext): Transition {
  const registered = outcome.registered;
  const match = registered === null ? { ok: "incomplete" as const } : duplicateMatches(registered, ctx.ours);
  if (registered !== null && match.ok === true) {
    return settle("accepted", ctx, "duplicate_confirmed", { accepted: acceptedFields(registered) });
  }
  if (registered !== null && match.ok === false) {
    // Another document holds our series and number at the provider (another system used them that day).
    const message = `The provider holds another document under ${ctx.ours.series}/${ctx.ours.number} (MARK ${registered.mark}): ${match.differences.join("; ")}. Its MARK is not ours.`;
    return settle("needs_attention", ctx, "duplicate_other_document", { error: { kind: "mismatch", httpStatus: outcome.httpStatus, message, errors: [] } });
  }
  return later("confirm_duplicate", 0, ctx.retryStep, ctx, "duplicate_answer", describeSendError(outcome));
}

function afterSend(outcome: SendOutcome, ctx: MachineContext): Transition {
  switch (outcome.kind) {
    case "accepted":
      return settle("accepted", ctx, "accepted", { accepted: acceptedFields(outcome) });
    case "accepted_without_mark":
      return later("await_listing", ctx.policy.processingPollMs, 0, ctx, "credit_made_awaiting_list");
    case "rejected":
    case "unauthorized":
      return settle("rejected", ctx, outcome.kind, { error: describeSendError(outcome) });
    case "duplicate":
      return afterDuplicate(outcome, ctx);
    case "locked":
      // Not a failure: the provider is still working on an earlier call, or holds the number for a
      // while after a 500. The identical document goes again once the lock is over; the deadline bounds it.
      return { ...later("send", Math.max(ctx.policy.lockWaitMs, outcome.retryAfterMs ?? 0), ctx.retryStep, ctx, "provider_locked"), uncounted: true };
    case "unavailable":
      if (outcome.registered === "no") {
        return resendOrGiveUp(ctx, "provider_not_registered", Math.max(ctx.policy.lockWaitMs, outcome.retryAfterMs ?? 0), ctx.retryStep + 1, describeSendError(outcome));
      }
      return recoverLater(ctx, "provider_unavailable", describeSendError(outcome), outcome.retryAfterMs);
    case "ambiguous": {
      const error = describeSendError(outcome);
      if (!outcome.connected) {
        // Nothing reached the provider: sending again is safe without a look-up, and this send
        // does not use up the budget (an outage is waited out, bounded by the deadline only).
        const delay = backoffDelayMs(ctx.retryStep, ctx.policy, ctx.random);
        return { ...later("send", delay, ctx.retryStep + 1, ctx, "not_connected", error), uncounted: true };
      }
      return recoverLater(ctx, `no_answer_${outcome.reason}`, error);
    }
  }
}

function afterLookup(nextAction: NextAction, outcome: LookupOutcome, ctx: MachineContext): Transition {
  const confirming = nextAction === "confirm_duplicate";
  const awaiting = nextAction === "await_listing";
  switch (outcome.kind) {
    case "found":
      if (outcome.status === "processing") {
        return later(nextAction, ctx.policy.processingPollMs, ctx.retryStep, ctx, "provider_processing");
      }
      if (outcome.status === "accepted") {
        const match = lookupMatches(outcome, ctx.ours);
        if (!match.ok || outcome.mark === undefined) {
          return settle("needs_attention", ctx, confirming ? "duplicate_mismatch" : "lookup_mismatch", {
            error: { kind: "mismatch", httpStatus: outcome.httpStatus, message: match.ok ? "accepted without MARK" : match.differences.join("; "), errors: [] },
          });
        }
        const { mark, uid = "", authenticationCode = "", url = "", qrUrl } = outcome;
        const reason = confirming ? "duplicate_confirmed" : awaiting ? "found_listed" : "found_accepted";
        return settle("accepted", ctx, reason, { accepted: acceptedFields({ mark, uid, authenticationCode, url, qrUrl }) });
      }
      return confirming || awaiting
        ? settle("needs_attention", ctx, "duplicate_rejected", { error: describeLookupError(outcome) })
        : settle("rejected", ctx, "found_rejected", { error: describeLookupError(outcome) });
    case "not_found":
      if (confirming) {
        // The provider says a document with our UID exists, but it cannot be shown to be ours.
        return settle("needs_attention", ctx, "duplicate_not_found", { error: describeLookupError(outcome) });
      }
      if (awaiting) {
        // The credit exists; the list has not caught up yet. Not an error: keep looking, backing off.
        const delay = Math.max(ctx.policy.processingPollMs, backoffDelayMs(ctx.retryStep, ctx.policy, ctx.random));
        return later("await_listing", delay, ctx.retryStep + 1, ctx, "not_listed_yet");
      }
      return resendOrGiveUp(ctx, "not_found_resend", 0, ctx.retryStep);
    case "unavailable":
    case "ambiguous":
      return backoff(nextAction, ctx, "lookup_failed", describeLookupError(outcome));
  }
}

/**
 * The sending state machine: `queued → sending → accepted | rejected | unknown | needs_attention`.
 * Pure: time, the jitter draw and the budget come in through `ctx`. A send is only ever
 * started from `queued` or from `unknown` whose next action is `send`; `accepted` and
 * `rejected` are final for automation. `unknown` is resolved by sending the identical document
 * again (its duplicate answer carries the truth), or, for a credit of an existing document, by
 * the provider's document list first.
 * @throws IllegalTransitionError when `event` cannot happen in `current`.
 */
export function nextState(current: MachineState, event: MachineEvent, ctx: MachineContext): Transition {
  const illegal = (): never => {
    throw new IllegalTransitionError(current.status, event.type);
  };
  switch (event.type) {
    case "send_started":
      if (!MOVING.includes(current.status) || current.nextAction !== "send") return illegal();
      return { status: "sending", nextAction: null, delayMs: null, retryStep: ctx.retryStep, reason: "attempt_started" };
    case "sent":
      if (current.status !== "sending") return illegal();
      return afterSend(event.outcome, ctx);
    case "looked_up":
      if (current.status !== "unknown" || current.nextAction === null || current.nextAction === "send") return illegal();
      return afterLookup(current.nextAction, event.outcome, ctx);
    case "lease_expired":
      if (current.status !== "sending") return illegal();
      return { status: "unknown", nextAction: recoveryAction(ctx), delayMs: 0, retryStep: ctx.retryStep, reason: "lease_expired" };
    case "retry_requested":
      if (current.status !== "unknown" && current.status !== "needs_attention") return illegal();
      if (ctx.attemptCount === 0) return { status: "queued", nextAction: "send", delayMs: 0, retryStep: 0, reason: "retry_requested" };
      return {
        status: "unknown",
        nextAction: current.status === "unknown" && current.nextAction !== null ? current.nextAction : recoveryAction(ctx),
        delayMs: 0,
        retryStep: 0,
        reason: "retry_requested",
      };
  }
}
