import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProviderClient } from "@/lib/provider/impact/client";
import { loadProviderAvailability } from "@/lib/sending/circuit";
import { issueCreditNote } from "@/lib/sending/issue";
import { DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";
import { startWorker, type Worker } from "@/lib/sending/worker";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";
import {
  assertInvariants, attemptsOf, countStatus, loadDocument, sleep, spawnWorkerProcess, useSendingEnvironment, waitFor, type WorkerProcess,
} from "@/tests/integration/sending/harness";

/**
 * Riding out the provider's outages and a worker's crash, end to end: a real sandbox process
 * (SIGKILLed and started again), real databases, the default sending policy unless a test says
 * why not.
 */

const OUTAGE_MS = 3 * 60_000;
const BEFORE = 12;
const DURING = 12;

/**
 * The provider down for 3 minutes during a burst. One outage strikes every engine at once (one
 * sandbox, a database and a worker per engine), so that the real length is paid once.
 */
describe(`the provider down for ${OUTAGE_MS / 60_000} minutes during a burst, on ${testEngines().join(" and ")} at once`, () => {
  let sandbox: TestSandbox;
  const lanes: { engine: string; t: TestDb; worker?: Worker; series: string }[] = [];

  beforeAll(async () => {
    const [started, ...dbs] = await Promise.all([startTestSandbox({ processingWindowMs: 200 }), ...testEngines().map((engine) => openTestDb(engine))]);
    sandbox = started;
    for (const t of dbs) lanes.push({ engine: t.engine, t, series: `W${randomUUID().slice(0, 6).toUpperCase()}` });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(lanes.map((lane) => lane.worker?.stop()));
    for (const lane of lanes) await assertInvariants(lane.t.db, sandbox);
    await Promise.all([sandbox.stop(), ...lanes.map((lane) => lane.t.cleanup())]);
  });

  it("every note is accepted after it returns, none in needs_attention, the first within 10 s of its return", async () => {
    const client = createProviderClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, connectTimeoutMs: 1_000, responseTimeoutMs: 5_000 });
    const issue = (lane: (typeof lanes)[number]) => issueCreditNote(lane.t.db, sampleIssueRequest({ series: lane.series }));
    for (const lane of lanes) {
      for (let i = 0; i < BEFORE; i += 1) await issue(lane);
      lane.worker = startWorker({ db: lane.t.db, client, instanceId: `outage-${lane.engine}`, pollMs: 200, policy: DEFAULT_SENDING_POLICY, onError: () => undefined });
    }
    await waitFor(async () => ((await Promise.all(lanes.map((lane) => countStatus(lane.t.db, "accepted")))).every((n) => n >= 3) ? true : undefined), 30_000, "the first acceptances");

    await sandbox.down();
    const downAt = Date.now();
    const acceptedBefore = await Promise.all(lanes.map((lane) => countStatus(lane.t.db, "accepted")));
    // The burst goes on while the provider is away.
    for (let i = 0; i < DURING; i += 1) {
      for (const lane of lanes) await issue(lane);
      await sleep(1_000);
    }
    // Each worker's circuit opens, and the dashboard reads it from the database.
    for (const lane of lanes) {
      const seen = await waitFor(async () => {
        const availability = await loadProviderAvailability(lane.t.db, new Date());
        return availability.providerUnreachableSince === null ? undefined : availability;
      }, 20_000, `the circuit to open on ${lane.engine}`);
      expect(seen.providerUnreachableSince?.getTime()).toBeGreaterThanOrEqual(downAt - 1_000);
      expect(seen.waiting).toBeGreaterThan(0);
    }
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
    for (const lane of lanes) {
      expect(await countStatus(lane.t.db, "needs_attention"), `needs_attention on ${lane.engine} during the outage`).toBe(0);
      expect((await loadProviderAvailability(lane.t.db, new Date())).providerUnreachableSince, `still unreachable after ${OUTAGE_MS} ms on ${lane.engine}`).not.toBeNull();
    }

    await sandbox.up();
    const upAt = Date.now();
    await Promise.all(lanes.map(async (lane, i) => {
      await waitFor(async () => ((await countStatus(lane.t.db, "accepted")) > (acceptedBefore[i] ?? 0) ? true : undefined), 10_000, `an acceptance on ${lane.engine} within 10 s of the return`);
      expect(Date.now() - upAt, `first acceptance after the return on ${lane.engine}`).toBeLessThan(10_000);
    }));
    await Promise.all(lanes.map((lane) =>
      waitFor(async () => ((await countStatus(lane.t.db, "accepted")) === BEFORE + DURING ? true : undefined), 60_000, `every note accepted on ${lane.engine}`)));
    for (const lane of lanes) {
      expect(await countStatus(lane.t.db, "needs_attention")).toBe(0);
      expect((await loadProviderAvailability(lane.t.db, new Date())).providerUnreachableSince).toBeNull();
    }
  }, OUTAGE_MS + 150_000);
});

describe.each(testEngines())("the provider's lock and a worker's crash, on %s", (engine) => {
  const env = useSendingEnvironment(engine, { processingWindowMs: 400 }, "R");
  const workers: Worker[] = [];
  const processes: WorkerProcess[] = [];
  afterEach(async () => {
    await Promise.all([...workers.splice(0).map((worker) => worker.stop()), ...processes.splice(0).map((p) => p.kill())]);
    await assertInvariants(env.t.db, env.sandbox);
  });
  const sendsOf = async (internalId: string) =>
    (await env.sandbox.requests()).filter((entry) => entry.path.toLowerCase() === "/invoice/json" && entry.internalId === internalId);
  const atProvider = async (internalId: string) => (await env.sandbox.documents()).filter((doc) => doc.internalId === internalId);

  it("500 \"Please resend.\" then the number's lock (2 minutes on UAT, 2 s here) → accepted exactly once, the lock's answers never use up attempts", async () => {
    await env.sandbox.settings({ resendLockMs: 2_000 });
    await env.sandbox.fault({ mode: "FAKE_ELISE_SAVE_DOCUMENT_ERROR", paths: ["json"] });
    const issued = await issueCreditNote(env.t.db, sampleIssueRequest({ series: env.series }));
    // Two ambiguous sends allowed: the 500 uses one; the lock's 408s (several, at a 250 ms lock wait) must use none.
    const client = createProviderClient({ baseUrl: env.sandbox.baseUrl, apiKey: env.sandbox.apiKey, connectTimeoutMs: 1_000, responseTimeoutMs: 5_000 });
    workers.push(startWorker({
      db: env.t.db, client, instanceId: "lock", pollMs: 50,
      policy: { ...DEFAULT_SENDING_POLICY, lockWaitMs: 250, maxAmbiguousSends: 2 }, onError: () => undefined,
    }));
    await waitFor(async () => {
      const { status } = await loadDocument(env.t.db, issued.id);
      return status === "accepted" || status === "needs_attention" || status === "rejected" ? status : undefined;
    }, 20_000, "settled").then((status) => expect(status).toBe("accepted"));
    const answers = (await attemptsOf(env.t.db, issued.id)).map((attempt) => `${attempt.http_status} ${attempt.outcome}`);
    expect(answers[0]).toBe("500 unavailable");
    expect(answers.filter((answer) => answer === "408 locked").length).toBeGreaterThanOrEqual(2);
    expect(answers.at(-1)).toBe("201 accepted");
    expect(await atProvider(issued.internalDocumentId)).toHaveLength(1);
    expect((await sendsOf(issued.internalDocumentId)).filter((entry) => entry.outcome === "accepted")).toHaveLength(1);
    expect((await loadDocument(env.t.db, issued.id)).mark).toBe((await atProvider(issued.internalDocumentId))[0]?.mark);
  });

  it("a worker SIGKILLed mid-send (the provider registered the note, the answer never came) → reconciled by another worker within ~10 s, one document", async () => {
    await env.sandbox.fault({ mode: "accept_then_hang", paths: ["json"] });
    const issued = await issueCreditNote(env.t.db, sampleIssueRequest({ series: env.series }));
    // The default 10 s lease; a response timeout longer than the test, so the send is truly in flight when the worker dies.
    const first = spawnWorkerProcess({ databaseUrl: env.t.url, sandbox: env.sandbox, responseTimeoutMs: 120_000 }, ["--lease-ms", "10000", "--instance-id", "doomed"]);
    processes.push(first);
    await waitFor(async () => ((await sendsOf(issued.internalDocumentId)).length === 1 ? true : undefined), 20_000, "the send in flight");
    expect((await loadDocument(env.t.db, issued.id)).status).toBe("sending");
    await first.kill();
    const killedAt = Date.now();
    processes.push(spawnWorkerProcess({ databaseUrl: env.t.url, sandbox: env.sandbox }, ["--lease-ms", "10000", "--instance-id", "heir"]));
    await waitFor(async () => ((await loadDocument(env.t.db, issued.id)).status === "accepted" ? true : undefined), 30_000, "accepted by the heir");
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    expect(await atProvider(issued.internalDocumentId)).toHaveLength(1);
    expect((await loadDocument(env.t.db, issued.id)).mark).toBe((await atProvider(issued.internalDocumentId))[0]?.mark);
  });

  it("a worker SIGKILLed mid-send before the provider registered anything → resent by another worker within ~10 s, one document", async () => {
    // The first send is held 60 s before the provider would register it; the worker dies meanwhile.
    await env.sandbox.fault({ mode: "delay", ms: 60_000, paths: ["json"] });
    const issued = await issueCreditNote(env.t.db, sampleIssueRequest({ series: env.series }));
    const first = spawnWorkerProcess({ databaseUrl: env.t.url, sandbox: env.sandbox, responseTimeoutMs: 120_000 }, ["--lease-ms", "10000", "--instance-id", "doomed"]);
    processes.push(first);
    await waitFor(async () => ((await sendsOf(issued.internalDocumentId)).length === 1 ? true : undefined), 20_000, "the send in flight");
    await first.kill();
    const killedAt = Date.now();
    processes.push(spawnWorkerProcess({ databaseUrl: env.t.url, sandbox: env.sandbox }, ["--lease-ms", "10000", "--instance-id", "heir"]));
    await waitFor(async () => ((await loadDocument(env.t.db, issued.id)).status === "accepted" ? true : undefined), 30_000, "accepted by the heir");
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    expect(await atProvider(issued.internalDocumentId)).toHaveLength(1);
  });
});
