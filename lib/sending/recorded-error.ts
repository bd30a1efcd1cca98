import "server-only";
import type { RecordedError } from "@/lib/db/schema";
import type { LookupOutcome, SendOutcome } from "@/lib/provider/types";

export type { RecordedError };

/** The failure part of a send outcome (an accepted outcome has none). */
export function describeSendError(outcome: Exclude<SendOutcome, { kind: "accepted" | "accepted_without_mark" }>): RecordedError {
  switch (outcome.kind) {
    case "rejected":
      return { kind: "rejected", httpStatus: outcome.httpStatus, message: outcome.message, errors: outcome.errors, isAadeError: outcome.isAadeError };
    case "ambiguous":
      return { kind: "ambiguous", httpStatus: outcome.httpStatus, message: outcome.message, errors: [], reason: outcome.reason };
    default:
      return { kind: outcome.kind, httpStatus: outcome.httpStatus, message: outcome.message, errors: [] };
  }
}

/** The failure part of a look-up outcome. */
export function describeLookupError(outcome: LookupOutcome): RecordedError {
  switch (outcome.kind) {
    case "found":
      return { kind: `lookup_${outcome.status}`, httpStatus: outcome.httpStatus, message: outcome.message ?? "", errors: outcome.errors };
    case "not_found":
      return { kind: "lookup_not_found", httpStatus: outcome.httpStatus, message: "The provider does not know this document", errors: [] };
    case "unavailable":
      return { kind: "lookup_unavailable", httpStatus: outcome.httpStatus, message: outcome.message, errors: [] };
    case "ambiguous":
      return { kind: "lookup_ambiguous", httpStatus: outcome.httpStatus, message: outcome.message, errors: [], reason: outcome.reason };
  }
}
