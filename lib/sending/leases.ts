import "server-only";
import type { Selectable } from "kysely";
import { engineOf } from "@/lib/db/dialect-helpers";
import { appendEvents } from "@/lib/db/events";
import type { Db, DocumentsTable, NextAction } from "@/lib/db/schema";
import { dbTimeAfter, toDbTime } from "@/lib/db/time";

/** A document row as the worker holds it after claiming. */
export type DocumentRow = Selectable<DocumentsTable>;

/** Statuses the worker picks up when they are due. */
const DUE_STATUSES = ["queued", "unknown"] as const;

interface ClaimParams {
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Claims up to `limit` due documents (queued or unknown, next_attempt_at reached, no live
 * lease) for `owner` until now + leaseMs. PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED`, then
 * the lease update, in one transaction, so concurrent workers take disjoint rows. SQLite: one
 * conditional `UPDATE … WHERE id = ? AND <still free> RETURNING` per candidate, inside a
 * `BEGIN IMMEDIATE` transaction, so claimers queue and each sees the previous one's claims.
 */
export async function claimDueDocuments(db: Db, params: ClaimParams): Promise<DocumentRow[]> {
  const nowText = toDbTime(params.now);
  const leaseUntil = dbTimeAfter(params.now, params.leaseMs);
  function selectDue(handle: Db) {
    return handle
      .selectFrom("documents")
      .select("id")
      .where("status", "in", DUE_STATUSES)
      .where("next_attempt_at", "<=", nowText)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", nowText)]))
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(params.limit);
  }
  if (engineOf(db) === "postgres") {
    return db.transaction().execute(async (trx) => {
      const rows = await selectDue(trx).forUpdate().skipLocked().execute();
      if (rows.length === 0) return [];
      return trx
        .updateTable("documents")
        .set({ lease_owner: params.owner, lease_until: leaseUntil })
        .where("id", "in", rows.map((row) => row.id))
        .returningAll()
        .execute();
    });
  }
  return db.transaction().execute(async (trx) => {
    const candidates = await selectDue(trx).execute();
    const claimed: DocumentRow[] = [];
    for (const { id } of candidates) {
      const row = await trx
        .updateTable("documents")
        .set({ lease_owner: params.owner, lease_until: leaseUntil })
        .where("id", "=", id)
        .where("status", "in", DUE_STATUSES)
        .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", nowText)]))
        .returningAll()
        .executeTakeFirst();
      if (row !== undefined) claimed.push(row);
    }
    return claimed;
  });
}

/** Extends a lease the caller still holds; false when it was lost (expired and taken, or settled). */
export async function renewLease(db: Db, params: { id: string; owner: string; now: Date; leaseMs: number }): Promise<boolean> {
  const result = await db
    .updateTable("documents")
    .set({ lease_until: dbTimeAfter(params.now, params.leaseMs) })
    .where("id", "=", params.id)
    .where("lease_owner", "=", params.owner)
    .where("lease_until", ">", toDbTime(params.now))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The reconciler's sweep: documents left in `sending` whose lease has expired (their worker
 * stopped between writing the attempt and recording its outcome) become `unknown`. A composed
 * document is then sent again, identical (a registered one comes back as a duplicate carrying its
 * MARK); a credit of an existing document is first looked for in the document list. Their open
 * attempt is marked interrupted.
 * @returns how many documents were reclaimed.
 */
export async function reclaimExpiredSends(db: Db, now: Date): Promise<number> {
  const nowText = toDbTime(now);
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable("documents")
      .set((eb) => ({
        status: "unknown",
        next_action: eb.case().when("kind", "=", "credit_existing").then(eb.val<NextAction>("lookup")).else(eb.val<NextAction>("send")).end(),
        next_attempt_at: nowText,
        lease_owner: null,
        lease_until: null,
        updated_at: nowText,
      }))
      .where("status", "=", "sending")
      .where("lease_until", "<", nowText)
      .returning(["id", "attempt_count"])
      .execute();
    if (rows.length === 0) return 0;
    for (const row of rows) {
      await trx
        .updateTable("attempts")
        .set({ outcome: "interrupted", error: "the worker stopped before the answer was recorded" })
        .where("document_id", "=", row.id)
        .where("seq", "=", row.attempt_count)
        .where("outcome", "is", null)
        .execute();
    }
    await appendEvents(
      trx,
      rows.map((row) => ({ documentId: row.id, at: nowText, type: "unknown", detail: { reason: "lease_expired", seq: row.attempt_count } })),
    );
    return rows.length;
  });
}
