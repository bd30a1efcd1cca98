/**
 * History search latency: `GET /api/transmissions?q=…` (50 rows) for searches that match nothing,
 * at 100,000 documents, on SQLite and on PostgreSQL, through the production server and as the
 * query alone. Target: p95 ≤ 20 ms. A search that matches nothing is the worst case of a scan (it
 * reads every document); served by the search index it reads almost nothing.
 */
import type { Db } from "@/lib/db/schema";
import { listTransmissions } from "@/lib/history/queries";
import { analyze, seedHistory } from "@/lib/seed/seed-history";
import type { Engine } from "./lib/args";
import type { BenchContext } from "./lib/context";
import { checkpoint, fastWrites } from "./lib/databases";
import type { Figure, MeasurementResult } from "./lib/figures";
import { growHistory } from "./lib/history-growth";
import { loadNow } from "./lib/machine";
import type { ApiSession } from "./lib/session";
import { startStack } from "./lib/stack";
import { median, percentile } from "./lib/stats";

export const SEARCH_DOCUMENTS = 100_000;
export const SEARCH_TARGET_MS = 20;
const PAGE_SIZE = 50;
/**
 * Searches that match no document: letters no document holds, and a series/number of the shape
 * clerks type whose three-letter pieces are each common ("ΠΤ/…" is half the history).
 */
export const NO_MATCH_QUERIES = ["xyzzy plugh", "ΠΤ/987654321"] as const;
/** A search that matches: typed in Latin for a Greek series (for comparison, no target). */
const MATCHING_QUERY = "pt-xon/1";

const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

async function timed(session: ApiSession, q: string): Promise<number> {
  const path = `/api/transmissions?limit=${PAGE_SIZE}&q=${encodeURIComponent(q)}`;
  const answer = await session.request("GET", path);
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return answer.ms;
}

async function timedQuery(db: Db, q: string): Promise<number> {
  const started = performance.now();
  await listTransmissions(db, { q, limit: PAGE_SIZE });
  return performance.now() - started;
}

async function measureEngine(ctx: BenchContext, engine: Engine): Promise<{ figures: Figure[]; notes: string[] }> {
  const size = ctx.options.quick ? 20_000 : SEARCH_DOCUMENTS;
  const samples = ctx.options.quick ? 30 : 100;
  const database = await ctx.databases.create(engine, "search");
  const db = await database.open();
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    await fastWrites(db, engine);
    ctx.log(`  ${ENGINE_NAMES[engine]}: seeding and growing to ${size.toLocaleString("en")} documents…`);
    await seedHistory(db, { documents: 10_000, providerBaseUrl: "http://127.0.0.1:4010", analyze: false, batchSize: 1_000 });
    const total = await growHistory(db, engine, size, (line) => ctx.log(line));
    await analyze(db);
    await checkpoint(db, engine);
    for (const q of NO_MATCH_QUERIES) {
      const found = await listTransmissions(db, { q, limit: 1 });
      if (found.items.length > 0) throw new Error(`"${q}" was meant to match nothing but found ${found.items[0]?.series}/${found.items[0]?.number}`);
    }
    const stack = await startStack({ buildDir: ctx.buildDir, workDir: ctx.workDir, database, worker: false, name: `search-${engine}` });
    try {
      const session = await stack.signIn();
      const queries = [...NO_MATCH_QUERIES, MATCHING_QUERY];
      for (let i = 0; i < 20; i += 1) for (const q of queries) await timed(session, q);
      const where = `${ENGINE_NAMES[engine]} · ${total.toLocaleString("en")} docs`;
      for (const q of queries) {
        const p95: number[] = [];
        const p50: number[] = [];
        const alone: number[] = [];
        for (let run = 0; run < ctx.options.runs; run += 1) {
          const ms: number[] = [];
          const queryMs: number[] = [];
          for (let i = 0; i < samples; i += 1) {
            ms.push(await timed(session, q));
            queryMs.push(await timedQuery(db, q));
          }
          p95.push(percentile(ms, 95));
          p50.push(median(ms));
          alone.push(median(queryMs));
        }
        const matches = q !== MATCHING_QUERY;
        const what = matches ? `no match "${q}"` : `matching "${q}"`;
        figures.push(
          { measurement: "search", label: `${what} p95 · ${where}`, value: median(p95), unit: "ms", ...(matches ? { target: { comparison: "<=" as const, limit: SEARCH_TARGET_MS } } : {}), runs: p95 },
          { measurement: "search", label: `${what} p50 · ${where}`, value: median(p50), unit: "ms", runs: p50 },
          { measurement: "search", label: `${what}, query alone p50 · ${where}`, value: median(alone), unit: "ms", runs: alone },
        );
      }
    } finally {
      await stack.stop();
    }
    notes.push(`${ENGINE_NAMES[engine]}: ${total.toLocaleString("en")} documents (10,000 seeded, the rest copies made inside the database).`);
  } finally {
    await db.destroy();
  }
  return { figures, notes };
}

/** Runs the search measurement on every engine of the options. */
export async function measureSearch(ctx: BenchContext): Promise<MeasurementResult> {
  const before = loadNow();
  const figures: Figure[] = [];
  const notes: string[] = [
    `Each run times ${ctx.options.quick ? 30 : 100} requests per search (limit ${PAGE_SIZE}, newest first) from one signed-in client over keep-alive HTTP, one at a time, after 20 warm-up rounds; the figure is the median over ${ctx.options.runs} run(s) of each run's p95 / p50. "Query alone" is listTransmissions in the harness process on its own connection.`,
    "The search is served by migration 011's index: SQLite's FTS5 trigram table, PostgreSQL's pg_trgm GIN indexes on the folded search text and the MARK.",
  ];
  for (const engine of ctx.options.engines) {
    const result = await measureEngine(ctx, engine);
    figures.push(...result.figures);
    notes.push(...result.notes);
  }
  return { measurement: "search", title: "History search latency", figures, notes, conditions: `${before} → ${loadNow()}` };
}
