/**
 * Grows a seeded history to a million documents in seconds instead of minutes: the realistic
 * documents written by the seed (lib/seed) are copied inside the database, each copy
 * with new ids, a number in its own range and an instant a little before its original, so
 * the history keeps its span and mix and gets denser. Only `documents` is copied — the history
 * list reads nothing else.
 */
import { sql, type RawBuilder } from "kysely";
import type { Db } from "@/lib/db/schema";
import type { Engine } from "./args";

/** Copy k of a document gets number + k × NUMBER_STRIDE, so copies never collide with each other or their original. */
export const NUMBER_STRIDE = 10_000_000;
/** Copy k is k × COPY_SHIFT_SECONDS older than its original (99 copies stay within the hour before it). */
export const COPY_SHIFT_SECONDS = 37;

/** How many copies of `base` originals take a history from `current` to `target` documents, starting at copy `nextCopy`. */
export function planGrowth(base: number, current: number, target: number, nextCopy: number): { firstCopy: number; lastCopy: number; rows: number } {
  const rows = Math.max(0, target - current);
  if (rows === 0 || base === 0) return { firstCopy: nextCopy, lastCopy: nextCopy - 1, rows: 0 };
  return { firstCopy: nextCopy, lastCopy: nextCopy + Math.ceil(rows / base) - 1, rows };
}

async function documentColumns(db: Db, engine: Engine): Promise<string[]> {
  if (engine === "sqlite") {
    const result = await sql<{ name: string }>`select name from pragma_table_info('documents') order by cid`.execute(db);
    return result.rows.map((row) => row.name);
  }
  const result = await sql<{ column_name: string }>`
    select column_name from information_schema.columns where table_name = 'documents' and table_schema = current_schema() order by ordinal_position`.execute(db);
  return result.rows.map((row) => row.column_name);
}

/** The value a copy `k` takes for each column that must differ from its original. */
function overrides(engine: Engine, k: number): Record<string, RawBuilder<unknown>> {
  const shift = k * COPY_SHIFT_SECONDS;
  const uuid = engine === "postgres"
    ? sql`gen_random_uuid()::text`
    // Correlated with the row (the empty substr), so SQLite draws a new value per row instead of once.
    : sql`(select lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)) from (select hex(randomblob(16)) || substr(bench_originals.id, 1, 0) as h))`;
  const older = (column: string) => engine === "postgres"
    ? sql`to_char((${sql.ref(column)}::timestamptz - make_interval(secs => ${sql.lit(shift)})) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${sql.ref(column)}, ${sql.lit(`-${shift} seconds`)})`;
  const number = engine === "postgres"
    ? sql`(number::bigint + ${sql.lit(k * NUMBER_STRIDE)})::text`
    : sql`cast(cast(number as integer) + ${sql.lit(k * NUMBER_STRIDE)} as text)`;
  return {
    id: uuid,
    internal_document_id: uuid,
    draft_id: sql`null`,
    idempotency_key: sql`null`,
    number,
    // Copies are settled history: nothing in them is still moving or leased.
    status: sql`case when status in ('queued', 'sending', 'unknown') then 'accepted' else status end`,
    next_action: sql`null`,
    next_attempt_at: sql`null`,
    lease_owner: sql`null`,
    lease_until: sql`null`,
    created_at: older("created_at"),
    updated_at: older("updated_at"),
  };
}

/**
 * Adds copies of the seeded originals (numbers below NUMBER_STRIDE) until the table holds
 * `target` documents. Returns the number of documents afterwards.
 * @throws when the table holds no originals to copy.
 */
export async function growHistory(db: Db, engine: Engine, target: number, log: (line: string) => void = () => undefined): Promise<number> {
  const count = async () => Number((await sql<{ n: number | string }>`select count(*) as n from documents`.execute(db)).rows[0]?.n ?? 0);
  let current = await count();
  if (current >= target) return current;
  const isOriginal = engine === "postgres"
    ? sql`number ~ '^[0-9]{1,7}$'`
    : sql`number not glob '*[^0-9]*' and length(number) between 1 and 7`;
  await sql`drop table if exists bench_originals`.execute(db);
  await sql`create table bench_originals as select * from documents where ${isOriginal}`.execute(db);
  try {
    const base = Number((await sql<{ n: number | string }>`select count(*) as n from bench_originals`.execute(db)).rows[0]?.n ?? 0);
    if (base === 0) throw new Error("no seeded documents to copy");
    const copies = Math.floor((current - base) / base);
    const plan = planGrowth(base, current, target, copies + 1);
    const columns = await documentColumns(db, engine);
    for (let k = plan.firstCopy; k <= plan.lastCopy && current < target; k += 1) {
      const values = overrides(engine, k);
      const select = sql.join(columns.map((column) => values[column] ?? sql.ref(column)));
      const limit = Math.min(base, target - current);
      await sql`insert into documents (${sql.join(columns.map((column) => sql.ref(column)))})
        select ${select} from bench_originals limit ${sql.lit(limit)}`.execute(db);
      current += limit;
      if (k % 10 === 0 || current >= target) log(`  ${current.toLocaleString("en")} documents`);
    }
  } finally {
    await sql`drop table if exists bench_originals`.execute(db);
  }
  return count();
}
