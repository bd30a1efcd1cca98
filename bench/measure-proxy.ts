/**
 * Proxy overhead: one credit note issued through the dashboard (POST /api/credit-notes, the
 * server's worker sends it, accepted in the database) against the same document posted straight
 * to the sandbox, alternated in one run on one machine, as a ratio of medians.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/schema";
import type { Engine } from "./lib/args";
import type { BenchContext } from "./lib/context";
import type { Figure, MeasurementResult } from "./lib/figures";
import { sleep } from "./lib/http";
import { freshDraft, issueThroughDashboard, postStraightToProvider, providerDocumentOf } from "./lib/issuing";
import { loadNow } from "./lib/machine";
import type { ApiSession } from "./lib/session";
import { startStack, type Stack } from "./lib/stack";
import { median, ratio } from "./lib/stats";

interface DashboardSample {
  /** POST until the database holds it as accepted. */
  acceptedMs: number;
  /** POST until its 202. */
  answeredMs: number;
  /** POST until the provider received the document (sandbox request log, millisecond clock). */
  toProviderMs: number;
}

/** Waits (polling the database every millisecond, outside the server) until document `id` is accepted. */
async function acceptedAt(db: Db, id: string, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const row = await db.selectFrom("documents").select("status").where("id", "=", id).executeTakeFirst();
    if (row?.status === "accepted") return performance.now();
    if (row !== undefined && row.status !== "queued" && row.status !== "sending" && row.status !== "unknown") {
      throw new Error(`document ${id} ended ${row.status}`);
    }
    await sleep(1);
  }
  throw new Error(`document ${id} was not accepted within ${timeoutMs} ms`);
}

async function throughDashboard(stack: Stack, session: ApiSession, db: Db, series: string): Promise<DashboardSample> {
  const wallStart = Date.now();
  const started = performance.now();
  const { issued, answer } = await issueThroughDashboard(session, freshDraft(series));
  const accepted = await acceptedAt(db, issued.id);
  const log = await stack.sandbox.requests();
  const arrival = log.find((entry) => entry.internalId === issued.internalDocumentId && entry.path.toLowerCase() === "/invoice/json");
  return {
    acceptedMs: accepted - started,
    answeredMs: answer.ms,
    toProviderMs: arrival === undefined ? Number.NaN : Date.parse(arrival.at) - wallStart,
  };
}

async function straight(stack: Stack, series: string, number: number): Promise<number> {
  const document = providerDocumentOf(freshDraft(series), { series, number: String(number), internalDocumentId: randomUUID() });
  const answer = await postStraightToProvider(stack.sandbox.baseUrl, stack.sandbox.apiKey, document);
  return answer.ms;
}

const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

/** One engine: alternating issues through the dashboard and straight posts, `runs` times. */
async function measureEngine(ctx: BenchContext, engine: Engine): Promise<Figure[]> {
  const { runs, proxySamples } = ctx.options;
  const database = await ctx.databases.create(engine, "proxy");
  const db = await database.open();
  const stack = await startStack({ buildDir: ctx.buildDir, workDir: ctx.workDir, database, worker: true, name: `proxy-${engine}` });
  const perRun = { accepted: [] as number[], answered: [] as number[], toProvider: [] as number[], direct: [] as number[], ratio: [] as number[], overhead: [] as number[] };
  try {
    const session = await stack.signIn();
    const series = `PX${randomUUID().slice(0, 4).toUpperCase()}`;
    const directSeries = `DX${randomUUID().slice(0, 4).toUpperCase()}`;
    let directNumber = 1;
    ctx.log(`  ${ENGINE_NAMES[engine]}: ${runs} run(s) × ${proxySamples} alternating issues (dashboard, then straight to the sandbox)…`);
    for (let i = 0; i < 5; i += 1) {
      await throughDashboard(stack, session, db, series);
      await straight(stack, directSeries, directNumber++);
    }
    for (let run = 0; run < runs; run += 1) {
      const samples: DashboardSample[] = [];
      const direct: number[] = [];
      for (let i = 0; i < proxySamples; i += 1) {
        samples.push(await throughDashboard(stack, session, db, series));
        direct.push(await straight(stack, directSeries, directNumber++));
      }
      const accepted = median(samples.map((s) => s.acceptedMs));
      perRun.accepted.push(accepted);
      perRun.answered.push(median(samples.map((s) => s.answeredMs)));
      perRun.toProvider.push(median(samples.map((s) => s.toProviderMs)));
      perRun.direct.push(median(direct));
      perRun.ratio.push(ratio(accepted, median(direct)));
      perRun.overhead.push(accepted - median(direct));
    }
  } finally {
    await stack.stop();
    await db.destroy();
  }
  const on = ENGINE_NAMES[engine];
  return [
    { measurement: "proxy", label: `straight to the sandbox: POST /Invoice/json → 201 · alongside ${on}`, value: median(perRun.direct), unit: "ms", runs: perRun.direct },
    { measurement: "proxy", label: `dashboard: POST /api/credit-notes → 202 · ${on}`, value: median(perRun.answered), unit: "ms", runs: perRun.answered },
    { measurement: "proxy", label: `dashboard: POST → provider receives it · ${on}`, value: median(perRun.toProvider), unit: "ms", runs: perRun.toProvider },
    { measurement: "proxy", label: `dashboard: POST → accepted with MARK in the database · ${on}`, value: median(perRun.accepted), unit: "ms", runs: perRun.accepted },
    { measurement: "proxy", label: `overhead (dashboard until accepted − straight) · ${on}`, value: median(perRun.overhead), unit: "ms", runs: perRun.overhead },
    { measurement: "proxy", label: `ratio dashboard ÷ straight · ${on}`, value: median(perRun.ratio), unit: "x", runs: perRun.ratio },
  ];
}

/** The proxy measurement, on every engine of the options. */
export async function measureProxy(ctx: BenchContext): Promise<MeasurementResult> {
  const before = loadNow();
  const { runs, proxySamples } = ctx.options;
  const figures: Figure[] = [];
  for (const engine of ctx.options.engines) figures.push(...(await measureEngine(ctx, engine)));
  return {
    measurement: "proxy",
    title: "Proxy overhead",
    figures,
    notes: [
      `Each run alternates ${proxySamples} issues of the sample draft of docs/DRAFT.md through the dashboard with ${proxySamples} posts of the same document (same content, its own id and number) straight to the sandbox, one at a time; the per-run medians are shown, the figure is their median over ${runs} run(s). No target was set; the ratio is the figure asked for.`,
      "Through the dashboard = sign-in session, validation and recomputation, the outbox transaction (SQLite: synchronous=FULL; PostgreSQL: throw-away cluster, fsync off), 202, then the server's own worker (woken at once) claims the row, logs the attempt, calls the provider and records the MARK. Acceptance is seen by polling the database every millisecond from the harness, outside the server. \"Provider receives it\" is the arrival time in the sandbox's request log (millisecond clock).",
    ],
    conditions: `${before} → ${loadNow()}`,
  };
}
