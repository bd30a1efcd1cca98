import "server-only";
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "@/lib/db/dialect-helpers";
import { editableDraftOfDocument } from "@/lib/provider/impact/read-document";

/** Documents read and written per statement while backfilling. */
const BACKFILL_BATCH = 200;
/** The draft shape this migration writes; fixed here, whatever the current version becomes. */
const BACKFILLED_DRAFT_VERSION = 1;

function draftOfPayload(payloadJson: string): string {
  let payload: unknown = null;
  try {
    payload = JSON.parse(payloadJson);
  } catch {
    // An unreadable body still gets a (blank) draft: the detail page and Fix & resend read drafts only.
  }
  return JSON.stringify(editableDraftOfDocument(payload));
}

/**
 * One stored truth per document: the validated draft beside the provider payload. Adds
 * `documents.draft_json` (null only for credits of an issued document, which have no draft) and
 * `draft_version` (the shape of that draft), and fills both once for every composed document
 * from its stored payload, read back exactly (lib/provider/impact/read-document.ts). Walks the
 * documents by id in batches; each batch is one UPDATE with a CASE, the same on both engines.
 */
export function storedDraftMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("documents").addColumn("draft_json", "text").execute();
      await db.schema.alterTable("documents").addColumn("draft_version", "integer").execute();
      let after = "";
      for (;;) {
        const { rows } = await sql<{ id: string; payload_json: string }>`
          select id, payload_json from documents
          where kind = 'compose' and draft_json is null and id > ${after}
          order by id limit ${BACKFILL_BATCH}`.execute(db);
        const last = rows.at(-1);
        if (last === undefined) break;
        const drafts = sql.join(rows.map((row) => sql`when ${row.id} then ${draftOfPayload(row.payload_json)}`), sql` `);
        const ids = sql.join(rows.map((row) => sql`${row.id}`));
        await sql`update documents set draft_json = case id ${drafts} end, draft_version = ${BACKFILLED_DRAFT_VERSION} where id in (${ids})`.execute(db);
        after = last.id;
      }
    },
  };
}
