import "server-only";
import { appendEvents } from "@/lib/db/events";
import type { Db, DocumentStatus } from "@/lib/db/schema";
import { dbTimeAfter, toDbTime } from "@/lib/db/time";
import type { ProviderClient } from "@/lib/provider/client-types";
import { documentQueryOf, ourIdentityOf } from "@/lib/sending/document-query";
import { lookupDetail } from "@/lib/sending/timeline";
import { ActionNotAllowedError, DocumentNotFoundError } from "@/lib/sending/errors";
import type { DocumentRow } from "@/lib/sending/leases";
import { DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";
import { refreshEffect } from "@/lib/sending/refresh-rules";
import { nextState } from "@/lib/sending/state-machine";

/** What a manual action answers. */
export interface ActionResult {
  id: string;
  status: DocumentStatus;
  /** Whether the action changed the document's state or stored identifiers. */
  changed: boolean;
}

async function loadDocument(db: Db, id: string): Promise<DocumentRow> {
  const row = await db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
  if (row === undefined) throw new DocumentNotFoundError(id);
  return row;
}

function lastErrorKind(doc: DocumentRow): string | null {
  if (doc.last_error_json === null) return null;
  try {
    const parsed: unknown = JSON.parse(doc.last_error_json);
    return typeof parsed === "object" && parsed !== null && "kind" in parsed && typeof parsed.kind === "string" ? parsed.kind : null;
  } catch {
    return null;
  }
}

function leaseLive(doc: DocumentRow, now: Date): boolean {
  return doc.lease_until !== null && doc.lease_until > toDbTime(now);
}

/**
 * Looks for the document at the provider now (its document list, or the status look-up when
 * switched on) and records the answer on its timeline. An
 * acceptance of our document settles it (or refreshes its MARK/UID/URL); see refreshEffect
 * for the rest. Safe in any state and alongside a running worker.
 * @throws DocumentNotFoundError
 */
export async function refreshDocument(db: Db, client: ProviderClient, id: string, opts: { actor?: string; now?: Date } = {}): Promise<ActionResult> {
  const doc = await loadDocument(db, id);
  const now = opts.now ?? new Date();
  const outcome = await client.findDocument(documentQueryOf(doc, now));
  const at = toDbTime(now);
  const effect = refreshEffect(
    { status: doc.status, nextAction: doc.next_action, leaseLive: leaseLive(doc, now), lastErrorKind: lastErrorKind(doc) },
    outcome,
    ourIdentityOf(doc),
  );
  return db.transaction().execute(async (trx) => {
    let row: Pick<DocumentRow, "status"> | undefined;
    if (effect?.status === "accepted") {
      const { mark, uid, authenticationCode, url, qrUrl } = effect.accepted;
      row = await trx
        .updateTable("documents")
        .set({
          status: "accepted", next_action: null, next_attempt_at: null, lease_owner: null, lease_until: null, last_error_json: null, updated_at: at,
          mark,
          ...(uid === "" ? {} : { uid }),
          ...(authenticationCode === "" ? {} : { authentication_code: authenticationCode }),
          ...(url === "" ? {} : { url }),
          ...(qrUrl === undefined ? {} : { qr_url: qrUrl }),
        })
        .where("id", "=", id)
        .where((eb) => eb.or([eb("status", "!=", "accepted"), eb("mark", "=", mark)]))
        .returning("status")
        .executeTakeFirst();
    } else if (effect?.status === "rejected") {
      row = await trx
        .updateTable("documents")
        .set({ status: "rejected", next_action: null, next_attempt_at: null, last_error_json: JSON.stringify(effect.error), updated_at: at })
        .where("id", "=", id)
        .where("status", "=", "unknown")
        .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", at)]))
        .returning("status")
        .executeTakeFirst();
    }
    const changed = row !== undefined && (row.status !== doc.status || effect?.status === "accepted");
    await appendEvents(trx, [
      { documentId: id, at, type: "lookup", actor: opts.actor, detail: { ...lookupDetail(outcome, "refresh"), applied: changed } },
      ...(row !== undefined && row.status !== doc.status ? [{ documentId: id, at, type: row.status, actor: opts.actor, detail: { reason: "refresh", from: doc.status } }] : []),
    ]);
    return { id, status: row?.status ?? doc.status, changed };
  });
}

/**
 * Sends the identical document again, when legal: from `unknown` or `needs_attention` (a
 * registered one comes back as a duplicate carrying its MARK; a credit of an existing document
 * is looked for in the document list first).
 * Resets the attempt budget and the deadline.
 * @throws DocumentNotFoundError
 * @throws ActionNotAllowedError in any other state, or while a worker is handling it.
 */
export async function retryDocument(db: Db, id: string, actor: string | undefined, opts: { now?: Date; deadlineMs?: number } = {}): Promise<ActionResult> {
  const now = opts.now ?? new Date();
  const at = toDbTime(now);
  return db.transaction().execute(async (trx) => {
    const doc = await loadDocument(trx, id);
    if (doc.status !== "unknown" && doc.status !== "needs_attention") throw new ActionNotAllowedError("retry", doc.status);
    if (doc.closed_at !== null) throw new ActionNotAllowedError("retry", doc.status, "closed_out");
    if (leaseLive(doc, now)) throw new ActionNotAllowedError("retry", doc.status, "busy");
    const transition = nextState({ status: doc.status, nextAction: doc.next_action }, { type: "retry_requested" }, {
      now, deadlineAt: new Date(doc.deadline_at), sendsUsed: 0, attemptCount: doc.attempt_count, retryStep: 0, random: 0,
      policy: DEFAULT_SENDING_POLICY, ours: ourIdentityOf(doc), kind: doc.kind,
    });
    const row = await trx
      .updateTable("documents")
      .set({
        status: transition.status,
        next_action: transition.nextAction,
        next_attempt_at: at,
        retry_step: 0,
        attempt_base: doc.attempt_count,
        deadline_at: dbTimeAfter(now, opts.deadlineMs ?? DEFAULT_SENDING_POLICY.deadlineMs),
        lease_owner: null,
        lease_until: null,
        updated_at: at,
      })
      .where("id", "=", id)
      .where("status", "=", doc.status)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", at)]))
      .returning("status")
      .executeTakeFirst();
    if (row === undefined) throw new ActionNotAllowedError("retry", doc.status, "changed_meanwhile");
    await appendEvents(trx, [{ documentId: id, at, type: "retry_requested", actor, detail: { from: doc.status, to: transition.status, nextAction: transition.nextAction } }]);
    return { id, status: row.status, changed: true };
  });
}
