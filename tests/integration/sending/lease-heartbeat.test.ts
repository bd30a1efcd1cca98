import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueCreditNote } from "@/lib/sending/issue";
import { startWorker, type Worker } from "@/lib/sending/worker";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";
import { assertInvariants, attemptsOf, clientFor, FAST_POLICY, loadDocument, spawnWorkerProcess, waitFor, type WorkerProcess } from "@/tests/integration/sending/harness";

/**
 * Short leases renewed by a heartbeat: a send slower than the lease keeps its claim, and a crashed
 * worker's document is taken over (by the identical re-POST) about one lease after the crash.
 */
describe.each(testEngines())("short leases with a heartbeat, on %s", (engine) => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let series: string;
  const workers: Worker[] = [];
  const processes: WorkerProcess[] = [];

  const sendsOf = async (internalId: string) =>
    (await sandbox.requests()).filter((r) => r.path.toLowerCase() === "/invoice/json" && r.internalId === internalId);

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([openTestDb(engine), startTestSandbox({ processingWindowMs: 400 })]);
  });
  afterAll(async () => {
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });
  beforeEach(async () => {
    await sandbox.reset();
    series = `L${randomUUID().slice(0, 6).toUpperCase()}`;
  });
  afterEach(async () => {
    await Promise.all([...workers.splice(0).map((w) => w.stop()), ...processes.splice(0).map((p) => p.kill())]);
    await assertInvariants(t.db, sandbox);
  });

  it("a send three times longer than the 1 s lease keeps its claim: the other worker never sends it meanwhile", async () => {
    await sandbox.fault({ mode: "delay", ms: 3_000, times: 1, paths: ["json"] });
    const issued = await issueCreditNote(t.db, sampleIssueRequest({ series }));
    for (const instanceId of ["slow", "eager"]) {
      workers.push(startWorker({ db: t.db, client: clientFor(sandbox, 10_000), instanceId, pollMs: 50, leaseMs: 1_000, policy: FAST_POLICY, onError: () => undefined }));
    }
    await waitFor(async () => ((await loadDocument(t.db, issued.id)).status === "accepted" ? true : undefined), 20_000, "accepted");
    expect(await sendsOf(issued.internalDocumentId)).toHaveLength(1);
    const doc = await loadDocument(t.db, issued.id);
    expect(doc.attempt_count).toBe(1);
    expect((await attemptsOf(t.db, issued.id)).map((a) => a.outcome)).toEqual(["accepted"]);
  });

  it("a worker killed mid-send with a 10 s lease: its document is re-POSTed after the lease and accepted within ~12 s of the crash, once at the provider", async () => {
    await sandbox.fault({ mode: "accept_then_hang", paths: ["json"] });
    const first = spawnWorkerProcess({ databaseUrl: t.url, sandbox, responseTimeoutMs: 60_000 }, ["--instance-id", "first", "--lease-ms", "10000"]);
    processes.push(first);
    await first.waitForLine((line) => line.event === "ready");
    const issued = await issueCreditNote(t.db, sampleIssueRequest({ series }));
    const stored = await waitFor(async () => (await sandbox.documents()).find((d) => d.internalId === issued.internalDocumentId), 20_000, "the provider to store it");
    // The heartbeat keeps the lease alive while the call hangs.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = await loadDocument(t.db, issued.id);
    expect(before.status).toBe("sending");
    await first.kill();
    const killedAt = Date.now();
    const leaseUntil = Date.parse((await loadDocument(t.db, issued.id)).lease_until ?? "");
    expect(leaseUntil - killedAt).toBeLessThanOrEqual(10_500);

    const second = spawnWorkerProcess({ databaseUrl: t.url, sandbox }, ["--instance-id", "second", "--lease-ms", "10000"]);
    processes.push(second);
    await waitFor(async () => ((await loadDocument(t.db, issued.id)).status === "accepted" ? true : undefined), 20_000, "accepted");
    const acceptedAfterMs = Date.now() - killedAt;
    expect(acceptedAfterMs).toBeLessThan(12_500);
    const doc = await loadDocument(t.db, issued.id);
    expect(doc.mark).toBe(stored.mark);
    const sends = await sendsOf(issued.internalDocumentId);
    expect(sends).toHaveLength(2);
    expect(Date.parse(sends[1]?.at ?? "")).toBeGreaterThanOrEqual(leaseUntil);
    expect((await attemptsOf(t.db, issued.id)).map((a) => a.outcome)).toEqual(["interrupted", "duplicate"]);
  }, 60_000);
});
