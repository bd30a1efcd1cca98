import "server-only";
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { engineOf, escapeLike, type Engine } from "@/lib/db/dialect-helpers";
import type { Database, Db, DocumentStatus } from "@/lib/db/schema";
import { decodeCursor } from "@/lib/history/cursor";
import { foldForSearch, MIN_INDEXED_QUERY_LENGTH } from "@/lib/domain/search-text";
import type { HistorySort } from "@/lib/validation/history-sorts";
import { toTransmissionSummary, SUMMARY_COLUMNS, type TransmissionSummary } from "@/lib/history/transmission-views";

/** Filters of the history; every one optional. Times are ISO-8601 instants on created_at. */
export interface TransmissionFilter {
  status?: DocumentStatus | DocumentStatus[] | undefined;
  /** Inclusive lower bound on when the document was issued from the dashboard. */
  from?: string | undefined;
  /** Exclusive upper bound. */
  to?: string | undefined;
  /** Free text (accent- and case-insensitive): series, number, series/number, counterparty name or VAT, MARK, internal id. */
  q?: string | undefined;
  series?: string | undefined;
  mark?: string | undefined;
  counterpartyVat?: string | undefined;
  minGrossCents?: number | undefined;
  maxGrossCents?: number | undefined;
  /** Who issued it (users.email as stored in created_by). */
  createdBy?: string | undefined;
  /**
   * Counterparty by VAT number (exact; 9 digits also match the Greek `EL` form) or, for anything
   * that does not look like one, by name (accent- and case-insensitive substring).
   */
  counterparty?: string | undefined;
  /** Order of the rows; default newest first. Part of the filter so the CSV export keeps the table's order. */
  sort?: HistorySort | undefined;
}

export { HISTORY_SORTS, type HistorySort } from "@/lib/validation/history-sorts";

export const MAX_PAGE_SIZE = 200;

type DocumentsEb = ExpressionBuilder<Database, "documents">;

/**
 * Documents whose folded search text (or MARK) contains `text`, folded here. From three folded
 * letters on, the match is read from the search index of migration 011 (SQLite: the FTS5 trigram
 * table; PostgreSQL: the pg_trgm GIN indexes), never by reading every document; shorter text is a
 * plain substring test, read in page order.
 */
function searchCondition(engine: Engine, text: string, options: { mark: boolean }): Expression<SqlBool> {
  const folded = foldForSearch(text);
  // A MARK is digits only: only a query of digits can be part of one (and the digit trigrams of a
  // hundred thousand MARKs are long lists not worth reading for anything else).
  options = { mark: options.mark && /^\d+$/.test(text) };
  const like = (column: "search_text" | "mark", value: string) => sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(value)}%`} escape '\\'`;
  if ([...folded].length < MIN_INDEXED_QUERY_LENGTH) {
    return options.mark ? sql<SqlBool>`(${like("search_text", folded)} or ${like("mark", text)})` : like("search_text", folded);
  }
  if (engine === "sqlite") {
    // One FTS5 phrase: the trigram tokenizer matches it as a substring of the indexed columns.
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const phrase = options.mark ? `folded : ${quote(folded)} OR mark : ${quote(text)}` : `folded : ${quote(folded)}`;
    return sql<SqlBool>`${sql.ref("id")} in (select document_id from documents_search where documents_search match ${phrase})`;
  }
  // Each arm is answered by its own GIN index. The matches are collected first and then put in
  // page order: `offset 0` keeps the planner from turning the subquery into a join that walks the
  // whole date index testing every document (seconds at 100,000 documents for a rare match).
  return options.mark
    ? sql<SqlBool>`${sql.ref("id")} in (select id from documents where ${like("search_text", folded)} union select id from documents where ${like("mark", text)})`
    : sql<SqlBool>`${sql.ref("id")} in (select id from documents where ${like("search_text", folded)} offset 0)`;
}

function filterConditions(eb: DocumentsEb, engine: Engine, filter: TransmissionFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const statuses = filter.status === undefined ? [] : Array.isArray(filter.status) ? filter.status : [filter.status];
  const [onlyStatus] = statuses;
  if (statuses.length === 1 && onlyStatus !== undefined) conditions.push(eb("status", "=", onlyStatus));
  else if (statuses.length > 1) conditions.push(eb("status", "in", statuses));
  if (filter.from !== undefined) conditions.push(eb("created_at", ">=", new Date(filter.from).toISOString()));
  if (filter.to !== undefined) conditions.push(eb("created_at", "<", new Date(filter.to).toISOString()));
  if (filter.series !== undefined) conditions.push(eb("series", "=", filter.series));
  if (filter.mark !== undefined) conditions.push(eb("mark", "=", filter.mark));
  if (filter.counterpartyVat !== undefined) conditions.push(eb("counterparty_vat", "=", filter.counterpartyVat));
  if (filter.minGrossCents !== undefined) conditions.push(eb("gross_cents", ">=", filter.minGrossCents));
  if (filter.maxGrossCents !== undefined) conditions.push(eb("gross_cents", "<=", filter.maxGrossCents));
  if (filter.createdBy !== undefined) conditions.push(eb("created_by", "=", filter.createdBy));
  const party = filter.counterparty?.trim();
  if (party) {
    const compact = party.replace(/[\s.-]/g, "").toUpperCase();
    if (/^([A-Z]{2})?\d{8,12}$/.test(compact)) {
      conditions.push(eb("counterparty_vat", "in", /^\d{9}$/.test(compact) ? [compact, `EL${compact}`] : [compact]));
    } else {
      conditions.push(searchCondition(engine, party, { mark: false }));
    }
  }
  const q = filter.q?.trim();
  if (q) {
    // Literal substring of the folded search text or of the MARK.
    conditions.push(searchCondition(engine, q, { mark: true }));
  }
  return conditions;
}

/** Where a page starts: after (next page) or before (previous page) a row, in one sort order. */
interface PagePosition {
  sort: HistorySort;
  before: boolean;
  value: string | number;
  id: string;
}

/** Opaque URL-safe cursor of a page position (base64url JSON). */
function encodePosition(position: PagePosition): string {
  return Buffer.from(JSON.stringify(["p", position.sort, position.before ? 1 : 0, position.value, position.id]), "utf8").toString("base64url");
}

/**
 * Reads a cursor of `encodePosition` (or the original `[createdAt, id]` form, a next page of the
 * newest-first order) made for the order being read.
 * @throws RangeError for anything else.
 */
function decodePosition(text: string, sort: HistorySort): PagePosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new RangeError("invalid cursor");
  }
  if (Array.isArray(value) && value.length === 2) {
    const legacy = decodeCursor(text);
    if (sort !== "created_desc") throw new RangeError("invalid cursor");
    return { sort, before: false, value: legacy.createdAt, id: legacy.id };
  }
  if (!Array.isArray(value) || value.length !== 5 || value[0] !== "p" || value[1] !== sort || (value[2] !== 0 && value[2] !== 1) || typeof value[4] !== "string") {
    throw new RangeError("invalid cursor");
  }
  const key: unknown = value[3];
  const isGross = sort.startsWith("gross");
  if (isGross ? !Number.isSafeInteger(key) : typeof key !== "string" || Number.isNaN(Date.parse(key))) throw new RangeError("invalid cursor");
  return { sort, before: value[2] === 1, value: key as string | number, id: value[4] };
}

/** The sort key of an order as SQL (the amount key is the expression its index is built on). */
function sortKey(sort: HistorySort) {
  return sort.startsWith("gross") ? sql<number>`coalesce(gross_cents, -1)` : sql<string>`created_at`;
}

function keyOfRow(sort: HistorySort, row: { created_at: string; gross_cents: number | null }): string | number {
  return sort.startsWith("gross") ? Number(row.gross_cents ?? -1) : row.created_at;
}

/**
 * One page of the history in the filter's order (newest first by default), with opaque keyset
 * cursors for the next page and the previous one (null at either end). A page is one index range
 * read however deep it lies: the position is `key <= v AND (key < v OR id < i)` (mirrored for
 * ascending reads), which both engines turn into an index range on the key.
 * A previous page that would come out short (rows were added or removed meanwhile) is answered
 * with the first page instead.
 * @throws RangeError for a cursor this function did not produce, or one of another order.
 */
export async function listTransmissions(
  db: Db,
  params: TransmissionFilter & { cursor?: string | undefined; limit: number },
): Promise<{ items: TransmissionSummary[]; nextCursor: string | null; prevCursor: string | null }> {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(params.limit)));
  const sort = params.sort ?? "created_desc";
  const position = params.cursor === undefined || params.cursor === "" ? null : decodePosition(params.cursor, sort);
  const before = position?.before ?? false;
  // A previous page is read in the opposite direction, then turned round.
  const descending = sort.endsWith("_desc") !== before;
  const key = sortKey(sort);
  const rows = await db
    .selectFrom("documents")
    .select(SUMMARY_COLUMNS)
    .where((eb) => {
      const conditions = filterConditions(eb, engineOf(db), params);
      if (position !== null) {
        const [weak, strict] = descending ? (["<=", "<"] as const) : ([">=", ">"] as const);
        conditions.push(eb(key, weak, position.value));
        conditions.push(eb.or([eb(key, strict, position.value), eb("id", strict, position.id)]));
      }
      return eb.and(conditions);
    })
    .orderBy(key, descending ? "desc" : "asc")
    .orderBy("id", descending ? "desc" : "asc")
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (before) {
    if (page.length < limit) return listTransmissions(db, { ...params, cursor: undefined });
    page.reverse();
  }
  const first = page[0];
  const last = page[page.length - 1];
  const at = (row: typeof first, isBefore: boolean) =>
    row === undefined ? null : encodePosition({ sort, before: isBefore, value: keyOfRow(sort, row), id: row.id });
  // Forward: more rows after when the read overflowed, rows before whenever a cursor was given.
  // Backward: the mirror image.
  const nextCursor = before ? at(last, false) : more ? at(last, false) : null;
  const prevCursor = before ? (more ? at(first, true) : null) : position !== null ? at(first, true) : null;
  return { items: page.map(toTransmissionSummary), nextCursor, prevCursor };
}

/** Every row of the filtered history, newest first, read page by page (for the CSV export). */
export async function* exportTransmissionRows(db: Db, filter: TransmissionFilter, pageSize = MAX_PAGE_SIZE): AsyncGenerator<TransmissionSummary> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listTransmissions(db, { ...filter, cursor, limit: pageSize });
    yield* page.items;
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}

/** How many documents are in each status (statuses without documents are 0). */
export async function countTransmissionsByStatus(db: Db): Promise<Record<DocumentStatus, number>> {
  const rows = await db.selectFrom("documents").select(["status", (eb) => eb.fn.countAll<number>().as("count")]).groupBy("status").execute();
  const counts: Record<DocumentStatus, number> = { queued: 0, sending: 0, accepted: 0, rejected: 0, unknown: 0, needs_attention: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}
