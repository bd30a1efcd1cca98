/** How injected faults answer before anything is stored: control-API faults and `erp` header switches. */
import { AadeCode } from "./aade-codes";
import { aadeRejectionMessage, wordAadeIssue } from "./aade-rules";
import { replyIaprTimeout, replyRejected, replySaveError } from "./answers";
import { resetConnection, sleep, type Exchange } from "./exchange";
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

/** Whose document a forced rejection concerns, so that /MyData/status reports it as rejected. */
export interface RejectionTarget {
  issuerAfm: string;
  internalId: string | null;
}

/** The UAT harness switches (impact-api.md §11), applied once the caller is authenticated. */
export async function applyErpFault(ex: Exchange, fault: ErpFault | null, target: RejectionTarget | null): Promise<boolean> {
  if (fault === null) return false;
  const outcome = `fault:${fault}`;
  switch (fault) {
    case "FAKE_IAPR_TIMEOUT":
      replyIaprTimeout(ex, outcome);
      return true;
    case "FAKE_IAPR_DELAYED_TIMEOUT":
      if (await sleep(ex.ctx.config.delayedTimeoutMs, ex.ctx.shutdown)) replyIaprTimeout(ex, outcome);
      return true;
    case "FAKE_IAPR_VALIDATION_ERROR": {
      const errors = [wordAadeIssue({ code: AadeCode.Forced, text: "Validation error forced by the erp header.", field: "", line: null })]
        .map((error) => ({ ...error, field: null }));
      const message = aadeRejectionMessage(errors);
      if (target?.internalId) {
        ex.ctx.store.saveRejected({ ...target, internalId: target.internalId, uid: null, at: new Date().toISOString(), message, errors });
      }
      replyRejected(ex, message, errors);
      ex.entry.outcome = outcome;
      return true;
    }
    case "FAKE_ELISE_SAVE_DOCUMENT_ERROR":
      replySaveError(ex, outcome);
      return true;
  }
}
