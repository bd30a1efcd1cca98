import type { ErrorCode } from "@/lib/domain/errors";

/**
 * The HTTP status of every error code: the one place a code becomes a status. Input problems
 * are 4xx as the caller can fix them, domain conflicts 409, provider trouble 502, the rest 500.
 */
export const STATUS_OF_CODE = {
  invalid_body: 400,
  invalid_idempotency_key: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_origin: 403,
  not_found: 404,
  no_document_url: 404,
  not_allowed_in_state: 409,
  number_taken: 409,
  draft_issued: 409,
  vat_taken: 409,
  branch_taken: 409,
  series_taken: 409,
  series_in_use: 409,
  email_taken: 409,
  last_admin: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limited: 429,
  internal: 500,
  provider_file_unavailable: 502,
  idempotency_key_reused: 422,
  already_credited: 409,
  original_unverifiable: 502,
} as const satisfies Record<ErrorCode, number>;

/** The status a code is answered with. */
export function statusOf(code: ErrorCode): number {
  return STATUS_OF_CODE[code];
}
