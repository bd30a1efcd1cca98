import "server-only";
import type { ColumnType, Generated, Kysely } from "kysely";
import type { ProviderFieldError } from "@/lib/provider/types";

/**
 * Table shapes of the one schema both engines share. Times are ISO-8601 UTC strings
 * (`2025-01-31T09:15:00.000Z`, always 24 characters, so text order is time order); booleans
 * are integers 0/1; amounts are integer cents; log tables have integer ids, entities UUID text.
 */

import type { DocumentStatus } from "@/lib/domain/statuses";

export type { DocumentStatus };

/** What the worker does next with a document that is still moving. */
export type NextAction =
  /** POST the stored document (again: an identical re-POST is how a lost answer is recovered). */
  | "send"
  /** Find it at the provider (document list); not there → send it again. */
  | "lookup"
  /** A duplicate answer without a readable stored body: find it in the document list and check it is ours. */
  | "confirm_duplicate"
  /** `/Invoice/credit` answered `{}`: the credit exists; wait until the document list shows it. */
  | "await_listing";

/** `compose` = a full document sent to /Invoice/json; `credit_existing` = a /Invoice/credit request. */
export type DocumentKind = "compose" | "credit_existing";

export interface IssuerProfilesTable {
  id: string;
  vat: string;
  name: string;
  country_code: string;
  city: string;
  street: string;
  postal_code: string;
  created_at: string;
  updated_at: string;
}

export interface IssuerBranchesTable {
  id: string;
  issuer_profile_id: string;
  branch_code: number;
  name: string;
  country_code: string | null;
  city: string | null;
  street: string | null;
  postal_code: string | null;
  created_at: string;
}

export interface SeriesTable {
  id: Generated<number>;
  issuer_vat: string;
  code: string;
  /** The number the next document without an explicit number receives. */
  next_number: number;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface CounterpartiesTable {
  id: string;
  name: string;
  vat: string;
  code: string | null;
  country_code: string;
  city: string;
  street: string;
  postal_code: string;
  emails_json: string;
  created_at: string;
  updated_at: string;
}

export interface DraftsTable {
  id: string;
  owner: string;
  json: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentsTable {
  id: string;
  internal_document_id: string;
  draft_id: string | null;
  idempotency_key: string | null;
  kind: DocumentKind;
  issuer_vat: string;
  series: string;
  number: string;
  /** Europe/Athens local time as sent (`YYYY-MM-DDTHH:mm:ss`). */
  issued_at: string;
  counterparty_name: string | null;
  counterparty_vat: string | null;
  /** Lower-case, accent-free "series number series/number name VAT internal-id" for the history search. */
  search_text: Generated<string>;
  /** Null for `credit_existing`: the provider builds those lines itself. */
  net_cents: number | null;
  vat_cents: number | null;
  gross_cents: number | null;
  /** The exact request body sent on every attempt. */
  payload_json: string;
  payload_sha256: string;
  /**
   * The validated draft the payload was built from, in the compose form's editable text (the
   * `EditableDraft` of lib/validation/draft-snapshot.ts); what history, copy and Fix & resend
   * read. Null only for `credit_existing`, which has no draft.
   */
  draft_json: string | null;
  /** The shape of draft_json (STORED_DRAFT_VERSION of lib/domain/editable-draft.ts); null without a draft. */
  draft_version: number | null;
  status: DocumentStatus;
  next_action: NextAction | null;
  /** Send attempts made; always equals the number of `attempts` rows. */
  attempt_count: Generated<number>;
  /** attempt_count when the send budget was last reset (manual retry). */
  attempt_base: Generated<number>;
  /** Consecutive retryable failures, the exponent of the back-off. */
  retry_step: Generated<number>;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  deadline_at: string;
  mark: string | null;
  uid: string | null;
  authentication_code: string | null;
  url: string | null;
  /** AADE's QR link (`erpQrCode`), when the provider's answer carried it. */
  qr_url: string | null;
  last_error_json: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Id of the user whose request created the document (migration 010); null when none is known. */
  owner_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** SHA-256 of the validated request it was created from; a reused key with another request is refused. */
  request_sha256: ColumnType<string | null, string | null | undefined, string | null>;
  /** A rejected or needs-attention entry a person closed out (voided): it leaves "needs action", keeps its number. */
  closed_at: string | null;
  closed_by: string | null;
  close_reason: string | null;
}

/** What has been credited against one original document (MARK) of an issuer; see migration 008. */
export interface CreditLedgerTable {
  issuer_vat: string;
  original_mark: string;
  original_series: string;
  original_number: string;
  original_type: string;
  original_issued_at: string;
  original_counterparty_vat: string | null;
  original_authentication_code: string | null;
  original_net_cents: number;
  original_vat_cents: number;
  original_gross_cents: number;
  credited_gross_cents: number;
  updated_at: string;
}

/** One credit document's share of an original's ledger. */
export interface CreditAllocationsTable {
  id: Generated<number>;
  document_id: string;
  issuer_vat: string;
  original_mark: string;
  net_cents: number;
  vat_cents: number;
  gross_cents: number;
  /** For a credit of part: `[{lineNumber, quantityMilli, netCents, vatCents}]`; null for a full credit. */
  lines_json: string | null;
  /** An admin's written reason for crediting beyond what remains. */
  override_reason: string | null;
  created_by: string | null;
  created_at: string;
  /** Set when the credit was closed out without being issued; its amount no longer counts. */
  released_at: string | null;
}

/** What a document keeps of its last failure (the JSON of documents.last_error_json); shown next to the fields. */
export interface RecordedError {
  /** The outcome kind (`rejected`, `unauthorized`, `unavailable`, `ambiguous`, `duplicate`, `mismatch`, …). */
  kind: string;
  httpStatus: number | null;
  message: string;
  errors: ProviderFieldError[];
  /** For ambiguous outcomes: connect | timeout | reset | malformed | redirect | unexpected. */
  reason?: string;
  isAadeError?: boolean;
}

export interface AttemptsTable {
  id: Generated<number>;
  document_id: string;
  seq: number;
  started_at: string;
  finished_at: string | null;
  request_sha256: string;
  http_status: number | null;
  /** The provider outcome kind (`accepted`, `rejected`, `unavailable`, …) once known. */
  outcome: string | null;
  latency_ms: number | null;
  response_body: string | null;
  error: string | null;
  worker_id: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  document_id: string;
  at: string;
  type: string;
  detail_json: string | null;
  actor: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: "clerk" | "viewer" | "admin";
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  detail_json: string | null;
  correlation_id: string | null;
}

/** One row per send worker whose provider circuit is open (migration 012). */
export interface ProviderCircuitTable {
  worker_id: string;
  /** When the first of the connection failures that opened the circuit happened. */
  unreachable_since: string;
  /** The worker's last probe; rows not refreshed for a while belong to a worker that died. */
  checked_at: string;
}

export interface Database {
  issuer_profiles: IssuerProfilesTable;
  issuer_branches: IssuerBranchesTable;
  series: SeriesTable;
  counterparties: CounterpartiesTable;
  drafts: DraftsTable;
  documents: DocumentsTable;
  attempts: AttemptsTable;
  events: EventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  provider_circuit: ProviderCircuitTable;
  credit_ledger: CreditLedgerTable;
  credit_allocations: CreditAllocationsTable;
}

/** The database handle every query function takes (a transaction is one too). */
export type Db = Kysely<Database>;
