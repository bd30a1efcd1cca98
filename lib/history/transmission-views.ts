import "server-only";
import type { Selectable } from "kysely";
import type { AttemptsTable, Db, DocumentsTable, EventsTable, NextAction, RecordedError } from "@/lib/db/schema";
import type { HistoryItem } from "./views";
import { isWaitingForProviderRow } from "./waiting";

/** A history row (amounts in cents, null for credits of an existing document; times ISO UTC). */
export type TransmissionSummary = HistoryItem;

export interface TransmissionAttempt {
  seq: number;
  startedAt: string;
  finishedAt: string | null;
  requestSha256: string;
  httpStatus: number | null;
  outcome: string | null;
  latencyMs: number | null;
  /** As the provider answered, API key redacted. */
  responseBody: string | null;
  error: string | null;
}

export interface TransmissionEvent {
  id: number;
  at: string;
  type: string;
  detail: Record<string, unknown> | null;
  actor: string | null;
}

export interface TransmissionDetail extends TransmissionSummary {
  authenticationCode: string | null;
  /** The provider's portal page of the document (`{url}/pdf`, `{url}/aade`). */
  url: string | null;
  /** AADE's QR link (`erpQrCode` of the provider's answer); null when the answer did not carry it. */
  qrUrl: string | null;
  draftId: string | null;
  /** The exact body sent on every attempt (contains no secret). */
  payloadJson: string;
  payloadSha256: string;
  nextAction: NextAction | null;
  nextAttemptAt: string | null;
  deadlineAt: string;
  lastError: RecordedError | null;
  attempts: TransmissionAttempt[];
  events: TransmissionEvent[];
}

export const SUMMARY_COLUMNS = [
  "id", "internal_document_id", "kind", "status", "series", "number", "issued_at", "issuer_vat", "counterparty_name",
  "counterparty_vat", "net_cents", "vat_cents", "gross_cents", "mark", "uid", "attempt_count", "created_by", "created_at", "updated_at",
  "next_action", "last_error_json",
] as const;

type SummaryRow = Pick<Selectable<DocumentsTable>, (typeof SUMMARY_COLUMNS)[number]>;

const numberOrNull = (value: number | null): number | null => (value === null ? null : Number(value));

export function toTransmissionSummary(row: SummaryRow): TransmissionSummary {
  return {
    id: row.id,
    internalDocumentId: row.internal_document_id,
    kind: row.kind,
    status: row.status,
    series: row.series,
    number: row.number,
    issuedAt: row.issued_at,
    issuerVat: row.issuer_vat,
    counterpartyName: row.counterparty_name,
    counterpartyVat: row.counterparty_vat,
    netCents: numberOrNull(row.net_cents),
    vatCents: numberOrNull(row.vat_cents),
    grossCents: numberOrNull(row.gross_cents),
    mark: row.mark,
    uid: row.uid,
    attemptCount: row.attempt_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    waitingForProvider: isWaitingForProviderRow(row),
  };
}

function toAttempt(row: Selectable<AttemptsTable>): TransmissionAttempt {
  return {
    seq: row.seq, startedAt: row.started_at, finishedAt: row.finished_at, requestSha256: row.request_sha256, httpStatus: row.http_status,
    outcome: row.outcome, latencyMs: row.latency_ms, responseBody: row.response_body, error: row.error,
  };
}

function toEvent(row: Selectable<EventsTable>): TransmissionEvent {
  return { id: row.id, at: row.at, type: row.type, detail: row.detail_json === null ? null : (JSON.parse(row.detail_json) as Record<string, unknown>), actor: row.actor };
}

/** One document with its attempts (by seq) and timeline (oldest first); null when there is none. */
export async function getTransmission(db: Db, id: string): Promise<TransmissionDetail | null> {
  const row = await db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
  if (row === undefined) return null;
  const [attempts, events] = await Promise.all([
    db.selectFrom("attempts").selectAll().where("document_id", "=", id).orderBy("seq").execute(),
    db.selectFrom("events").selectAll().where("document_id", "=", id).orderBy("id").execute(),
  ]);
  return {
    ...toTransmissionSummary(row),
    authenticationCode: row.authentication_code,
    url: row.url,
    qrUrl: row.qr_url,
    draftId: row.draft_id,
    payloadJson: row.payload_json,
    payloadSha256: row.payload_sha256,
    nextAction: row.next_action,
    nextAttemptAt: row.next_attempt_at,
    deadlineAt: row.deadline_at,
    lastError: row.last_error_json === null ? null : (JSON.parse(row.last_error_json) as RecordedError),
    attempts: attempts.map(toAttempt),
    events: events.map(toEvent),
  };
}
