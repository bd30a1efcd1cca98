import "server-only";
import { sql, type Kysely, type Migration } from "kysely";
import type { Engine } from "@/lib/db/dialect-helpers";
import { documentSearchText, foldForSearch } from "@/lib/domain/search-text";

const BATCH = 500;

/** Rewrites `table.search_text` of every row with `textOf`, a batch of rows per statement. */
async function refold<Row extends { id: string }>(db: Kysely<unknown>, table: "documents" | "counterparties", columns: string, textOf: (row: Row) => string): Promise<void> {
  let after = "";
  for (;;) {
    const rows = (await sql<Row>`select ${sql.raw(columns)} from ${sql.table(table)} where id > ${after} order by id limit ${BATCH}`.execute(db)).rows;
    const last = rows.at(-1);
    if (last === undefined) return;
    const values = sql.join(rows.map((row) => sql`(${row.id}, ${textOf(row)})`));
    await sql`update ${sql.table(table)} set search_text = v.folded from (select column1 as id, column2 as folded from (values ${values}) as x) as v where ${sql.table(table)}.id = v.id`.execute(db);
    after = last.id;
  }
}

/**
 * The history search served by an index on both engines, and Greek/Latin look-alike folding
 * (lib/domain/search-text.ts: "pt/2" finds "ΠΤ/2").
 *
 * Every stored search text (documents and the address book) is folded again the new way.
 * SQLite: an FTS5 table with the trigram tokenizer holds each document's folded text and MARK,
 * kept by triggers; its rows are keyed through `document_search_rows` (an INTEGER PRIMARY KEY per
 * document id), never through documents' own implicit rowid, which VACUUM may renumber.
 * PostgreSQL: pg_trgm GIN indexes on search_text and mark answer `like '%…%'` from the index.
 */
export function searchIndexMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      type DocumentRow = { id: string; series: string; number: string; counterparty_name: string | null; counterparty_vat: string | null; internal_document_id: string };
      await refold<DocumentRow>(db, "documents", "id, series, number, counterparty_name, counterparty_vat, internal_document_id", (row) =>
        documentSearchText({ series: row.series, number: row.number, counterpartyName: row.counterparty_name, counterpartyVat: row.counterparty_vat, internalDocumentId: row.internal_document_id }));
      type CounterpartyRow = { id: string; name: string; vat: string; code: string | null };
      await refold<CounterpartyRow>(db, "counterparties", "id, name, vat, code", (row) => foldForSearch([row.name, row.vat, row.code ?? ""].join(" ")));

      if (engine === "postgres") {
        await sql`create extension if not exists pg_trgm`.execute(db);
        await sql`create index documents_search_trgm on documents using gin (search_text gin_trgm_ops)`.execute(db);
        await sql`create index documents_mark_trgm on documents using gin (mark gin_trgm_ops)`.execute(db);
        return;
      }
      await sql`create table document_search_rows (search_row integer primary key, document_id text not null unique)`.execute(db);
      await sql`create virtual table documents_search using fts5(document_id unindexed, folded, mark, tokenize = 'trigram')`.execute(db);
      await sql`insert into document_search_rows (document_id) select id from documents order by created_at, id`.execute(db);
      await sql`
        insert into documents_search (rowid, document_id, folded, mark)
        select r.search_row, d.id, d.search_text, d.mark from documents d join document_search_rows r on r.document_id = d.id`.execute(db);
      await sql`
        create trigger documents_search_insert after insert on documents begin
          insert into document_search_rows (document_id) values (new.id);
          insert into documents_search (rowid, document_id, folded, mark)
            values ((select search_row from document_search_rows where document_id = new.id), new.id, new.search_text, new.mark);
        end`.execute(db);
      await sql`
        create trigger documents_search_update after update of search_text, mark on documents begin
          update documents_search set folded = new.search_text, mark = new.mark
            where rowid = (select search_row from document_search_rows where document_id = new.id);
        end`.execute(db);
      await sql`
        create trigger documents_search_delete after delete on documents begin
          delete from documents_search where rowid = (select search_row from document_search_rows where document_id = old.id);
          delete from document_search_rows where document_id = old.id;
        end`.execute(db);
    },
  };
}
