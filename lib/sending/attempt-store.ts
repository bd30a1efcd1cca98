import "server-only";
import { appendEvents } from "@/lib/db/events";
import type { Db, DocumentStatus } from "@/lib/db/schema";
import { dbTimeAfter, toDbTime } from "@/lib/db/time";
import type { LookupOutcome, SendOutcome } from "@/lib/provider/types";
import type { DocumentRow } from "@/lib/sending/leases";
import type { Transition } from "@/lib/sending/state-machine";
import { lookupDetail, statusEvent } from "@/lib/sending/timeline";

/** Longest provider answer kept per attempt; the rest is cut (a 201 body is a few hundred bytes). */
const MAX_STORED_BODY_CHARS = 64 * 1024;

interface Holder {
  owner: string;
  now: Date;
  leaseMs: number;
}

function clip(text: string | null): string | null {
  return text === null || text.length <= MAX_STORED_BODY_CHARS ? text : `${text.slice(0, MAX_STORED_BODY_CHARS)}…[truncated]`;
}

/**
 * Starts a send attempt, BEFORE the provider is called: the document becomes `sending`, its
 * attempt count goes up and the attempt row is written, in one transaction, and only while
 * `holder` still has a live lease on a document that is still in `expected` state.
 * @returns the updated document, or null when the lease was lost (then nothing is sent).
 */
export async function beginAttempt(db: Db, doc: DocumentRow, holder: Holder): Promise<DocumentRow | null> {
  const at = toDbTime(holder.now);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("documents")
      .set((eb) => ({
        status: "sending",
        next_action: null,
        attempt_count: eb("attempt_count", "+", 1),
        lease_until: dbTimeAfter(holder.now, holder.leaseMs),
        updated_at: at,
      }))
      .where("id", "=", doc.id)
      .where("status", "=", doc.status)
      .where("next_action", "=", "send")
      .where("lease_owner", "=", holder.owner)
      .where("lease_until", ">", at)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) return null;
    await trx
      .insertInto("attempts")
      .values({ document_id: doc.id, seq: row.attempt_count, started_at: at, request_sha256: row.payload_sha256, worker_id: holder.owner })
      .execute();
    await appendEvents(trx, [{ documentId: doc.id, at, type: "attempt_started", detail: { seq: row.attempt_count } }]);
    return row;
  });
}

/**
 * Writes a transition onto the document, conditional on `holder` still leasing it in state
 * `expected`. An `accepted` outcome is written even when the lease was lost meanwhile: the
 * provider's acceptance is a fact, whatever else happened to the row.
 * @returns the updated row, or null when nothing was written.
 */
async function applyTransition(db: Db, doc: DocumentRow, expected: DocumentStatus, transition: Transition, holder: Holder, keepLease: boolean): Promise<DocumentRow | null> {
  const at = toDbTime(holder.now);
  const values = {
    status: transition.status,
    next_action: transition.nextAction,
    retry_step: transition.retryStep,
    next_attempt_at: transition.delayMs === null ? null : dbTimeAfter(holder.now, transition.delayMs),
    lease_owner: keepLease ? holder.owner : null,
    lease_until: keepLease ? dbTimeAfter(holder.now, holder.leaseMs) : null,
    updated_at: at,
    ...(transition.accepted === undefined
      ? {}
      : {
          mark: transition.accepted.mark,
          uid: transition.accepted.uid || null,
          authentication_code: transition.accepted.authenticationCode || null,
          url: transition.accepted.url || null,
          // A list row carries no QR link: keep the one an earlier answer gave.
          ...(transition.accepted.qrUrl === undefined ? {} : { qr_url: transition.accepted.qrUrl }),
          last_error_json: null,
        }),
    ...(transition.error === undefined ? {} : { last_error_json: JSON.stringify(transition.error) }),
  };
  const row = await db
    .updateTable("documents")
    .set(values)
    .where("id", "=", doc.id)
    .where("status", "=", expected)
    .where("lease_owner", "=", holder.owner)
    .returningAll()
    .executeTakeFirst();
  if (row !== undefined || transition.status !== "accepted") return row ?? null;
  const forced = await db
    .updateTable("documents")
    .set({ ...values, lease_owner: null, lease_until: null })
    .where("id", "=", doc.id)
    .where("status", "!=", "accepted")
    .returningAll()
    .executeTakeFirst();
  return forced ?? null;
}

/** Records a send attempt's answer (attempt row + document + timeline) in one transaction. */
export async function recordSendOutcome(
  db: Db,
  doc: DocumentRow,
  result: { outcome: SendOutcome; latencyMs: number; transition: Transition },
  holder: Holder,
  keepLease: boolean,
): Promise<DocumentRow | null> {
  const at = toDbTime(holder.now);
  const { outcome, latencyMs, transition } = result;
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("attempts")
      .set({
        finished_at: at,
        http_status: outcome.httpStatus,
        outcome: outcome.kind,
        latency_ms: Math.round(latencyMs),
        response_body: clip(outcome.body),
        error: outcome.kind === "accepted" || outcome.kind === "accepted_without_mark" ? null : outcome.message,
      })
      .where("document_id", "=", doc.id)
      .where("seq", "=", doc.attempt_count)
      .execute();
    let row = await applyTransition(trx, doc, "sending", transition, holder, keepLease);
    if (row !== null && transition.uncounted === true) {
      // A send that never reached the provider, or a lock answer: not counted against the budget.
      row = (await trx
        .updateTable("documents")
        .set((eb) => ({ attempt_base: eb("attempt_base", "+", 1) }))
        .where("id", "=", doc.id)
        .returningAll()
        .executeTakeFirst()) ?? row;
    }
    await appendEvents(trx, [
      { documentId: doc.id, at, type: "attempt_finished", detail: { seq: doc.attempt_count, outcome: outcome.kind, httpStatus: outcome.httpStatus, latencyMs: Math.round(latencyMs), applied: row !== null } },
      ...(row === null ? [] : statusEvent(doc, "sending", transition, at)),
    ]);
    return row;
  });
}

/** Records a status look-up and what it decided, in one transaction. */
export async function recordLookup(
  db: Db,
  doc: DocumentRow,
  result: { outcome: LookupOutcome; transition: Transition; actor?: string | undefined },
  holder: Holder,
  keepLease: boolean,
): Promise<DocumentRow | null> {
  const at = toDbTime(holder.now);
  const { outcome, transition } = result;
  return db.transaction().execute(async (trx) => {
    const row = await applyTransition(trx, doc, doc.status, transition, holder, keepLease);
    await appendEvents(trx, [
      { documentId: doc.id, at, type: "lookup", actor: result.actor, detail: lookupDetail(outcome, transition.reason) },
      ...(row === null ? [] : statusEvent(doc, doc.status, transition, at)),
    ]);
    return row;
  });
}
