/**
 * Errors the application answers with on purpose. Each carries a `code` from one list and the
 * parameters its message needs; lib/http turns the code into a status (one table) and
 * lib/i18n turns code + parameters into words in the caller's language. Nothing here knows
 * about HTTP or languages.
 */

/** Every error code an API caller can read in `error.code` (or 422's `validation`). */
export const ERROR_CODES = [
  "validation",
  "invalid_body",
  "invalid_idempotency_key",
  "unauthorized",
  "invalid_credentials",
  "forbidden",
  "cross_origin",
  "not_found",
  "no_document_url",
  "not_allowed_in_state",
  "number_taken",
  "draft_issued",
  "vat_taken",
  "branch_taken",
  "series_taken",
  "series_in_use",
  "email_taken",
  "last_admin",
  "body_too_large",
  "unsupported_media_type",
  "rate_limited",
  "internal",
  "provider_file_unavailable",
  "idempotency_key_reused",
  "already_credited",
  "original_unverifiable",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a `not_found` was looking for; the message names it. */
export type Subject = "document" | "draft" | "counterparty" | "issuer_profile" | "branch" | "series" | "user" | "page";

/** Values a message may quote; the words for `subject`, `action`, `reason` and `status` are looked up. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** An error whose code and message may be shown to the caller as they are. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /** For logs only (English, may name ids); callers read the catalogue's message. */
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/** One problem with one field, as the API answers it (422) and the form shows it. */
export interface FieldError {
  /** Dotted path into the input, e.g. `draft.lines.1.unitPrice`. */
  path: string;
  code: string;
  /** "Field: problem" in the caller's language. */
  message: string;
}

/** Input that failed validation: answered 422 with one error per field. */
export class ValidationFailure extends AppError {
  override name = "ValidationFailure";
  constructor(readonly errors: FieldError[]) {
    super("validation", {}, `validation failed: ${errors.map((e) => `${e.path}/${e.code}`).join(", ")}`);
  }
}
