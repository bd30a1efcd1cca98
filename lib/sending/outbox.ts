import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { appendEvents } from "@/lib/db/events";
import type { Db, DocumentKind, DocumentStatus } from "@/lib/db/schema";
import { dbTimeAfter, toDbTime } from "@/lib/db/time";
import { STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";
import { documentSearchText } from "@/lib/domain/search-text";
import { AppError } from "@/lib/domain/errors";

/** What issuing answers: the document, its state, and whether this call created it. */
export interface IssueResult {
  id: string;
  status: DocumentStatus;
  created: boolean;
  internalDocumentId: string;
  series: string;
  number: string;
}

/** Options shared by every way of putting a document in the outbox. */
export interface OutboxOptions {
  /** The same key never issues twice (e.g. an `Idempotency-Key` header). */
  idempotencyKey?: string | undefined;
  /** Who issued it (user id or e-mail); kept on the document and its first event. */
  actor?: string | undefined;
  /**
   * Id of the user issuing. With it, the idempotency key and the draft id are that user's own:
   * another user's key finds nothing (an independent document), another user's draft id is not found.
   */
  owner?: string | undefined;
  /** SHA-256 of the validated request: the same key (or draft id) with a different request is refused (422). */
  requestSha256?: string | undefined;
  /** Number only in a series that already exists (the API's rule: series are defined by an administrator); never create one. */
  definedSeriesOnly?: boolean | undefined;
  now?: Date | undefined;
  /** Time allowed for automatic sending; defaults to the policy's 24 hours. */
  deadlineMs?: number | undefined;
}

/** A document ready to be stored: identity, the exact request body, the draft it was built from, what history shows. */
export interface OutboxDocument {
  kind: DocumentKind;
  internalDocumentId: string;
  draftId: string | null;
  issuerVat: string;
  series: string;
  number: string;
  issuedAt: string;
  counterpartyName: string | null;
  counterpartyVat: string | null;
  totals: { netCents: number; vatCents: number; grossCents: number } | null;
  payloadJson: string;
  /**
   * The validated draft the body was built from, as `editableDraftOf` writes it (shape
   * STORED_DRAFT_VERSION); null for a credit of an issued document, which has no draft.
   */
  draftJson: string | null;
}

/** SHA-256 (hex) of the UTF-8 bytes of a request body. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function newInternalDocumentId(): string {
  return randomUUID();
}

/** The idempotency key as stored: `<user id>:<key>` when a user issues, so keys are per user. */
export function storedIdempotencyKey(key: string | null | undefined, owner: string | undefined): string | null {
  if (key === undefined || key === null) return null;
  return owner === undefined ? key : `${owner}:${key}`;
}

/** SHA-256 of a request in a canonical JSON (keys sorted, undefined dropped): equal requests hash equal however their keys were ordered. */
export function requestHashOf(request: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.keys(value).sort().filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
    }
    return value;
  };
  return sha256Hex(JSON.stringify(canonical(request)));
}

/** What identifies a repeated request: a draft id and/or an idempotency key (as given, not yet scoped), its owner and its hash. */
export interface RequestKeys {
  draftId: string | null;
  idempotencyKey: string | null;
  owner?: string | undefined;
  requestSha256?: string | undefined;
}

/**
 * The document a draft id or idempotency key already produced, if any. With an owner, only that
 * user's documents answer: another user's draft id is `not_found` (the draft is theirs), and a
 * key or draft id of this user's that produced a document from a different request is
 * `idempotency_key_reused` (422) rather than that document.
 */
export async function findIssuedDocument(db: Db, keys: RequestKeys): Promise<IssueResult | null> {
  const storedKey = storedIdempotencyKey(keys.idempotencyKey, keys.owner);
  if (keys.draftId === null && storedKey === null) return null;
  const row = await db
    .selectFrom("documents")
    .select(["id", "status", "internal_document_id", "series", "number", "draft_id", "owner_id", "request_sha256"])
    .where((eb) => {
      const conditions = [];
      if (keys.draftId !== null) conditions.push(eb("draft_id", "=", keys.draftId));
      if (storedKey !== null) conditions.push(eb("idempotency_key", "=", storedKey));
      return eb.or(conditions);
    })
    .orderBy("created_at")
    .executeTakeFirst();
  if (row === undefined) return null;
  if (keys.owner !== undefined && row.owner_id !== keys.owner) throw new AppError("not_found", { subject: "draft" });
  if (keys.requestSha256 !== undefined && row.request_sha256 !== null && row.request_sha256 !== keys.requestSha256) {
    throw new AppError("idempotency_key_reused", {}, `document ${row.id} was created from another request`);
  }
  return { id: row.id, status: row.status, created: false, internalDocumentId: row.internal_document_id, series: row.series, number: row.number };
}

/** Inserts a `queued` document and its first event; call inside the issuing transaction. */
export async function insertOutboxDocument(db: Db, doc: OutboxDocument, opts: OutboxOptions, now: Date): Promise<IssueResult> {
  const id = randomUUID();
  const at = toDbTime(now);
  await db
    .insertInto("documents")
    .values({
      id,
      internal_document_id: doc.internalDocumentId,
      draft_id: doc.draftId,
      idempotency_key: storedIdempotencyKey(opts.idempotencyKey, opts.owner),
      owner_id: opts.owner ?? null,
      request_sha256: opts.requestSha256 ?? null,
      kind: doc.kind,
      issuer_vat: doc.issuerVat,
      series: doc.series,
      number: doc.number,
      issued_at: doc.issuedAt,
      counterparty_name: doc.counterpartyName,
      counterparty_vat: doc.counterpartyVat,
      search_text: documentSearchText(doc),
      net_cents: doc.totals?.netCents ?? null,
      vat_cents: doc.totals?.vatCents ?? null,
      gross_cents: doc.totals?.grossCents ?? null,
      payload_json: doc.payloadJson,
      payload_sha256: sha256Hex(doc.payloadJson),
      draft_json: doc.draftJson,
      draft_version: doc.draftJson === null ? null : STORED_DRAFT_VERSION,
      status: "queued",
      next_action: "send",
      attempt_count: 0,
      attempt_base: 0,
      retry_step: 0,
      next_attempt_at: at,
      lease_owner: null,
      lease_until: null,
      deadline_at: dbTimeAfter(now, opts.deadlineMs ?? DEFAULT_SENDING_POLICY.deadlineMs),
      mark: null,
      uid: null,
      authentication_code: null,
      url: null,
      qr_url: null,
      last_error_json: null,
      created_by: opts.actor ?? null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await appendEvents(db, [
    { documentId: id, at, type: "queued", actor: opts.actor, detail: { kind: doc.kind, series: doc.series, number: doc.number, internalDocumentId: doc.internalDocumentId } },
  ]);
  return { id, status: "queued", created: true, internalDocumentId: doc.internalDocumentId, series: doc.series, number: doc.number };
}
