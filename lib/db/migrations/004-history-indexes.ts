import "server-only";
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "@/lib/db/dialect-helpers";

/**
 * Indexes behind the history's keyset pages. Every page is `ORDER BY <key> DESC|ASC, id` with a
 * range condition on the key, so each filter that narrows by equality gets an index ending in
 * (created_at, id): the page is then one index range read in order, never a scan plus a sort,
 * however deep the page. The amount sort uses coalesce(gross_cents, -1) so that documents
 * without totals (credits of an existing document) sort as one value on both engines, which
 * place NULLs at opposite ends.
 */
export function historyIndexesMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const index = (name: string, columns: string[]) => db.schema.createIndex(name).on("documents").columns(columns).execute();
      await index("documents_status_keyset", ["status", "created_at", "id"]);
      await index("documents_series_keyset", ["series", "created_at", "id"]);
      await index("documents_created_by_keyset", ["created_by", "created_at", "id"]);
      await index("documents_counterparty_keyset", ["counterparty_vat", "created_at", "id"]);
      await sql`create index documents_gross_keyset on documents (coalesce(gross_cents, -1), id)`.execute(db);
    },
  };
}
