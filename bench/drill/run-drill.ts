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
import { checkDrill, type DrillDocument, type DrillVerdict } from "./checks";
import { describeFault, faultCycle, seededRandom, STATUS_FAULTS, SUBMISSION_FAULTS, type FaultSpec } from "./faults";

/** Provider timeouts of every process in the drill: short, so that hangs turn into "unknown" quickly. */
const CONNECT_TIMEOUT_MS = 1_000;
const RESPONSE_TIMEOUT_MS = 2_500;
/** Sandbox "processing" window after an unanswered request. */
const PROCESSING_WINDOW_MS = 2_000;
/** Issuing is spread over about this long, so that it spans many kills. */
const ISSUING_SECONDS = 60;

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
async function issueAll(url: string, session: ApiSession, draftIds: string[], clerks: number, pauseMs: number, acknowledged: string[], stats: { retries: number }): Promise<void> {
  let next = 0;
  const series = `DR${randomUUID().slice(0, 4).toUpperCase()}`;
  await Promise.all(Array.from({ length: clerks }, async () => {
    while (next < draftIds.length) {
      const draftId = draftIds[next];
      next += 1;
      if (draftId === undefined) break;
      const draft = freshDraft(series, draftId);
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

/** Feeds the sandbox one fault at a time, as the traffic uses them up; flips the duplicate shape now and then. */
async function faultLoop(sandbox: TestSandbox, random: () => number, done: () => boolean, injected: Record<string, number>): Promise<void> {
  const nextSubmissionFault = faultCycle(SUBMISSION_FAULTS, random);
  const nextStatusFault = faultCycle(STATUS_FAULTS, random);
  let jsonAtLastFault = 0;
  let statusAtLastFault = 0;
  let shapeFlippedAt = Date.now();
  let shape: "409" | "2xx" = "409";
  const inject = async (spec: FaultSpec) => {
    await sandbox.fault(spec);
    const name = describeFault(spec);
    injected[name] = (injected[name] ?? 0) + 1;
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
    const status = log.filter((entry) => entry.path.toLowerCase() === "/mydata/status").length;
    // Roughly one submission in four and one look-up in three meets a fault.
    if (json - jsonAtLastFault >= 3) {
      jsonAtLastFault = json;
      await inject(nextSubmissionFault());
    }
    if (status - statusAtLastFault >= 2) {
      statusAtLastFault = status;
      await inject(nextStatusFault());
    }
    if (Date.now() - shapeFlippedAt > 8_000 + random() * 8_000) {
      shape = shape === "409" ? "2xx" : "409";
      shapeFlippedAt = Date.now();
      await sandbox.settings({ duplicateShape: shape });
      injected[`duplicate shape ${shape}`] = (injected[`duplicate shape ${shape}`] ?? 0) + 1;
    }
  }
}

async function movingCount(db: Db): Promise<number> {
  const row = await db.selectFrom("documents").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "in", ["queued", "sending", "unknown"]).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every document with its attempt rows and, when it needs attention, why. */
async function readDocuments(db: Db): Promise<DrillDocument[]> {
  const rows = await db.selectFrom("documents").select(["id", "draft_id", "internal_document_id", "status", "mark", "attempt_count", "last_error_json"]).execute();
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
    try {
      const error = JSON.parse(row.last_error_json ?? "null") as { kind?: string; reason?: string } | null;
      errorKind = error === null ? "" : `${error.kind ?? ""}${error.reason ? `/${error.reason}` : ""}`;
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
    const clientStats = { retries: 0 };
    let issuing = true;
    const issueStarted = performance.now();
    const pauseMs = Math.max(0, Math.round((ISSUING_SECONDS * 1000 * options.clerks) / options.documents) - 40);
    log(`  issuing through the dashboard while killing processes and injecting faults…`);
    const progress = setInterval(() => log(`    ${acknowledged.length}/${options.documents} acknowledged`), 10_000);
    const chaos = Promise.all([
      killLoop(running, random, () => !issuing, kills, log),
      faultLoop(sandbox, random, () => !issuing, injected),
    ]);
    try {
      await issueAll(server.url, session, draftIds, options.clerks, pauseMs, acknowledged, clientStats);
    } finally {
      // A last few seconds of chaos after the last acknowledgement, then calm.
      await sleep(5_000);
      issuing = false;
      clearInterval(progress);
    }
    const [powerCuts] = await chaos;
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

    const documents = await readDocuments(db);
    const provider = await sandbox.documents();
    const requests = await sandbox.requests();
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
    const verdict = checkDrill({ acknowledged, documents, provider });
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
