import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueCreditNote } from "@/lib/sending/issue";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";
import { assertInvariants, attemptsOf, loadDocument, sleep, spawnWorkerProcess, waitFor, type WorkerProcess } from "@/tests/integration/sending/harness";

describe.each(testEngines())("worker process killed with SIGKILL, on %s", (engine) => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let series: string;
  const workers: WorkerProcess[] = [];

  const spawnWorker = (args: string[], responseTimeoutMs?: number) => {
    const worker = spawnWorkerProcess({ databaseUrl: t.url, sandbox, ...(responseTimeoutMs === undefined ? {} : { responseTimeoutMs }) }, args);
    workers.push(worker);
    return worker;
  };
  const statusOf = async (id: string) => (await loadDocument(t.db, id)).status;
  const untilAccepted = (id: string) => waitFor(async () => ((await statusOf(id)) === "accepted" ? true : undefined), 20_000, "accepted");
  const sendsOf = async (internalId: string) =>
    (await sandbox.requests()).filter((r) => r.path.toLowerCase() === "/invoice/json" && r.internalId === internalId);
  /** Requests that registered the document (any others were answered as its duplicate or "already being transmitted"). */
  const registrationsOf = async (internalId: string) =>
    (await sendsOf(internalId)).filter((r) => r.outcome === "accepted" || r.outcome.startsWith("fault:")).length;

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([openTestDb(engine), startTestSandbox({ processingWindowMs: 400 })]);
  });
  afterAll(async () => {
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });
  beforeEach(async () => {
    await sandbox.reset();
    series = `K${randomUUID().slice(0, 6).toUpperCase()}`;
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.kill()));
    await assertInvariants(t.db, sandbox);
  });

  it("F10 killed right after the outbox commit, before sending → restarted worker sends it once → accepted with MARK", async () => {
    const first = spawnWorker(["--poll-ms", "60000", "--instance-id", "first"]);
    await first.waitForLine((line) => line.event === "pass");
    const issued = await issueCreditNote(t.db, sampleIssueRequest({ series }));
    await first.kill();
    expect(await statusOf(issued.id)).toBe("queued");
    expect(await sendsOf(issued.internalDocumentId)).toHaveLength(0);

    spawnWorker(["--instance-id", "second"]);
    await untilAccepted(issued.id);
    const doc = await loadDocument(t.db, issued.id);
    expect(doc.attempt_count).toBe(1);
    expect(await sendsOf(issued.internalDocumentId)).toHaveLength(1);
    expect((await sandbox.documents()).find((d) => d.internalId === issued.internalDocumentId)?.mark).toBe(doc.mark);
  });

  it("F10b a worker that claimed the document died before its attempt → nobody sends until the lease runs out, then once", async () => {
    const issued = await issueCreditNote(t.db, sampleIssueRequest({ series }));
    const leaseUntil = new Date(Date.now() + 1_500).toISOString();
    await t.db.updateTable("documents").set({ lease_owner: "dead-worker", lease_until: leaseUntil }).where("id", "=", issued.id).execute();
    spawnWorker(["--instance-id", "survivor"]);
    await untilAccepted(issued.id);
    const sends = await sendsOf(issued.internalDocumentId);
    expect(sends).toHaveLength(1);
    expect(Date.parse(sends[0]?.at ?? "")).toBeGreaterThanOrEqual(Date.parse(leaseUntil));
  });

  it("F11 killed right after the provider accepted (the answer never came) → restart → identical re-POST → its 409 → accepted with that MARK, one document", async () => {
    await sandbox.fault({ mode: "accept_then_hang", paths: ["json"] });
    const first = spawnWorker(["--instance-id", "first"], 30_000);
    await first.waitForLine((line) => line.event === "ready");
    const issued = await issueCreditNote(t.db, sampleIssueRequest({ series }));
    const stored = await waitFor(
      async () => (await sandbox.documents()).find((d) => d.internalId === issued.internalDocumentId),
      20_000,
      "the provider to store the document",
    );
    await first.kill();
    const crashed = await loadDocument(t.db, issued.id);
    expect(crashed).toMatchObject({ status: "sending", attempt_count: 1, mark: null });
    expect((await attemptsOf(t.db, issued.id))[0]).toMatchObject({ finished_at: null, outcome: null });

    spawnWorker(["--instance-id", "second"]);
    await untilAccepted(issued.id);
    const doc = await loadDocument(t.db, issued.id);
    expect(doc.mark).toBe(stored.mark);
    const attempts = await attemptsOf(t.db, issued.id);
    expect([attempts[0]?.outcome, attempts.at(-1)?.outcome]).toEqual(["interrupted", "duplicate"]);
    expect(new Set(attempts.map((a) => a.request_sha256)).size).toBe(1);
    expect(await registrationsOf(issued.internalDocumentId)).toBe(1);
  });

  it("three worker processes on one database send each of 12 documents exactly once", async () => {
    await sandbox.fault({ mode: "delay", ms: 100, times: 50, paths: ["json"] });
    const issued = [];
    for (let i = 0; i < 12; i += 1) issued.push(await issueCreditNote(t.db, sampleIssueRequest({ series })));
    for (const id of ["a", "b", "c"]) spawnWorker(["--instance-id", id, "--poll-ms", "20"]);
    for (const doc of issued) await untilAccepted(doc.id);
    await sleep(200);
    // A worker slowed past its 1.5 s lease may see its document re-POSTed by another: the provider
    // then answers with the stored document, so each is registered exactly once.
    for (const doc of issued) expect(await registrationsOf(doc.internalDocumentId)).toBe(1);
  });
});
