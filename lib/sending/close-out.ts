import "server-only";
import { appendEvents } from "@/lib/db/events";
import type { Db, DocumentStatus } from "@/lib/db/schema";
import { toDbTime } from "@/lib/db/time";
import { releaseAllocation } from "@/lib/sending/credit-ledger";
import { ActionNotAllowedError, DocumentNotFoundError } from "@/lib/sending/errors";

/** Statuses a person may close out: the provider refused it, or its fate needs a person. */
export const CLOSABLE_STATUSES: readonly DocumentStatus[] = ["rejected", "needs_attention"];

export interface CloseOutResult {
  id: string;
  status: DocumentStatus;
  closedAt: string;
  /** A rejected credit's reservation on the never-twice ledger was given back. */
  released: boolean;
}

/**
 * Closes out (voids) a rejected or needs-attention entry with a written reason: it leaves "needs
 * action", its timeline shows who closed it and why, and it can no longer be fixed or resent.
 * Its series number stays used and is never given again (numbers only move forward). A rejected
 * credit gives its ledger reservation back — nothing was issued; a needs-attention one keeps it,
 * since the provider may hold it after all.
 * @throws DocumentNotFoundError
 * @throws ActionNotAllowedError in any other state, when already closed, or while a worker holds it.
 */
export async function closeOutDocument(db: Db, id: string, params: { actor: string; reason: string; now?: Date }): Promise<CloseOutResult> {
  const now = params.now ?? new Date();
  const at = toDbTime(now);
  return db.transaction().execute(async (trx) => {
    const doc = await trx.selectFrom("documents").select(["status", "closed_at", "lease_until"]).where("id", "=", id).executeTakeFirst();
    if (doc === undefined) throw new DocumentNotFoundError(id);
    if (!CLOSABLE_STATUSES.includes(doc.status)) throw new ActionNotAllowedError("close_out", doc.status);
    if (doc.closed_at !== null) throw new ActionNotAllowedError("close_out", doc.status, "closed_out");
    if (doc.lease_until !== null && doc.lease_until > at) throw new ActionNotAllowedError("close_out", doc.status, "busy");
    const row = await trx
      .updateTable("documents")
      .set({ closed_at: at, closed_by: params.actor, close_reason: params.reason, next_action: null, next_attempt_at: null, updated_at: at })
      .where("id", "=", id)
      .where("status", "=", doc.status)
      .where("closed_at", "is", null)
      .returning("status")
      .executeTakeFirst();
    if (row === undefined) throw new ActionNotAllowedError("close_out", doc.status, "changed_meanwhile");
    const released = doc.status === "rejected" ? await releaseAllocation(trx, id, at) : false;
    await appendEvents(trx, [{ documentId: id, at, type: "closed_out", actor: params.actor, detail: { from: doc.status, reason: params.reason, released } }]);
    return { id, status: row.status, closedAt: at, released };
  });
}
