/**
 * Sustained issuing: 20 clerks (each its own user, session and connection) issue credit notes
 * through `POST /api/credit-notes` as fast as the server answers until 10,000 are issued; the
 * server's own worker sends them to the sandbox meanwhile. Reports the issue rate, the send
 * rate, the answer latency under load and the server's memory (RSS of the process tree).
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "@/lib/db/schema";
import type { Engine } from "./lib/args";
import type { BenchContext } from "./lib/context";
import type { Figure, MeasurementResult } from "./lib/figures";
import { keepAliveAgent, sleep } from "./lib/http";
import { freshDraft, issueThroughDashboard } from "./lib/issuing";
import { loadNow } from "./lib/machine";
import { processTreeRss } from "./lib/processes";
import { ApiSession } from "./lib/session";
import { startStack } from "./lib/stack";
import { median, percentile } from "./lib/stats";

const MB = 1024 * 1024;

/**
 * Rates over `windows` equal slices of completion times (ms, ascending from `startMs`): each
 * slice's documents ÷ its duration, in documents per second.
 */
export function windowRates(completions: readonly number[], startMs: number, windows: number): number[] {
  const sortedTimes = [...completions].sort((a, b) => a - b);
  const per = Math.floor(sortedTimes.length / windows);
  if (per === 0) return [];
  const rates: number[] = [];
  let from = startMs;
  for (let w = 0; w < windows; w += 1) {
    const last = sortedTimes[(w + 1) * per - 1] ?? from;
    rates.push(last > from ? (per * 1000) / (last - from) : Number.NaN);
    from = last;
  }
  return rates;
}

async function statusCounts(db: Db): Promise<Record<string, number>> {
  const rows = await sql<{ status: string; n: number }>`select status, count(*) as n from documents group by status`.execute(db);
  return Object.fromEntries(rows.rows.map((row) => [row.status, Number(row.n)]));
}

const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

/** The load measurement, on every engine of the options. */
export async function measureLoad(ctx: BenchContext): Promise<MeasurementResult> {
  const before = loadNow();
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const engine of ctx.options.engines) {
    const result = await measureEngine(ctx, engine);
    figures.push(...result.figures);
    notes.push(...result.notes);
  }
  notes.push(`The issue rate is the median over ${Math.max(1, ctx.options.runs)} equal slices of each run (per-slice rates in the runs column); RSS is the server's process tree from /proc (\`next start\` and any child it runs); SQLite runs with synchronous=FULL, PostgreSQL is a throw-away local cluster with fsync off; the sandbox runs in its own process.`);
  return { measurement: "load", title: "Sustained issuing and server memory", figures, notes, conditions: `${before} → ${loadNow()}` };
}

async function measureEngine(ctx: BenchContext, engine: Engine): Promise<{ figures: Figure[]; notes: string[] }> {
  const { loadDocuments: total, clerks, runs } = ctx.options;
  const on = ENGINE_NAMES[engine];
  const database = await ctx.databases.create(engine, "load");
  const db = await database.open();
  const stack = await startStack({ buildDir: ctx.buildDir, workDir: ctx.workDir, database, worker: true, name: `load-${engine}` });
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    const admin = await stack.signIn();
    const sessions: ApiSession[] = [];
    for (let i = 0; i < clerks; i += 1) {
      const credentials = { email: `clerk${i + 1}@credit-desk.example`, password: `bench-clerk-password-${i + 1}` };
      await admin.json("POST", "/api/users", { ...credentials, name: `Clerk ${i + 1}`, role: "clerk" }, [201]);
      sessions.push(await ApiSession.signIn(stack.server.url, credentials, keepAliveAgent(1)));
    }
    const series = `LD${randomUUID().slice(0, 4).toUpperCase()}`;
    // Warm-up: every route and query compiled, the worker awake.
    const warmUp = 3;
    for (const session of sessions.slice(0, warmUp)) await issueThroughDashboard(session, freshDraft(series));
    await sleep(2_000);
    const pid = stack.server.pid();
    if (pid === undefined) throw new Error("the server is not running");
    const rssStart = processTreeRss(pid);
    let peak = rssStart;
    const completions: number[] = [];
    const latencies: number[] = [];
    const timeline: { atMs: number; accepted: number; issued: number }[] = [];
    let next = 0;
    const started = performance.now();
    let sampling = false;
    const sampler = setInterval(() => {
      peak = Math.max(peak, processTreeRss(pid));
      if (sampling) return;
      sampling = true;
      void statusCounts(db)
        .then((counts) => timeline.push({ atMs: performance.now() - started, accepted: counts.accepted ?? 0, issued: completions.length }))
        .finally(() => {
          sampling = false;
        });
    }, 500);

    ctx.log(`  ${on}: ${clerks} clerks issue ${total.toLocaleString("en")} credit notes…`);
    await Promise.all(sessions.map(async (session) => {
      while (next < total) {
        next += 1;
        const { answer } = await issueThroughDashboard(session, freshDraft(series));
        latencies.push(answer.ms);
        completions.push(performance.now());
      }
    }));
    const issuedMs = performance.now() - started;
    const afterIssuing = await statusCounts(db);
    const rssIssued = processTreeRss(pid);
    const drainWindowMs = ctx.options.quick ? 10_000 : 30_000;
    ctx.log(`  issued in ${(issuedMs / 1000).toFixed(1)} s (${afterIssuing.accepted ?? 0} already accepted); watching the send backlog for ${drainWindowMs / 1000} s…`);
    const drainStart = performance.now();
    let counts = afterIssuing;
    while (performance.now() - drainStart < drainWindowMs) {
      await sleep(250);
      counts = await statusCounts(db);
      if ((counts.queued ?? 0) + (counts.sending ?? 0) + (counts.unknown ?? 0) === 0) break;
    }
    const drainMs = performance.now() - drainStart;
    clearInterval(sampler);
    const rssDrained = processTreeRss(pid);
    await sleep(10_000);
    const rssIdle = processTreeRss(pid);
    peak = Math.max(peak, rssIssued, rssDrained, rssIdle);
    const acceptedWhileIssuing = (afterIssuing.accepted ?? 0) - warmUp;
    const backlog = (counts.queued ?? 0) + (counts.sending ?? 0) + (counts.unknown ?? 0);

    const rates = windowRates(completions, started, Math.max(1, runs));
    figures.push(
      { measurement: "load", label: `issue rate, ${clerks} concurrent clerks (202 answers/s) · ${on}`, value: median(rates), unit: "docs/s", runs: rates },
      { measurement: "load", label: `POST /api/credit-notes under load p50 · ${on}`, value: median(latencies), unit: "ms" },
      { measurement: "load", label: `POST /api/credit-notes under load p95 · ${on}`, value: percentile(latencies, 95), unit: "ms" },
      { measurement: "load", label: `send rate of the server's worker while clerks issue (accepted/s) · ${on}`, value: (acceptedWhileIssuing * 1000) / issuedMs, unit: "docs/s" },
      { measurement: "load", label: `send rate of the server's worker on the backlog afterwards (accepted/s) · ${on}`, value: (((counts.accepted ?? 0) - (afterIssuing.accepted ?? 0)) * 1000) / drainMs, unit: "docs/s" },
      { measurement: "load", label: `send backlog ${(drainMs / 1000).toFixed(0)} s after the last issue · ${on}`, value: backlog, unit: "count" },
      { measurement: "load", label: `server RSS before (signed in, warmed up) · ${on}`, value: rssStart / MB, unit: "MB" },
      { measurement: "load", label: `server RSS after ${total.toLocaleString("en")} issued · ${on}`, value: rssIssued / MB, unit: "MB" },
      { measurement: "load", label: `server RSS ${(drainMs / 1000).toFixed(0)} s later (sending the backlog) · ${on}`, value: rssDrained / MB, unit: "MB" },
      { measurement: "load", label: `server RSS 10 s after that · ${on}`, value: rssIdle / MB, unit: "MB" },
      { measurement: "load", label: `server RSS peak (sampled every 0.5 s) · ${on}`, value: peak / MB, unit: "MB" },
    );
    const curve = timeline.filter((_, index) => index % Math.max(1, Math.floor(timeline.length / 12)) === 0)
      .map((point) => `${(point.atMs / 1000).toFixed(0)} s: ${point.issued} issued / ${Math.max(0, point.accepted - warmUp)} accepted`).join("; ");
    notes.push(
      `${on}: ${clerks} clerk users, each with its own session and one keep-alive connection, issue the sample draft of docs/DRAFT.md (fresh draft id, one shared series, numbers from the series) back to back until ${total.toLocaleString("en")} are issued (${(issuedMs / 1000).toFixed(1)} s); the server's own worker sends them to the sandbox meanwhile. Status counts ${(drainMs / 1000).toFixed(0)} s after the last issue: ${Object.entries(counts).map(([status, n]) => `${status} ${n}`).join(", ")} (including ${warmUp} warm-up documents).`,
      `${on} progress: ${curve}.`,
    );
  } finally {
    await stack.stop();
    await db.destroy();
  }
  return { figures, notes };
}
