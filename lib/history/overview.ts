import "server-only";
import type { Db, DocumentStatus } from "@/lib/db/schema";
import { SUMMARY_COLUMNS, toTransmissionSummary, type TransmissionSummary } from "@/lib/history/transmission-views";
import { athensDayOf, athensDayStart } from "./athens-day";

export const STATUSES: readonly DocumentStatus[] = ["queued", "sending", "accepted", "rejected", "unknown", "needs_attention"];

/** A queued document older than this has not been picked up: something is wrong with sending. */
export const STUCK_AFTER_MINUTES = 5;

/** Why a document is on the needs-attention list. */
export type AttentionReason = "rejected" | "unknown" | "needs_attention" | "stuck";

export interface Overview {
  today: Record<DocumentStatus, number>;
  month: Record<DocumentStatus, number>;
  attention: { counts: Record<AttentionReason, number>; items: (TransmissionSummary & { reason: AttentionReason })[] };
}

function zeroCounts(): Record<DocumentStatus, number> {
  return { queued: 0, sending: 0, accepted: 0, rejected: 0, unknown: 0, needs_attention: 0 };
}

/** Documents per status issued since `since` (ISO), one index range on created_at. */
export async function countSince(db: Db, since: string): Promise<Record<DocumentStatus, number>> {
  const rows = await db
    .selectFrom("documents")
    .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("created_at", ">=", since)
    .groupBy("status")
    .execute();
  const counts = zeroCounts();
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** The start of the Athens month of `now`, as an instant. */
function monthStart(now: Date): string {
  return athensDayStart(`${athensDayOf(now).slice(0, 8)}01`);
}

async function attentionOf(db: Db, reason: AttentionReason, stuckBefore: string, limit: number) {
  const status: DocumentStatus = reason === "stuck" ? "queued" : reason;
  const scoped = () => {
    // A closed-out entry (voided with a reason) needs no one any more.
    let query = db.selectFrom("documents").where("status", "=", status).where("closed_at", "is", null);
    if (reason === "stuck") query = query.where("created_at", "<", stuckBefore);
    return query;
  };
  const [count, rows] = await Promise.all([
    scoped().select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirst(),
    scoped().select(SUMMARY_COLUMNS).orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute(),
  ]);
  return { count: Number(count?.count ?? 0), items: rows.map((row) => ({ ...toTransmissionSummary(row), reason })) };
}

/**
 * The overview: documents per status today and this month (Athens calendar), and what needs a
 * person — rejected, unknown, needs attention, and queued ones nobody picked up for
 * STUCK_AFTER_MINUTES — with counts and the `limit` most recent of them. Every query is an index
 * range (status + created_at), so this stays quick however long the history grows.
 */
export async function loadOverview(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<Overview> {
  const now = opts.now ?? new Date();
  const limit = opts.limit ?? 10;
  const stuckBefore = new Date(now.getTime() - STUCK_AFTER_MINUTES * 60_000).toISOString();
  const reasons: AttentionReason[] = ["rejected", "unknown", "needs_attention", "stuck"];
  const [today, month, ...attention] = await Promise.all([
    countSince(db, athensDayStart(athensDayOf(now))),
    countSince(db, monthStart(now)),
    ...reasons.map((reason) => attentionOf(db, reason, stuckBefore, limit)),
  ]);
  const counts = { rejected: 0, unknown: 0, needs_attention: 0, stuck: 0 } as Record<AttentionReason, number>;
  reasons.forEach((reason, index) => {
    counts[reason] = attention[index]?.count ?? 0;
  });
  const items = attention
    .flatMap((group) => group.items)
    .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)))
    .slice(0, limit);
  return { today, month, attention: { counts, items } };
}
