import "server-only";
import { sql, type Insertable } from "kysely";
import { engineOf } from "@/lib/db/dialect-helpers";
import type { Db, Database, DocumentStatus } from "@/lib/db/schema";
import { SEED_SERIES } from "./catalog";
import { createRandom, createSeedContext, fateOf, generateSeedDocument, pickStaff, type SeedDocument, type SeedIssuer } from "./generate";

/** The sandbox's demo issuer: seeded documents can then be resent to the sandbox as they are. */
export const DEFAULT_SEED_ISSUER: SeedIssuer = {
  vat: "EL094259216", name: "BEST SHOPPING", countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551",
};

export interface SeedOptions {
  documents: number;
  /** Seed of the pseudo-random choices; the same seed gives the same mix (ids and times aside). */
  seed?: number | undefined;
  /** Base of the seeded document URLs (the provider the dashboard talks to). */
  providerBaseUrl: string;
  now?: Date | undefined;
  /** Days of history before `now` (default 540). */
  spanDays?: number | undefined;
  /** Documents per transaction. */
  batchSize?: number | undefined;
  /** Update planner statistics at the end (default true). */
  analyze?: boolean | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface SeedResult {
  documents: number;
  attempts: number;
  events: number;
  byStatus: Record<DocumentStatus, number>;
  elapsedMs: number;
}

/** Rows per INSERT: SQLite allows 32,766 bound values per statement, PostgreSQL 65,535. */
function chunkSize(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}

async function insertChunked<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const size = chunkSize(Object.keys(rows[0] as object).length);
  for (let start = 0; start < rows.length; start += size) {
    // Kysely's table-generic insert types cannot be narrowed here; the rows come typed from the generator.
    await db.insertInto(table).values(rows.slice(start, start + size) as never).execute();
  }
}

async function seedIssuer(db: Db): Promise<SeedIssuer> {
  const profile = await db.selectFrom("issuer_profiles").select(["vat", "name", "country_code", "city", "street", "postal_code"]).orderBy("created_at").executeTakeFirst();
  if (profile === undefined) return DEFAULT_SEED_ISSUER;
  const vat = profile.vat.toUpperCase().startsWith("EL") ? profile.vat.toUpperCase() : `EL${profile.vat}`;
  return { vat, name: profile.name, countryCode: profile.country_code, city: profile.city, street: profile.street, postalCode: profile.postal_code };
}

/** Next free number of each seeded series: after the series counter and after any number already held. */
async function startNumbers(db: Db, issuerVat: string): Promise<Map<string, number>> {
  const numbers = new Map<string, number>();
  for (const { code } of SEED_SERIES) {
    const series = await db.selectFrom("series").select("next_number").where("issuer_vat", "=", issuerVat).where("code", "=", code).executeTakeFirst();
    const held = await db.selectFrom("documents").select("number").where("issuer_vat", "=", issuerVat).where("series", "=", code).execute();
    const highest = held.reduce((max, row) => (/^\d+$/.test(row.number) ? Math.max(max, Number(row.number)) : max), 0);
    numbers.set(code, Math.max(series?.next_number ?? 1, highest + 1));
  }
  return numbers;
}

async function firstFreeMark(db: Db): Promise<number> {
  const row = await db
    .selectFrom("documents")
    .select((eb) => eb.fn.max("mark").as("mark"))
    .where("mark", ">=", "300000000000000")
    .where("mark", "<", "400000000000000")
    .executeTakeFirst();
  return row?.mark ? Number(row.mark) + 1 : 300_000_000_000_001;
}

function pickSeries(random: () => number): string {
  const total = SEED_SERIES.reduce((sum, s) => sum + s.weight, 0);
  let draw = random() * total;
  for (const series of SEED_SERIES) {
    draw -= series.weight;
    if (draw < 0) return series.code;
  }
  return SEED_SERIES[0]?.code ?? "A";
}

/**
 * Fills the database with `documents` realistic history rows, oldest first, spread over
 * `spanDays` up to now: every status (the newest few still moving: queued, sending, unknown),
 * several series numbered on from their counters, Greek, EU and third-country counterparties,
 * several VAT rates, MARKs on accepted documents, and for each one the attempts and timeline a
 * real send leaves. Inserts in batches, one transaction each; the series counters move past the
 * numbers used, so issuing afterwards never collides. Works on both engines.
 */
export async function seedHistory(db: Db, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? 7);
  const issuer = await seedIssuer(db);
  const numbers = await startNumbers(db, issuer.vat);
  const ctx = createSeedContext(issuer, options.providerBaseUrl, now, await firstFreeMark(db));
  const total = Math.max(0, Math.floor(options.documents));
  const batchSize = options.batchSize ?? 500;
  const movingCount = Math.min(30, Math.max(total >= 30 ? 6 : 0, Math.floor(total / 1000)));
  const spanMs = (options.spanDays ?? 540) * 86_400_000;
  const newest = now.getTime() - 30_000;
  const settledEnd = newest - 10 * 60_000;
  const step = total > movingCount ? (spanMs - 10 * 60_000) / Math.max(1, total - movingCount) : 0;
  const byStatus: Record<DocumentStatus, number> = { queued: 0, sending: 0, accepted: 0, rejected: 0, unknown: 0, needs_attention: 0 };
  const creditable: { mark: string; authenticationCode: string }[] = [];
  let attempts = 0;
  let events = 0;
  let previous = settledEnd - spanMs;

  for (let done = 0; done < total; ) {
    const batch: SeedDocument[] = [];
    for (; batch.length < batchSize && done < total; done += 1) {
      const fromNewest = total - 1 - done;
      const moving = fromNewest < movingCount;
      // Settled documents spread evenly with jitter (1 in 100 shares its predecessor's instant); the moving ones are minutes old.
      const target = moving ? newest - fromNewest * 20_000 : settledEnd - spanMs + (done + 0.5) * step + (random() - 0.5) * step;
      const at = random() < 0.01 ? previous : Math.max(previous + 1, Math.round(target));
      previous = at;
      const series = pickSeries(random);
      const number = numbers.get(series) ?? 1;
      numbers.set(series, number + 1);
      const fate = fateOf(random, fromNewest, movingCount);
      const creditOf = !moving && creditable.length > 0 && random() < 0.03 ? creditable[Math.floor(random() * creditable.length)] : undefined;
      const generated = generateSeedDocument(random, ctx, { series, number: String(number), createdAt: new Date(at), fate, createdBy: pickStaff(random), creditOf });
      const { document } = generated;
      if (document.status === "accepted" && document.kind === "compose" && document.mark && document.authentication_code) {
        creditable.push({ mark: document.mark, authenticationCode: document.authentication_code });
        if (creditable.length > 200) creditable.shift();
      }
      byStatus[document.status] += 1;
      batch.push(generated);
    }
    await db.transaction().execute(async (trx) => {
      await insertChunked(trx, "documents", batch.map((item) => item.document));
      await insertChunked(trx, "attempts", batch.flatMap((item) => item.attempts));
      await insertChunked(trx, "events", batch.flatMap((item) => item.events));
    });
    attempts += batch.reduce((sum, item) => sum + item.attempts.length, 0);
    events += batch.reduce((sum, item) => sum + item.events.length, 0);
    options.onProgress?.(done, total);
  }

  await moveSeriesCounters(db, issuer.vat, numbers, now.toISOString());
  if (options.analyze ?? true) await analyze(db);
  return { documents: total, attempts, events, byStatus, elapsedMs: Math.round(performance.now() - started) };
}

async function moveSeriesCounters(db: Db, issuerVat: string, numbers: Map<string, number>, at: string): Promise<void> {
  for (const [code, next] of numbers) {
    await db
      .insertInto("series")
      .values({ issuer_vat: issuerVat, code, next_number: next, description: null, created_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(["issuer_vat", "code"]).doNothing())
      .execute();
    await db.updateTable("series").set({ next_number: next, updated_at: at }).where("issuer_vat", "=", issuerVat).where("code", "=", code).where("next_number", "<", next).execute();
  }
}

/** Refreshes the planner's statistics so that it sees the new row counts (both engines). */
export async function analyze(db: Db): Promise<void> {
  if (engineOf(db) === "postgres") await sql`analyze documents, attempts, events`.execute(db);
  else await sql`analyze`.execute(db);
}
