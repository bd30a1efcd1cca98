/**
 * How injected faults answer before anything is stored (control-API faults and `erp` switches),
 * and the "already being transmitted" guard that a save-error 500 and a delayed registration leave behind.
 */
import { AadeCode } from "./aade-codes";
import { wordAadeIssue } from "./aade-rules";
import { replyIaprTimeout, replyInFlight, replySaveError, replyValidation, validationMessage } from "./answers";
import { resetConnection, type Exchange } from "./exchange";
import type { ErpFault, Fault } from "./faults";

/** Answers for faults that strike before the document is stored; true when the request is done. */
export function applyPreStoreFault(ex: Exchange, fault: Fault | null): boolean {
  if (fault === null) return false;
  const outcome = `fault:${fault.mode}`;
  switch (fault.mode) {
    case "error500":
    case "status_error500":
      replySaveError(ex, outcome);
      return true;
    case "timeout_408":
      replyIaprTimeout(ex, outcome);
      return true;
    case "reset_before_store":
      resetConnection(ex, outcome);
      return true;
    default:
      return false;
  }
}

/** Whose document a request concerns, as far as it could be read before validation. */
export interface SubmissionTarget {
  issuerAfm: string;
  internalId: string | null;
  /** Null when the body has none; then no number can be locked. */
  series: string | null;
  number: string | null;
}

/**
 * 408 "already being transmitted" while the series|number is locked after a save-error 500, or
 * while a FAKE_IAPR_DELAYED_TIMEOUT document of the same series waits to be registered
 * (docs/reference/observed-uat.md §6, case C). True when the request is answered.
 */
export function replyIfBusy(ex: Exchange, target: SubmissionTarget | null): boolean {
  if (target?.series == null || target.number === null) return false;
  const now = Date.now();
  const { store } = ex.ctx;
  if (!store.isLocked(target.issuerAfm, target.series, target.number, now) && store.pendingInSeries(target.issuerAfm, target.series, now) === undefined) {
    return false;
  }
  replyInFlight(ex, target.series, target.number, target.internalId);
  return true;
}

/**
 * The UAT harness switches (docs/reference/observed-uat.md §6), applied once the caller is authenticated.
 * FAKE_IAPR_DELAYED_TIMEOUT is not answered here: its document goes through validation and is
 * registered late (submission.ts). True when the request is answered.
 */
export function applyErpFault(ex: Exchange, fault: ErpFault | null, target: SubmissionTarget | null, requestXml: () => string): boolean {
  if (fault === null || fault === "FAKE_IAPR_DELAYED_TIMEOUT") return false;
  const outcome = `fault:${fault}`;
  switch (fault) {
    case "FAKE_IAPR_TIMEOUT":
      replyIaprTimeout(ex, outcome);
      return true;
    case "FAKE_IAPR_VALIDATION_ERROR": {
      const errors = [wordAadeIssue({ code: AadeCode.Forced, text: "Fake validation error", field: "", line: null })];
      if (target?.internalId) {
        const message = validationMessage(errors);
        ex.ctx.store.saveRejected({
          issuerAfm: target.issuerAfm, internalId: target.internalId, uid: null, at: new Date().toISOString(), message, errors,
        });
      }
      replyValidation(ex, errors, requestXml(), outcome);
      return true;
    }
    case "FAKE_ELISE_SAVE_DOCUMENT_ERROR":
      if (target?.series != null && target.number !== null) {
        ex.ctx.store.lockNumber({
          issuerAfm: target.issuerAfm, series: target.series, number: target.number, untilMs: Date.now() + ex.ctx.settings.resendLockMs,
        });
      }
      replySaveError(ex, outcome);
      return true;
  }
}
