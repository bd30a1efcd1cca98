import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { Db, DocumentStatus } from "@/lib/db/schema";
import { createProviderClient } from "@/lib/provider/impact/client";
import type { ProviderClient } from "@/lib/provider/client-types";
import { startWorker, type Worker } from "@/lib/sending/worker";
import { openTestDb, type TestDb, type TestEngine } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox, type TestSandboxOptions } from "@/tests/support/sandbox";

export const REPO_ROOT = join(__dirname, "../../..");

/** Short windows so that every recovery path runs in well under a second. */
export const FAST_POLICY = { backoffBaseMs: 20, backoffCapMs: 150, processingPollMs: 80, lockWaitMs: 100, maxAmbiguousSends: 8 };
export const CLIENT_RESPONSE_TIMEOUT_MS = 600;

export function clientFor(sandbox: TestSandbox, responseTimeoutMs = CLIENT_RESPONSE_TIMEOUT_MS): ProviderClient {
  return createProviderClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, connectTimeoutMs: 1_000, responseTimeoutMs });
}

/**
 * An in-process worker driven by runOnce() only. `random` fixes the back-off jitter draw (full
 * jitter can draw a 0 ms delay, after which the look-up follows in the same pass).
 */
export function manualWorker(db: Db, client: ProviderClient, instanceId = "test-worker", random?: () => number): Worker {
  return startWorker({ db, client, instanceId, autoPoll: false, leaseMs: 5_000, policy: FAST_POLICY, random, onError: (error) => { throw error; } });
}

const SETTLED: DocumentStatus[] = ["accepted", "rejected", "needs_attention"];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs passes until the document settles; waits for next_attempt_at in between. */
export async function driveUntilSettled(db: Db, worker: Worker, id: string, timeoutMs = 15_000): Promise<DocumentStatus> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await worker.runOnce();
    const row = await db.selectFrom("documents").select(["status", "next_attempt_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    if (SETTLED.includes(row.status)) return row.status;
    const wait = row.next_attempt_at === null ? 20 : Date.parse(row.next_attempt_at) - Date.now();
    await sleep(Math.min(200, Math.max(5, wait)));
  }
  throw new Error(`document ${id} did not settle within ${timeoutMs} ms`);
}

/** Polls until `check` returns a value other than undefined. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function loadDocument(db: Db, id: string) {
  return db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function attemptsOf(db: Db, id: string) {
  return db.selectFrom("attempts").selectAll().where("document_id", "=", id).orderBy("seq").execute();
}

export async function eventTypes(db: Db, id: string): Promise<string[]> {
  return (await db.selectFrom("events").select("type").where("document_id", "=", id).orderBy("id").execute()).map((e) => e.type);
}

/**
 * The invariants every scenario ends with: the provider holds at most one document per credit
 * note; every document the provider accepted under one of our internal ids is accepted in our
 * database with the same MARK; every attempt has its log row.
 */
export async function assertInvariants(db: Db, sandbox: TestSandbox): Promise<void> {
  const providerDocs = await sandbox.documents();
  const perInternalId = new Map<string, number>();
  for (const doc of providerDocs) perInternalId.set(doc.internalId, (perInternalId.get(doc.internalId) ?? 0) + 1);
  for (const [internalId, count] of perInternalId) expect(count, `provider documents for ${internalId}`).toBe(1);

  const ours = await db.selectFrom("documents").select(["id", "internal_document_id", "status", "mark", "attempt_count"]).execute();
  const byInternalId = new Map(ours.map((doc) => [doc.internal_document_id, doc]));
  for (const doc of providerDocs) {
    const mine = byInternalId.get(doc.internalId);
    if (mine === undefined) continue;
    expect({ status: mine.status, mark: mine.mark }, `our record of ${doc.internalId}`).toEqual({ status: "accepted", mark: doc.mark });
  }
  const counts = await db.selectFrom("attempts").select(["document_id", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("document_id").execute();
  const rows = new Map(counts.map((c) => [c.document_id, Number(c.n)]));
  for (const doc of ours) expect(rows.get(doc.id) ?? 0, `attempt rows of ${doc.id}`).toBe(doc.attempt_count);
}

/** A worker process (scripts/worker.ts) and the JSON lines it printed. */
export interface WorkerProcess {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  waitForLine(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  kill(): Promise<void>;
}

export function spawnWorkerProcess(
  env: { databaseUrl: string; sandbox: TestSandbox; responseTimeoutMs?: number },
  args: string[] = [],
): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server", "--import", "tsx", "scripts/worker.ts",
      "--lease-ms", "1500", "--processing-poll-ms", "80", "--lock-wait-ms", "100", "--backoff-base-ms", "20", "--backoff-cap-ms", "150", "--poll-ms", "50",
      ...args,
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: env.databaseUrl,
        IMPACT_BASE_URL: env.sandbox.baseUrl,
        IMPACT_API_KEY: env.sandbox.apiKey,
        IMPACT_CONNECT_TIMEOUT_MS: "1000",
        IMPACT_RESPONSE_TIMEOUT_MS: String(env.responseTimeoutMs ?? CLIENT_RESPONSE_TIMEOUT_MS),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: Record<string, unknown>[] = [];
  let buffer = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let newline;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ event: "text", text: line });
      }
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    lines,
    async waitForLine(predicate, timeoutMs = 20_000) {
      return waitFor(async () => {
        if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${stderr}\n${JSON.stringify(lines)}`);
        return lines.find(predicate);
      }, timeoutMs, "a worker output line");
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/**
 * The start-up every sending test file shares: registers beforeAll/afterAll/beforeEach hooks that
 * open a migrated throw-away database of `engine` and a sandbox child process, reset the sandbox
 * and draw a fresh series before each test. Read the fields inside tests and hooks only.
 */
export function useSendingEnvironment(engine: TestEngine, sandboxOptions: TestSandboxOptions = {}, seriesPrefix = "S"): { t: TestDb; sandbox: TestSandbox; series: string } {
  const env = {} as { t: TestDb; sandbox: TestSandbox; series: string };
  beforeAll(async () => {
    [env.t, env.sandbox] = await Promise.all([openTestDb(engine), startTestSandbox(sandboxOptions)]);
  });
  afterAll(async () => {
    await Promise.all([env.t?.cleanup(), env.sandbox?.stop()]);
  });
  beforeEach(async () => {
    await env.sandbox.reset();
    env.series = `${seriesPrefix}${randomUUID().slice(0, 6).toUpperCase()}`;
  });
  return env;
}

/** How many documents of the database have `status`. */
export async function countStatus(db: Db, status: DocumentStatus): Promise<number> {
  const row = await db.selectFrom("documents").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", status).executeTakeFirstOrThrow();
  return Number(row.n);
}
