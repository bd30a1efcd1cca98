import "server-only";
import { appendEvents } from "@/lib/db/events";
import type { Db } from "@/lib/db/schema";
import { dbTimeAfter, toDbTime } from "@/lib/db/time";
import { ActionNotAllowedError, DocumentNotFoundError } from "@/lib/sending/errors";
import { sha256Hex } from "@/lib/sending/outbox";
import { DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";
import type { FixResult } from "@/lib/sending/fix";

/**
 * Corrects a rejected credit of an issued document (`/Invoice/credit`) and queues it again with
 * its own identity — series, number, InternalDocumentId — so no number is burnt: a corrected
 * authentication code (the caller has checked it against the provider's list) or 5.1/5.2. The
 * credited original (its MARK) cannot change: its ledger reservation stays with this document.
 * @throws DocumentNotFoundError
 * @throws ActionNotAllowedError unless it is a rejected, open credit of an issued document of that MARK.
 */
export async function fixCreditRequest(
  db: Db, id: string, correction: { authenticationCode: string; mark: string; relateCredit: boolean }, opts: { actor?: string; now?: Date } = {},
): Promise<FixResult> {
  const now = opts.now ?? new Date();
  const at = toDbTime(now);
  return db.transaction().execute(async (trx) => {
    const doc = await trx
      .selectFrom("documents")
      .select(["status", "kind", "closed_at", "payload_json", "payload_sha256", "attempt_count", "series", "number", "internal_document_id"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (doc === undefined) throw new DocumentNotFoundError(id);
    if (doc.status !== "rejected" || doc.kind !== "credit_existing") throw new ActionNotAllowedError("fix", doc.status);
    if (doc.closed_at !== null) throw new ActionNotAllowedError("fix", doc.status, "closed_out");
    const previous = JSON.parse(doc.payload_json) as Record<string, unknown>;
    if (String(previous.mark) !== correction.mark) throw new ActionNotAllowedError("fix", doc.status, "changed_meanwhile");
    const payloadJson = JSON.stringify({ ...previous, authenticationCode: correction.authenticationCode, relateCredit: correction.relateCredit });
    const payloadSha256 = sha256Hex(payloadJson);
    const row = await trx
      .updateTable("documents")
      .set({
        payload_json: payloadJson, payload_sha256: payloadSha256, status: "queued", next_action: "send", next_attempt_at: at,
        attempt_base: doc.attempt_count, retry_step: 0, deadline_at: dbTimeAfter(now, DEFAULT_SENDING_POLICY.deadlineMs),
        lease_owner: null, lease_until: null, last_error_json: null, updated_at: at,
      })
      .where("id", "=", id)
      .where("status", "=", "rejected")
      .returning("status")
      .executeTakeFirst();
    if (row === undefined) throw new ActionNotAllowedError("fix", doc.status, "changed_meanwhile");
    await appendEvents(trx, [
      { documentId: id, at, type: "fixed", actor: opts.actor, detail: { from: "rejected", previousSha256: doc.payload_sha256, sha256: payloadSha256, relateCredit: correction.relateCredit } },
      { documentId: id, at, type: "queued", actor: opts.actor, detail: { reason: "fix_resend", series: doc.series, number: doc.number, internalDocumentId: doc.internal_document_id } },
    ]);
    return { id, status: row.status, changed: true, series: doc.series, number: doc.number, internalDocumentId: doc.internal_document_id };
  });
}
