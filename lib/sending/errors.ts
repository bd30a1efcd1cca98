import "server-only";
import type { DocumentStatus } from "@/lib/db/schema";

/** An explicit number that a document of the same issuer and series already holds (→ HTTP 409). */
export class NumberTakenError extends Error {
  override name = "NumberTakenError";
  readonly code = "number_taken";
  constructor(
    readonly issuerVat: string,
    readonly series: string,
    readonly number: string,
  ) {
    super(`Number ${series}/${number} is already held by a document of ${issuerVat}`);
  }
}

/** An action that the document's current state does not allow (→ HTTP 409). */
export class ActionNotAllowedError extends Error {
  override name = "ActionNotAllowedError";
  readonly code = "not_allowed_in_state";
  constructor(
    readonly action: string,
    readonly status: DocumentStatus,
    detail?: string,
  ) {
    super(`${action} is not allowed in state ${status}${detail === undefined ? "" : ` (${detail})`}`);
  }
}

/** No document with that id (→ HTTP 404). */
export class DocumentNotFoundError extends Error {
  override name = "DocumentNotFoundError";
  readonly code = "not_found";
  constructor(readonly id: string) {
    super(`No document ${id}`);
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
