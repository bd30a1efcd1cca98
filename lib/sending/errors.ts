import "server-only";
import type { DocumentStatus } from "@/lib/db/schema";
import { AppError } from "@/lib/domain/errors";

/** An explicit number that a document of the same issuer and series already holds (`number_taken`). */
export class NumberTakenError extends AppError {
  override name = "NumberTakenError";
  constructor(
    readonly issuerVat: string,
    readonly series: string,
    readonly number: string,
  ) {
    super("number_taken", { series, number }, `Number ${series}/${number} is already held by a document of ${issuerVat}`);
  }
}

/** Why an action is refused beyond the state itself; the caller reads it from the catalogue, logs read these. */
const REFUSAL_REASONS = {
  busy: "being sent right now",
  changed_meanwhile: "changed meanwhile",
  not_compose: "a credit of an existing document has no content to fix",
  issuer_fixed: "the issuer cannot change: the number belongs to the document's issuer",
  closed_out: "closed out",
} as const;

export type RefusalReason = keyof typeof REFUSAL_REASONS;

/** An action that the document's current state does not allow (`not_allowed_in_state`). */
export class ActionNotAllowedError extends AppError {
  override name = "ActionNotAllowedError";
  constructor(
    readonly action: "fix" | "retry" | "refresh" | "close_out",
    readonly status: DocumentStatus,
    readonly reason?: RefusalReason,
  ) {
    super(
      "not_allowed_in_state",
      reason === undefined ? { action, status } : { action, status, reason },
      `${action} is not allowed in state ${status}${reason === undefined ? "" : ` (${REFUSAL_REASONS[reason]})`}`,
    );
  }
}

/** No document with that id (`not_found`). */
export class DocumentNotFoundError extends AppError {
  override name = "DocumentNotFoundError";
  constructor(readonly id: string) {
    super("not_found", { subject: "document" }, `No document ${id}`);
  }
}

/** A transition the state machine does not define; a programming error, never a user error. */
export class IllegalTransitionError extends Error {
  override name = "IllegalTransitionError";
  constructor(
    readonly status: DocumentStatus,
    readonly event: string,
  ) {
    super(`No transition from ${status} on ${event}`);
  }
}
