import "server-only";
import type { Db } from "@/lib/db/schema";

/** One entry on a document's timeline. */
export interface NewEvent {
  documentId: string;
  at: string;
  type: string;
  detail?: Record<string, unknown> | undefined;
  actor?: string | null | undefined;
}

/** Appends timeline entries (use the transaction that made the change they describe). */
export async function appendEvents(db: Db, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto("events")
    .values(
      events.map((event) => ({
        document_id: event.documentId,
        at: event.at,
        type: event.type,
        detail_json: event.detail === undefined ? null : JSON.stringify(event.detail),
        actor: event.actor ?? null,
      })),
    )
    .execute();
}
