import "server-only";
import { sql, type SqlBool } from "kysely";
import { escapeLike } from "@/lib/db/dialect-helpers";
import type { CounterpartiesTable, Db } from "@/lib/db/schema";

/**
 * Queries of the counterparty address book. `search_text` (migration 003) holds the folded
 * name, VAT number and code, so one LIKE finds Greek and Latin text alike on both engines.
 */

export type CounterpartyRow = CounterpartiesTable & { search_text: string };

/** The address book's columns as the compose migration left them. */
function withSearchText(db: Db) {
  return db.withTables<{ counterparties: CounterpartyRow }>();
}

/** Values of a new or changed entry (emails as a JSON array, search text already folded). */
export interface CounterpartyValues {
  name: string;
  vat: string;
  code: string | null;
  countryCode: string;
  city: string;
  street: string;
  postalCode: string;
  emailsJson: string;
  searchText: string;
}

function columnsOf(values: CounterpartyValues) {
  return {
    name: values.name,
    vat: values.vat,
    code: values.code,
    country_code: values.countryCode,
    city: values.city,
    street: values.street,
    postal_code: values.postalCode,
    emails_json: values.emailsJson,
    search_text: values.searchText,
  };
}

/**
 * Entries whose name, VAT number or code contains the folded query (all entries without one),
 * by name. `foldedQuery` must already be folded the way `search_text` is.
 */
export async function searchCounterparties(db: Db, params: { foldedQuery: string; limit: number; offset?: number }): Promise<CounterpartyRow[]> {
  let query = withSearchText(db).selectFrom("counterparties").selectAll().orderBy("name").orderBy("id").limit(params.limit).offset(params.offset ?? 0);
  if (params.foldedQuery !== "") {
    query = query.where(sql<SqlBool>`search_text like ${`%${escapeLike(params.foldedQuery)}%`} escape '\\'`);
  }
  return query.execute();
}

export async function findCounterparty(db: Db, params: { id: string }): Promise<CounterpartyRow | undefined> {
  return withSearchText(db).selectFrom("counterparties").selectAll().where("id", "=", params.id).executeTakeFirst();
}

/** The entry with this VAT number as documents write it (`EL…`, `DE…`), if any. */
export async function findCounterpartyByVat(db: Db, params: { vat: string }): Promise<CounterpartyRow | undefined> {
  return withSearchText(db).selectFrom("counterparties").selectAll().where("vat", "=", params.vat).orderBy("created_at").executeTakeFirst();
}

export async function insertCounterparty(db: Db, params: { id: string; values: CounterpartyValues; now: string }): Promise<void> {
  await withSearchText(db)
    .insertInto("counterparties")
    .values({ id: params.id, ...columnsOf(params.values), created_at: params.now, updated_at: params.now })
    .execute();
}

/** Replaces an entry's values; false when there is no such entry. */
export async function updateCounterparty(db: Db, params: { id: string; values: CounterpartyValues; now: string }): Promise<boolean> {
  const result = await withSearchText(db)
    .updateTable("counterparties")
    .set({ ...columnsOf(params.values), updated_at: params.now })
    .where("id", "=", params.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteCounterparty(db: Db, params: { id: string }): Promise<boolean> {
  const result = await db.deleteFrom("counterparties").where("id", "=", params.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
