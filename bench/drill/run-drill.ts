/**
 * The fault drill: the production server (with its own send worker) and scripts/worker.ts
 * processes share one database and the sandbox provider; clerks issue credit notes through the
 * dashboard while processes are killed with SIGKILL and restarted and every sandbox fault mode
 * strikes; then everything runs undisturbed until nothing is moving, and the outcome is checked
 * (bench/drill/checks.ts).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type { Db } from "@/lib/db/schema";
import { vatOfNet } from "@/lib/domain/line-amounts";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import type { DrillOptions } from "../lib/args";
import { prepareBuild } from "../lib/build";
import { DatabaseFactory } from "../lib/databases";
import { freePort, httpRequest, sleep } from "../lib/http";
import { freshDraft } from "../lib/issuing";
import { loadNow } from "../lib/machine";
import { appServer, workerProcess, type ManagedProcess } from "../lib/processes";
import { ApiSession } from "../lib/session";
import { BENCH_ADMIN } from "../lib/stack";
import type { RequestLogEntry } from "@/sandbox/control-types";
import { checkDrill, type DrillDocument, type DrillVerdict, type FaultStrike } from "./checks";
import { describeFault, faultCycle, faultKind, seededRandom, SUBMISSION_FAULTS, type FaultSpec } from "./faults";

/** Provider timeouts of every process in the drill: short, so that hangs turn into "unknown" quickly. */
const CONNECT_TIMEOUT_MS = 1_000;
const RESPONSE_TIMEOUT_MS = 2_500;
/** Sandbox "processing" window after an unanswered request. */
const PROCESSING_WINDOW_MS = 2_000;
/**
 * When the provider is killed, from the start of the chaos: brief kills (down 2–4 s) and the two
 * long outages. Issuing is spread over the whole schedule, so that notes arrive during each.
 */
const PROVIDER_SCHEDULE: readonly { atS: number; downS: number | "brief" }[] = [
  { atS: 10, downS: "brief" },
  { atS: 25, downS: 90 },
  { atS: 130, downS: "brief" },
  { atS: 145, downS: 180 },
];
/** Brief provider kills go on every 10–20 s after the schedule, until issuing ends. */
const ISSUING_SECONDS = 345;

export interface DrillReport {
  options: DrillOptions;
  verdict: DrillVerdict;
  kills: Record<string, number>;
  powerCuts: number;
  injected: Record<string, number>;
  hits: Record<string, number>;
  /** The sandbox's other answers, by path, outcome and status (duplicates and "still processing" among them). */
  answers: Record<string, number>;
  clientRetries: number;
  issuingMs: number;
  quietMs: number;
  startedAt: Date;
  conditions: string;
  engineVersion: string;
}

interface Running {
  sandbox: TestSandbox;
  server: ManagedProcess & { url: string };
  workers: ManagedProcess[];
  db: Db;
}

/** Issues every draft through the dashboard, retrying through outages with the same draft id. */
/**
 * A drill note of its own: the sample draft with a unit price and description nobody else has, so
 * that a note issued again under a new id or number shows as a duplicate by its content.
 */
export function uniqueDraft(series: string, draftId: string, index: number): Record<string, unknown> {
  const draft = freshDraft(series, draftId);
  const lines = draft.lines as Record<string, unknown>[];
  const first = lines[0] ?? {};
  // Net prices (the sample's line is at 24 %): the payment is the gross the server will compute.
  const netCents = 1_000 + index;
  const grossCents = netCents + vatOfNet(netCents, 24);
  lines[0] = { ...first, unitPrice: (netCents / 100).toFixed(2), description: `${String(first.description)} #${index + 1}` };
  draft.priceEntry = "net";
  draft.payments = [{ methodCode: 3, amount: (grossCents / 100).toFixed(2) }];
  return draft;
}

async function issueAll(url: string, session: ApiSession, draftIds: string[], clerks: number, pauseMs: number, acknowledged: string[], stats: { retries: number }): Promise<void> {
  let next = 0;
  const series = `DR${randomUUID().slice(0, 4).toUpperCase()}`;
  await Promise.all(Array.from({ length: clerks }, async () => {
    while (next < draftIds.length) {
      const index = next;
      const draftId = draftIds[index];
      next += 1;
      if (draftId === undefined) break;
      const draft = uniqueDraft(series, draftId, index);
      for (let attempt = 0; ; attempt += 1) {
        try {
          const answer = await httpRequest(`${url}/api/credit-notes`, {
            method: "POST", body: { draft }, headers: { cookie: session.cookie, accept: "application/json" }, timeoutMs: 15_000,
          });
          if (answer.status === 202) {
            acknowledged.push(draftId);
            break;
          }
          if (answer.status < 500) throw new Error(`POST /api/credit-notes answered ${answer.status}: ${answer.body.slice(0, 300)}`);
        } catch (error) {
          if (error instanceof Error && /answered [1-4]\d\d/.test(error.message)) throw error;
        }
        // The server is down or restarting: the same draft id again, so at most one document.
        stats.retries += 1;
        if (attempt > 600) throw new Error(`draft ${draftId} could not be issued after ${attempt} tries`);
        await sleep(250);
      }
      await sleep(pauseMs);
    }
  }));
}

/** SIGKILLs a random process (now and then all of them: a power cut) and restarts it, until `done()`. */
async function killLoop(running: Running, random: () => number, done: () => boolean, kills: Record<string, number>, log: (line: string) => void): Promise<number> {
  const all = [running.server, ...running.workers];
  let powerCuts = 0;
  while (!done()) {
    await sleep(1_500 + random() * 2_500);
    if (done()) break;
    const powerCut = random() < 0.15;
    const victims = powerCut ? all : [all[Math.floor(random() * all.length)] ?? running.server];
    if (powerCut) powerCuts += 1;
    await Promise.all(victims.map((victim) => victim.kill()));
    for (const victim of victims) kills[victim.name] = (kills[victim.name] ?? 0) + 1;
    log(`    ✝ SIGKILL ${powerCut ? "all processes" : victims[0]?.name}`);
    await sleep(200 + random() * 1_300);
    await Promise.all(victims.map((victim) => startWithRetries(victim)));
  }
  return powerCuts;
}

async function startWithRetries(process: ManagedProcess): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await process.start();
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await process.kill();
    }
  }
}

/** The sandbox's request log across its restarts (each restart starts an empty log). */
class ProviderLog {
  private readonly past: RequestLogEntry[] = [];
  constructor(private readonly sandbox: TestSandbox) {}
  /** Keeps what the running sandbox logged so far; call right before killing it. */
  async keep(): Promise<void> {
    try {
      this.past.push(...(await this.sandbox.requests()));
    } catch {
      // already unreachable: its entries since the last keep are lost
    }
  }
  async all(): Promise<RequestLogEntry[]> {
    return [...this.past, ...(await this.sandbox.requests())];
  }
}

/**
 * Kills the provider (SIGKILL) on PROVIDER_SCHEDULE and briefly every 10–20 s after it, starting it
 * again on the same port and data after the outage, until `done()`. Returns the down windows.
 */
async function providerLoop(sandbox: TestSandbox, providerLog: ProviderLog, random: () => number, done: () => boolean, log: (line: string) => void): Promise<{ kind: string; from: Date; to: Date }[]> {
  const started = Date.now();
  const windows: { kind: string; from: Date; to: Date }[] = [];
  const waitUntil = async (atMs: number) => {
    while (!done() && Date.now() < atMs) await sleep(Math.min(500, Math.max(0, atMs - Date.now())));
  };
  const outage = async (downS: number | "brief") => {
    const downMs = downS === "brief" ? 2_000 + random() * 2_000 : downS * 1000;
    const kind = downS === "brief" ? "provider SIGKILL, back after 2–4 s" : `provider outage ${downS} s`;
    await providerLog.keep();
    const from = new Date();
    await sandbox.down();
    log(`    ✝ SIGKILL provider (${(downMs / 1000).toFixed(0)} s down)`);
    // A long outage is waited out whatever happens; a brief one too.
    await sleep(downMs);
    await sandbox.up();
    const to = new Date();
    windows.push({ kind, from, to });
    log(`    ✓ provider back after ${((to.getTime() - from.getTime()) / 1000).toFixed(0)} s`);
  };
  for (const step of PROVIDER_SCHEDULE) {
    await waitUntil(started + step.atS * 1000);
    if (done()) return windows;
    await outage(step.downS);
  }
  while (!done()) {
    await waitUntil(Date.now() + 10_000 + random() * 10_000);
    if (done()) break;
    await outage("brief");
  }
  return windows;
}

/** Feeds the sandbox one fault at a time, as the traffic uses them up; flips the duplicate shape now and then. */
async function faultLoop(sandbox: TestSandbox, random: () => number, done: () => boolean, injected: Record<string, number>, injectedKinds: Record<string, number>): Promise<void> {
  const nextSubmissionFault = faultCycle(SUBMISSION_FAULTS, random);
  let jsonAtLastFault = 0;
  let shapeFlippedAt = Date.now();
  let shape: "409" | "2xx" = "409";
  // While the provider is down, injecting fails: the fault is skipped, not counted.
  const inject = async (spec: FaultSpec) => {
    try {
      await sandbox.fault(spec);
    } catch {
      return;
    }
    const name = describeFault(spec);
    injected[name] = (injected[name] ?? 0) + 1;
    injectedKinds[faultKind(spec)] = (injectedKinds[faultKind(spec)] ?? 0) + 1;
  };
  while (!done()) {
    await sleep(300);
    let log;
    try {
      log = await sandbox.requests();
    } catch {
      continue;
    }
    const json = log.filter((entry) => entry.path.toLowerCase() === "/invoice/json").length;
    // A restarted provider starts an empty log.
    if (json < jsonAtLastFault) jsonAtLastFault = 0;
    // Roughly one submission in four meets a fault.
    if (json - jsonAtLastFault >= 3) {
      jsonAtLastFault = json;
      await inject(nextSubmissionFault());
    }
    if (Date.now() - shapeFlippedAt > 8_000 + random() * 8_000) {
      const flipped: "409" | "2xx" = shape === "409" ? "2xx" : "409";
      try {
        await sandbox.settings({ duplicateShape: flipped });
      } catch {
        continue;
      }
      shape = flipped;
      shapeFlippedAt = Date.now();
      injected[`duplicate shape ${shape}`] = (injected[`duplicate shape ${shape}`] ?? 0) + 1;
      injectedKinds[`duplicate answer as ${shape}`] = (injectedKinds[`duplicate answer as ${shape}`] ?? 0) + 1;
    }
  }
}

async function movingCount(db: Db): Promise<number> {
  const row = await db.selectFrom("documents").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "in", ["queued", "sending", "unknown"]).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Last-error kinds that are the provider's permanent refusal: waiting would never have sent the note. */
const PERMANENT_REFUSALS = new Set(["rejected", "unauthorized", "conflict"]);

/** Every drill note has a gross amount of its own (uniqueDraft), so the amount stands for its content. */
function contentKeyOf(grossCents: number): string {
  return `gross ${grossCents} cents`;
}

/** The faults-struck table: every kind injected, with how often it struck. */
function faultStrikes(input: {
  injectedKinds: Record<string, number>;
  requests: readonly RequestLogEntry[];
  kills: Record<string, number>;
  providerDowns: readonly { kind: string; from: Date; to: Date }[];
  attemptStarts: readonly string[];
}): FaultStrike[] {
  const struck: Record<string, number> = {};
  const add = (kind: string, n = 1) => {
    struck[kind] = (struck[kind] ?? 0) + n;
  };
  for (const entry of input.requests) {
    const path = entry.path.toLowerCase();
    if (path !== "/invoice/json") continue;
    if (entry.outcome.startsWith("fault:")) add(`${entry.outcome.slice(6)} on json`);
    // A delay answers as usual afterwards; the log notes that it held the request.
    if (entry.delayedMs !== undefined) add("delay on json");
    if (entry.outcome === "duplicate" && entry.status !== null) add(`duplicate answer as ${entry.status === 409 ? "409" : "2xx"}`);
  }
  const strikes: FaultStrike[] = Object.entries(input.injectedKinds).map(([kind, injected]) => ({ kind, injected, struck: struck[kind] ?? 0 }));
  // A process kill strikes when it happens; a provider outage when a send was tried while it lasted.
  for (const [name, n] of Object.entries(input.kills)) strikes.push({ kind: `SIGKILL ${name}`, injected: n, struck: n });
  const downs = new Map<string, { injected: number; struck: number }>();
  for (const window of input.providerDowns) {
    const from = window.from.toISOString();
    const to = window.to.toISOString();
    const tried = input.attemptStarts.filter((at) => at >= from && at <= to).length;
    const row = downs.get(window.kind) ?? { injected: 0, struck: 0 };
    downs.set(window.kind, { injected: row.injected + 1, struck: row.struck + (tried > 0 ? 1 : 0) });
  }
  for (const [kind, row] of downs) strikes.push({ kind, ...row });
  return strikes;
}

/** Every document with its attempt rows and, when it needs attention, why. */
async function readDocuments(db: Db): Promise<DrillDocument[]> {
  const rows = await db.selectFrom("documents").select(["id", "draft_id", "internal_document_id", "status", "mark", "attempt_count", "last_error_json", "gross_cents"]).execute();
  const attempts = await db.selectFrom("attempts").select(["document_id", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("document_id").execute();
  const attemptRows = new Map(attempts.map((row) => [row.document_id, Number(row.n)]));
  const reasons = await sql<{ document_id: string; detail_json: string | null }>`
    select e.document_id, e.detail_json from events e
    where e.type = 'needs_attention' and e.id = (select max(id) from events x where x.document_id = e.document_id and x.type = 'needs_attention')`.execute(db);
  const reasonOf = new Map(reasons.rows.map((row) => {
    let reason = "unknown reason";
    try {
      reason = String((JSON.parse(row.detail_json ?? "{}") as { reason?: string }).reason ?? reason);
    } catch {
      // keep the default
    }
    return [row.document_id, reason];
  }));
  return rows.map((row) => {
    let errorKind = "";
    let permanentRefusal = false;
    try {
      const error = JSON.parse(row.last_error_json ?? "null") as { kind?: string; reason?: string } | null;
      errorKind = error === null ? "" : `${error.kind ?? ""}${error.reason ? `/${error.reason}` : ""}`;
      permanentRefusal = error !== null && PERMANENT_REFUSALS.has(error.kind ?? "");
    } catch {
      errorKind = "";
    }
    return {
      id: row.id,
      draftId: row.draft_id,
      internalDocumentId: row.internal_document_id,
      status: row.status,
      mark: row.mark,
      attemptCount: Number(row.attempt_count),
      attemptRows: attemptRows.get(row.id) ?? 0,
      explanation: row.status === "needs_attention" ? `${reasonOf.get(row.id) ?? "no status event"}${errorKind ? ` (last error: ${errorKind})` : ""}` : undefined,
      contentKey: row.gross_cents === null ? undefined : contentKeyOf(Number(row.gross_cents)),
      permanentRefusal,
    };
  });
}

/** Runs the drill; the report says whether anything was lost or duplicated. */
export async function runDrill(options: DrillOptions, repoDir: string, log: (line: string) => void): Promise<DrillReport> {
  const startedAt = new Date();
  const before = loadNow();
  const random = seededRandom(options.seed);
  const build = await prepareBuild({ sourceDir: repoDir, rebuild: options.rebuild, log });
  const workDir = mkdtempSync(join(tmpdir(), "credit-desk-drill-"));
  const databases = new DatabaseFactory(workDir);
  // Ctrl-C: children die with the process (their exit hook); the PostgreSQL cluster is stopped here.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      databases.abandon();
      rmSync(workDir, { recursive: true, force: true });
      process.exit(130);
    });
  }
  const stopping: (() => Promise<void>)[] = [];
  try {
    const database = await databases.create(options.database, "drill");
    const db = await database.open();
    stopping.push(() => db.destroy());
    const engineVersion = options.database === "postgres"
      ? `PostgreSQL ${(await databases.postgresVersion()) ?? ""}`.trim()
      : `SQLite ${String((await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0]?.v)}`;
    const sandbox = await startTestSandbox({ processingWindowMs: PROCESSING_WINDOW_MS });
    stopping.push(() => sandbox.stop());
    const providerEnv = {
      DATABASE_URL: database.url,
      IMPACT_BASE_URL: sandbox.baseUrl,
      IMPACT_API_KEY: sandbox.apiKey,
      IMPACT_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      IMPACT_RESPONSE_TIMEOUT_MS: String(RESPONSE_TIMEOUT_MS),
    };
    const server = appServer({
      buildDir: build.dir, port: await freePort(), logFile: join(workDir, "server.log"), name: "server",
      env: { ...providerEnv, ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password, SESSION_SECRET: randomBytes(32).toString("base64url"), CREDIT_DESK_WORKER: "1" },
    });
    const workers = Array.from({ length: options.workers }, (_, i) => workerProcess({
      repoDir, instanceId: `worker-${i + 1}`, logFile: join(workDir, `worker-${i + 1}.log`), env: providerEnv,
      args: ["--poll-ms", "100", "--lease-ms", "5000", "--processing-poll-ms", "300", "--backoff-base-ms", "100", "--backoff-cap-ms", "1000"],
    }));
    const running: Running = { sandbox, server, workers, db };
    stopping.push(async () => {
      await Promise.all([server, ...workers].map((p) => p.stop()));
    });
    log(`Drill on ${engineVersion}: ${options.documents} credit notes, ${options.clerks} clerks, server + ${options.workers} worker process(es), seed ${options.seed}`);
    await Promise.all([server.start(), ...workers.map((worker) => worker.start())]);
    const session = await ApiSession.signIn(server.url, BENCH_ADMIN);

    const draftIds = Array.from({ length: options.documents }, () => randomUUID());
    const acknowledged: string[] = [];
    const kills: Record<string, number> = {};
    const injected: Record<string, number> = {};
    const injectedKinds: Record<string, number> = {};
    const providerLog = new ProviderLog(sandbox);
    const clientStats = { retries: 0 };
    let issuing = true;
    const issueStarted = performance.now();
    const pauseMs = Math.max(0, Math.round((ISSUING_SECONDS * 1000 * options.clerks) / options.documents) - 40);
    log(`  issuing through the dashboard while killing processes and injecting faults…`);
    const progress = setInterval(() => log(`    ${acknowledged.length}/${options.documents} acknowledged`), 10_000);
    const chaos = Promise.all([
      killLoop(running, random, () => !issuing, kills, log),
      providerLoop(sandbox, providerLog, random, () => !issuing, log),
      faultLoop(sandbox, random, () => !issuing, injected, injectedKinds),
    ]);
    try {
      await issueAll(server.url, session, draftIds, options.clerks, pauseMs, acknowledged, clientStats);
    } finally {
      // A last few seconds of chaos after the last acknowledgement, then calm.
      await sleep(5_000);
      issuing = false;
      clearInterval(progress);
    }
    const [powerCuts, providerDowns] = await chaos;
    const issuingMs = performance.now() - issueStarted;
    await Promise.all([server, ...workers].map((p) => startWithRetries(p)));
    await sandbox.reset();
    log(`  all ${acknowledged.length} acknowledged in ${(issuingMs / 1000).toFixed(0)} s; faults cleared, waiting for quiet…`);

    const quietStarted = performance.now();
    const deadline = Date.now() + options.quietTimeoutS * 1000;
    let lastReport = 0;
    for (;;) {
      const moving = await movingCount(db);
      if (moving === 0) break;
      if (Date.now() > deadline) {
        log(`  still ${moving} moving after ${options.quietTimeoutS} s — giving up`);
        break;
      }
      if (Date.now() - lastReport > 10_000) {
        log(`    ${moving} still queued, sending or unknown`);
        lastReport = Date.now();
      }
      await sleep(1_000);
    }
    const quietMs = performance.now() - quietStarted;

    const requests = await providerLog.all();
    const seen = new Set(requests.flatMap((entry) => (entry.internalId === undefined ? [] : [entry.internalId])));
    const documents = (await readDocuments(db)).map((doc) => ({ ...doc, providerSaw: seen.has(doc.internalDocumentId) }));
    const provider = (await sandbox.documents()).map((doc) => ({ ...doc, contentKey: contentKeyOf(Math.round(doc.totals.gross * 100)) }));
    const attemptStarts = (await db.selectFrom("attempts").select("started_at").execute()).map((row) => row.started_at);
    const hits: Record<string, number> = {};
    const answers: Record<string, number> = {};
    for (const entry of requests) {
      const path = entry.path.toLowerCase() === "/mydata/status" ? "status" : entry.path.toLowerCase() === "/invoice/json" ? "json" : "other";
      if (path !== "other" && !entry.outcome.startsWith("fault:")) {
        const key = `${path} ${entry.outcome}${entry.status === null ? "" : ` ${entry.status}`}`;
        answers[key] = (answers[key] ?? 0) + 1;
      }
      if (!entry.outcome.startsWith("fault:")) continue;
      const key = `${entry.outcome.slice(6)} on ${entry.path.toLowerCase() === "/mydata/status" ? "status" : "json"}`;
      hits[key] = (hits[key] ?? 0) + 1;
    }
    const faults = faultStrikes({ injectedKinds, requests, kills, providerDowns, attemptStarts });
    const verdict = checkDrill({ acknowledged, documents, provider, faults });
    return {
      options, verdict, kills, powerCuts, injected, hits, answers, clientRetries: clientStats.retries, issuingMs, quietMs, startedAt,
      conditions: `${before} → ${loadNow()}`, engineVersion,
    };
  } finally {
    for (const stop of stopping.reverse()) await stop().catch(() => undefined);
    await databases.close();
    if (options.keep) log(`Kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}
