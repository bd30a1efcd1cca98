/**
 * History API latency: `GET /api/transmissions` (50 rows, newest first) for the first page and
 * for deep pages reached by cursor, at each history size, on SQLite and on PostgreSQL, through
 * the production server. Targets: p95 ≤ 20 ms, deep ÷ first ≤ 1.2.
 */
import { sql } from "kysely";
import type { Db } from "@/lib/db/schema";
import { analyze, seedHistory } from "@/lib/seed/seed-history";
import { encodeCursor } from "@/lib/history/cursor";
import { listTransmissions } from "@/lib/history/queries";
import type { Engine } from "./lib/args";
import type { BenchContext } from "./lib/context";
import { checkpoint, fastWrites } from "./lib/databases";
import type { Figure, MeasurementResult } from "./lib/figures";
import { growHistory } from "./lib/history-growth";
import { loadNow } from "./lib/machine";
import type { ApiSession } from "./lib/session";
import { startStack } from "./lib/stack";
import { median, percentile, ratio } from "./lib/stats";

export const PAGE_SIZE = 50;
export const LATENCY_TARGET_MS = 20;
export const DEEP_RATIO_TARGET = 1.2;
/** Where the deep pages start, as fractions of the history (the last one is the last full page). */
export const DEEP_POSITIONS = [0.5, 0.9, 1] as const;

interface Page {
  items: { id: string; createdAt: string }[];
  nextCursor: string | null;
}

/** 0-based offsets of the deep pages of a history of `size` documents: each leaves a full page. */
export function deepOffsets(size: number, pageSize = PAGE_SIZE): number[] {
  const last = size - pageSize;
  return [...new Set(DEEP_POSITIONS.map((fraction) => Math.max(pageSize + 1, Math.min(last, Math.floor(size * fraction)))))];
}

async function rowAt(db: Db, offset: number): Promise<{ created_at: string; id: string }> {
  const row = await db.selectFrom("documents").select(["created_at", "id"]).orderBy("created_at", "desc").orderBy("id", "desc").limit(1).offset(offset).executeTakeFirst();
  if (row === undefined) throw new Error(`no document at offset ${offset}`);
  return row;
}

/**
 * A cursor of the API's own making that starts a page at `offset`: the page before it is
 * fetched with a cursor built from the row before that page, and its nextCursor is kept.
 */
async function cursorAt(db: Db, session: ApiSession, offset: number): Promise<string> {
  const anchor = await rowAt(db, offset - PAGE_SIZE - 1);
  const legacy = encodeCursor({ createdAt: anchor.created_at, id: anchor.id });
  const before = await session.json<Page>("GET", `/api/transmissions?limit=${PAGE_SIZE}&cursor=${legacy}`);
  if (before.nextCursor === null) throw new Error(`no next page after offset ${offset - PAGE_SIZE}`);
  const expected = await rowAt(db, offset);
  const page = await session.json<Page>("GET", `/api/transmissions?limit=${PAGE_SIZE}&cursor=${before.nextCursor}`);
  if (page.items[0]?.id !== expected.id || page.items.length !== PAGE_SIZE) {
    throw new Error(`the cursor of offset ${offset} reads ${page.items.length} rows starting at ${page.items[0]?.id ?? "nothing"}, not ${expected.id}`);
  }
  return before.nextCursor;
}

async function timedPage(session: ApiSession, path: string): Promise<number> {
  const answer = await session.request("GET", path);
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return answer.ms;
}

interface SizeRuns {
  firstP95: number[];
  deepP95: number[];
  firstP50: number[];
  deepP50: number[];
  ratios: number[];
  /** GET /api/auth/session: the same sign-in check and framework path, no history query. */
  floorP50: number[];
  /** listTransmissions called in the harness process on its own connection: the query alone. */
  queryFirstP50: number[];
  queryDeepP50: number[];
}

/** The query alone, in this process: `samples` first pages and deep pages. */
async function measureQuery(db: Db, deepCursors: string[], samples: number): Promise<{ first: number; deep: number }> {
  const first: number[] = [];
  const deep: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    let started = performance.now();
    await listTransmissions(db, { limit: PAGE_SIZE });
    first.push(performance.now() - started);
    started = performance.now();
    await listTransmissions(db, { limit: PAGE_SIZE, cursor: deepCursors[i % deepCursors.length] });
    deep.push(performance.now() - started);
  }
  return { first: median(first), deep: median(deep) };
}

/** Alternates first-page, deep-page and floor requests; one run = `samples` of each. */
async function measurePages(db: Db, session: ApiSession, deepCursors: string[], runs: number, samples: number): Promise<SizeRuns> {
  const first = `/api/transmissions?limit=${PAGE_SIZE}`;
  const deep = deepCursors.map((cursor) => `/api/transmissions?limit=${PAGE_SIZE}&cursor=${cursor}`);
  for (let i = 0; i < 20; i += 1) {
    await timedPage(session, first);
    await timedPage(session, deep[i % deep.length] ?? first);
  }
  await measureQuery(db, deepCursors, 10);
  const result: SizeRuns = { firstP95: [], deepP95: [], firstP50: [], deepP50: [], ratios: [], floorP50: [], queryFirstP50: [], queryDeepP50: [] };
  for (let run = 0; run < runs; run += 1) {
    const firstMs: number[] = [];
    const deepMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      firstMs.push(await timedPage(session, first));
      deepMs.push(await timedPage(session, deep[i % deep.length] ?? first));
      floorMs.push(await timedPage(session, "/api/auth/session"));
    }
    const query = await measureQuery(db, deepCursors, samples);
    result.floorP50.push(median(floorMs));
    result.queryFirstP50.push(query.first);
    result.queryDeepP50.push(query.deep);
    result.firstP95.push(percentile(firstMs, 95));
    result.deepP95.push(percentile(deepMs, 95));
    result.firstP50.push(median(firstMs));
    result.deepP50.push(median(deepMs));
    result.ratios.push(ratio(median(deepMs), median(firstMs)));
  }
  return result;
}

const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

function figuresOf(engine: Engine, size: number, runs: SizeRuns): Figure[] {
  const where = `${ENGINE_NAMES[engine]} · ${size.toLocaleString("en")} docs`;
  const latency = { comparison: "<=" as const, limit: LATENCY_TARGET_MS };
  return [
    { measurement: "history", label: `first page p95 · ${where}`, value: median(runs.firstP95), unit: "ms", target: latency, runs: runs.firstP95 },
    { measurement: "history", label: `deep page p95 · ${where}`, value: median(runs.deepP95), unit: "ms", target: latency, runs: runs.deepP95 },
    { measurement: "history", label: `first page p50 · ${where}`, value: median(runs.firstP50), unit: "ms", runs: runs.firstP50 },
    { measurement: "history", label: `deep page p50 · ${where}`, value: median(runs.deepP50), unit: "ms", runs: runs.deepP50 },
    { measurement: "history", label: `deep ÷ first (p50) · ${where}`, value: median(runs.ratios), unit: "x", target: { comparison: "<=", limit: DEEP_RATIO_TARGET }, runs: runs.ratios },
    { measurement: "history", label: `floor: GET /api/auth/session p50 · ${where}`, value: median(runs.floorP50), unit: "ms", runs: runs.floorP50 },
    { measurement: "history", label: `query alone, first page p50 · ${where}`, value: median(runs.queryFirstP50), unit: "ms", runs: runs.queryFirstP50 },
    { measurement: "history", label: `query alone, deep page p50 · ${where}`, value: median(runs.queryDeepP50), unit: "ms", runs: runs.queryDeepP50 },
  ];
}

async function measureEngine(ctx: BenchContext, engine: Engine): Promise<{ figures: Figure[]; notes: string[] }> {
  const { options } = ctx;
  const figures: Figure[] = [];
  const notes: string[] = [];
  const database = await ctx.databases.create(engine, "history");
  const db = await database.open();
  try {
    await fastWrites(db, engine);
    const [base = 10_000] = options.historySizes;
    ctx.log(`  ${ENGINE_NAMES[engine]}: seeding ${base.toLocaleString("en")} documents…`);
    const seeded = await seedHistory(db, { documents: base, providerBaseUrl: "http://127.0.0.1:4010", analyze: false, batchSize: 1_000 });
    notes.push(`${ENGINE_NAMES[engine]}: seeded ${base.toLocaleString("en")} documents in ${(seeded.elapsedMs / 1000).toFixed(1)} s.`);
    for (const size of options.historySizes) {
      const started = performance.now();
      const total = await growHistory(db, engine, size, (line) => ctx.log(line));
      await analyze(db);
      await checkpoint(db, engine);
      if (size > base) notes.push(`${ENGINE_NAMES[engine]}: grown to ${total.toLocaleString("en")} documents in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      const stack = await startStack({ buildDir: ctx.buildDir, workDir: ctx.workDir, database, worker: false, name: `history-${engine}-${size}` });
      try {
        const session = await stack.signIn();
        const cursors: string[] = [];
        for (const offset of deepOffsets(total)) cursors.push(await cursorAt(db, session, offset));
        const samples = options.quick ? 30 : 100;
        ctx.log(`  ${ENGINE_NAMES[engine]} · ${total.toLocaleString("en")} documents: ${options.runs} run(s) × ${samples} first + ${samples} deep pages…`);
        const runs = await measurePages(db, session, cursors, options.runs, samples);
        figures.push(...figuresOf(engine, total, runs));
      } finally {
        await stack.stop();
      }
    }
    const sizeRow = engine === "sqlite"
      ? await sql<{ bytes: number }>`select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`.execute(db)
      : await sql<{ bytes: string }>`select pg_total_relation_size('documents') as bytes`.execute(db);
    const bytes = Number(sizeRow.rows[0]?.bytes ?? 0);
    notes.push(`${ENGINE_NAMES[engine]}: ${engine === "sqlite" ? "database file" : "documents table with indexes"} ${(bytes / 1024 ** 3).toFixed(2)} GiB at the largest size.`);
  } finally {
    await db.destroy();
  }
  return { figures, notes };
}

/** Runs the history measurement on every engine of the options. */
export async function measureHistory(ctx: BenchContext): Promise<MeasurementResult> {
  const before = loadNow();
  const figures: Figure[] = [];
  const notes: string[] = [
    `Each run alternates ${ctx.options.quick ? 30 : 100} first-page and ${ctx.options.quick ? 30 : 100} deep-page requests (limit ${PAGE_SIZE}, newest first) from one signed-in client over keep-alive HTTP, one at a time, after 20 warm-up pairs; the figure is the median over ${ctx.options.runs} run(s) of each run's p95 / p50.`,
    `Deep pages start at ${DEEP_POSITIONS.map((f) => (f === 1 ? "the last full page" : `${f * 100} %`)).join(", ")} of the history, reached with cursors the API itself returned.`,
    "The history is the realistic seed (lib/seed: statuses, series, counterparties, attempts, events) at the smallest size; larger sizes add copies of those documents inside the database (new ids and numbers, instants spread between the originals), so the span stays the same and the history gets denser.",
    "Beside each pair, `GET /api/auth/session` (same sign-in check, proxy and route machinery, no history query) shows the floor any signed-in API call pays; \"query alone\" is `listTransmissions` called in the harness process on its own connection to the same database, without HTTP.",
    "The server runs with CREDIT_DESK_WORKER=0 (nothing is sending meanwhile); PostgreSQL is a throw-away local cluster with fsync off and default settings otherwise.",
  ];
  for (const engine of ctx.options.engines) {
    const result = await measureEngine(ctx, engine);
    figures.push(...result.figures);
    notes.push(...result.notes);
  }
  return { measurement: "history", title: "History API latency", figures, notes, conditions: `${before} → ${loadNow()}` };
}
