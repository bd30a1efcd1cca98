import "server-only";
import type { Db } from "@/lib/db/schema";

/** A series the request names does not exist (and may not be created on the way). */
export class SeriesNotDefinedError extends Error {
  override name = "SeriesNotDefinedError";
  constructor(readonly issuerVat: string, readonly series: string) {
    super(`series ${issuerVat}/${series} is not defined`);
  }
}

/** Upper bound on numbers skipped because a document already holds them (explicitly chosen earlier). */
const MAX_SKIPPED_NUMBERS = 10_000;

/** Whether a document of this issuer already holds series/number. */
export async function isNumberTaken(db: Db, params: { issuerVat: string; series: string; number: string }): Promise<boolean> {
  const row = await db
    .selectFrom("documents")
    .select("id")
    .where("issuer_vat", "=", params.issuerVat)
    .where("series", "=", params.series)
    .where("number", "=", params.number)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes the next number of a series; call it inside the issuing transaction. The increment is
 * one `UPDATE … RETURNING`, so it holds the series row until commit (concurrent issuers queue,
 * and a rolled-back issue gives its number back). With `create` (tools, seeds) a series seen for
 * the first time starts at 1; without it (every API request) a series must already exist.
 * Numbers some document already holds are skipped: a number is never given twice.
 * @throws SeriesNotDefinedError when the series does not exist and `create` is false.
 */
export async function allocateSeriesNumber(db: Db, params: { issuerVat: string; series: string; now: string; create?: boolean }): Promise<string> {
  if (params.create !== false) {
    await db
      .insertInto("series")
      .values({ issuer_vat: params.issuerVat, code: params.series, next_number: 1, description: null, created_at: params.now, updated_at: params.now })
      .onConflict((oc) => oc.columns(["issuer_vat", "code"]).doNothing())
      .execute();
  }
  for (let skipped = 0; skipped < MAX_SKIPPED_NUMBERS; skipped += 1) {
    const row = await db
      .updateTable("series")
      .set((eb) => ({ next_number: eb("next_number", "+", 1), updated_at: params.now }))
      .where("issuer_vat", "=", params.issuerVat)
      .where("code", "=", params.series)
      .returning("next_number")
      .executeTakeFirst();
    if (row === undefined) throw new SeriesNotDefinedError(params.issuerVat, params.series);
    const number = String(row.next_number - 1);
    if (!(await isNumberTaken(db, { issuerVat: params.issuerVat, series: params.series, number }))) return number;
  }
  throw new Error(`series ${params.series}: no free number found`);
}

/** The series of an issuer with their next numbers, for the settings screen. */
export async function listSeries(db: Db, params: { issuerVat?: string } = {}): Promise<{ issuerVat: string; code: string; nextNumber: number; description: string | null }[]> {
  let query = db.selectFrom("series").select(["issuer_vat", "code", "next_number", "description"]).orderBy("issuer_vat").orderBy("code");
  if (params.issuerVat !== undefined) query = query.where("issuer_vat", "=", params.issuerVat);
  const rows = await query.execute();
  return rows.map((row) => ({ issuerVat: row.issuer_vat, code: row.code, nextNumber: row.next_number, description: row.description }));
}

/**
 * The issue time of the latest document of an issuer's series (Athens `YYYY-MM-DDTHH:mm:ss`), or
 * null when it has none. With `beforeNumber`, only documents numbered below it count (numbers
 * have no leading zeros, so a shorter number is smaller and equal lengths compare as text): a
 * document keeps its place in its series when it is corrected and resent.
 */
export async function lastIssuedAtOfSeries(db: Db, params: { issuerVat: string; series: string; beforeNumber?: string }): Promise<string | null> {
  let query = db
    .selectFrom("documents")
    .select((eb) => eb.fn.max("issued_at").as("last"))
    .where("issuer_vat", "=", params.issuerVat)
    .where("series", "=", params.series);
  const before = params.beforeNumber;
  if (before !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn("length", ["number"]), "<", before.length),
        eb.and([eb(eb.fn("length", ["number"]), "=", before.length), eb("number", "<", before)]),
      ]),
    );
  }
  const row = await query.executeTakeFirst();
  return row?.last ?? null;
}
