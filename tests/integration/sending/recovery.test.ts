import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { editableDraftOf } from "@/lib/domain/editable-draft";
import type { ProviderClient } from "@/lib/provider/client-types";
import { refreshDocument, retryDocument } from "@/lib/sending/actions";
import { creditExistingDocument } from "@/lib/sending/credit-existing";
import { ActionNotAllowedError } from "@/lib/sending/errors";
import { issueCreditNote } from "@/lib/sending/issue";
import { insertOutboxDocument, sha256Hex } from "@/lib/sending/outbox";
import { getTransmission } from "@/lib/history/transmission-views";
import { startWorker, type Worker } from "@/lib/sending/worker";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { sampleCreditNoteInput, sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";
import { assertInvariants, attemptsOf, clientFor, driveUntilSettled, eventTypes, FAST_POLICY, loadDocument, manualWorker, sleep, waitFor } from "@/tests/integration/sending/harness";

describe.each(testEngines())("sending over HTTP to the sandbox, on %s", (engine) => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let client: ProviderClient;
  let worker: Worker;
  let series: string;

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([openTestDb(engine), startTestSandbox({ processingWindowMs: 400 })]);
    client = clientFor(sandbox);
    worker = manualWorker(t.db, client);
  });
  afterAll(async () => {
    await worker.stop();
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });
  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.settings({ processingWindowMs: 400 });
    series = `S${randomUUID().slice(0, 6).toUpperCase()}`;
  });
  afterEach(async () => {
    await assertInvariants(t.db, sandbox);
  });

  async function issue() {
    return issueCreditNote(t.db, sampleIssueRequest({ series }), { actor: "clerk@example.test" });
  }

  async function providerDoc(internalId: string) {
    return (await sandbox.documents()).filter((doc) => doc.internalId === internalId);
  }

  it("F1 happy path: queued → accepted with MARK, UID, auth code, URL; the stored bytes are what was sent", async () => {
    const issued = await issue();
    expect(issued).toMatchObject({ status: "queued", created: true, number: "1" });
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const doc = await loadDocument(t.db, issued.id);
    const [stored] = await providerDoc(issued.internalDocumentId);
    expect(stored).toMatchObject({ mark: doc.mark, series, number: "1", totals: { net: 6.44, vat: 1.55, gross: 7.99 } });
    expect(doc.uid).toBeTruthy();
    expect(doc.authentication_code).toBeTruthy();
    expect(doc.url).toMatch(/^http/);
    const attempts = await attemptsOf(t.db, issued.id);
    expect(attempts).toMatchObject([{ seq: 1, http_status: 201, outcome: "accepted", request_sha256: sha256Hex(doc.payload_json) }]);
    expect(attempts[0]?.response_body).not.toContain(sandbox.apiKey);
    expect(await eventTypes(t.db, issued.id)).toEqual(["queued", "attempt_started", "attempt_finished", "accepted"]);
  });

  it("F2 accepted, then the connection hung → unknown → the identical re-POST brings back its stored answer → accepted with its MARK, one document", async () => {
    await sandbox.fault({ mode: "accept_then_hang", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const doc = await loadDocument(t.db, issued.id);
    const attempts = await attemptsOf(t.db, issued.id);
    expect(attempts[0]).toMatchObject({ outcome: "ambiguous", http_status: null });
    expect(attempts.at(-1)).toMatchObject({ outcome: "duplicate" });
    expect(new Set(attempts.map((a) => a.request_sha256)).size).toBe(1);
    expect(doc.mark).toBe((await providerDoc(issued.internalDocumentId))[0]?.mark);
    expect(doc.qr_url).toMatch(/^http/);
    expect(await providerDoc(issued.internalDocumentId)).toHaveLength(1);
  });

  it("F3 response timeout while the provider is still working (delay > client timeout) → re-POSTs wait out its lock, one document", async () => {
    await sandbox.settings({ processingWindowMs: 1_500 });
    await sandbox.fault({ mode: "delay", ms: 1_000, paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const outcomes = (await attemptsOf(t.db, issued.id)).map((a) => a.outcome);
    expect(outcomes[0]).toBe("ambiguous");
    // While the provider still works on the first call, a re-POST is answered "already being transmitted".
    expect(outcomes).toContain("locked");
    expect(outcomes.at(-1)).toBe("duplicate");
    expect(await providerDoc(issued.internalDocumentId)).toHaveLength(1);
  });

  it("F3b 408 before accepting → the identical bytes are resent → accepted", async () => {
    await sandbox.fault({ mode: "timeout_408", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const attempts = await attemptsOf(t.db, issued.id);
    expect(attempts.map((a) => [a.http_status, a.outcome])).toEqual([[408, "unavailable"], [201, "accepted"]]);
    expect(new Set(attempts.map((a) => a.request_sha256)).size).toBe(1);
  });

  it("F4a connection reset before storing → resend → accepted", async () => {
    await sandbox.fault({ mode: "reset_before_store", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    expect((await attemptsOf(t.db, issued.id)).map((a) => a.outcome)).toEqual(["ambiguous", "accepted"]);
  });

  it("F4b connection reset after storing → the re-POST's 409 carries it → accepted, one document", async () => {
    await sandbox.fault({ mode: "reset_after_store", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const outcomes = (await attemptsOf(t.db, issued.id)).map((a) => a.outcome);
    expect([outcomes[0], outcomes.at(-1)]).toEqual(["ambiguous", "duplicate"]);
    expect(await providerDoc(issued.internalDocumentId)).toHaveLength(1);
  });

  it("F5 500 then OK → resent once → accepted", async () => {
    await sandbox.fault({ mode: "error500", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    expect((await attemptsOf(t.db, issued.id)).map((a) => [a.http_status, a.outcome])).toEqual([[500, "unavailable"], [201, "accepted"]]);
  });

  it("F5b 500 although stored → the re-POST's 409 carries it → accepted, no second document", async () => {
    await sandbox.fault({ mode: "error500_after_store", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    expect((await attemptsOf(t.db, issued.id)).map((a) => a.http_status)).toEqual([500, 409]);
    expect(await providerDoc(issued.internalDocumentId)).toHaveLength(1);
  });

  it("F6 unreadable 2xx after storing → re-POST → its 409 → accepted", async () => {
    await sandbox.fault({ mode: "malformed_2xx", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    expect((await attemptsOf(t.db, issued.id)).map((a) => a.outcome)).toEqual(["ambiguous", "duplicate"]);
  });

  it.each(["409", "2xx"] as const)("F7 duplicate on first sight (%s shape): same document already at the provider → confirmed → accepted with its MARK", async (shape) => {
    await sandbox.settings({ duplicateShape: shape });
    const issued = await issue();
    const { payload_json } = await loadDocument(t.db, issued.id);
    const direct = await client.sendDocument(payload_json);
    expect(direct.kind).toBe("accepted");
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const doc = await loadDocument(t.db, issued.id);
    expect(doc.mark).toBe(direct.kind === "accepted" ? direct.mark : "");
    expect((await attemptsOf(t.db, issued.id)).map((a) => a.outcome)).toEqual(["duplicate"]);
  });

  it("F7b duplicate that is not ours (another document under our series/number) → needs_attention", async () => {
    const request = sampleIssueRequest({ series, number: "42", issuedAt: "2025-03-24T10:00:00" });
    const issued = await issueCreditNote(t.db, request);
    const foreign = buildProviderDocument(request.input, { internalDocumentId: randomUUID(), series, number: "42", issuedAt: "2025-03-24T10:00:00" });
    expect((await client.sendDocument(JSON.stringify(foreign))).kind).toBe("accepted");
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("needs_attention");
    const detail = await getTransmission(t.db, issued.id);
    expect(detail?.mark).toBeNull();
    expect(detail?.lastError?.kind).toBe("mismatch");
    expect(detail?.lastError?.message).toContain(foreign.DistributionDetails.InternalDocumentId);
    expect(detail?.attempts.map((a) => a.outcome)).toEqual(["duplicate"]);
  });

  it("F8 400 rejection: errors kept, never retried automatically", async () => {
    const request = sampleIssueRequest({ series, number: "7", issuedAt: "2025-03-24T10:00:00" });
    const document = buildProviderDocument(request.input, { internalDocumentId: randomUUID(), series, number: "7", issuedAt: "2025-03-24T10:00:00" });
    const broken = { ...document, CounterParty: { ...document.CounterParty, Vat: "EL1234567", Address: { ...document.CounterParty.Address, CountryCode: "GR" } } };
    const issued = await t.db.transaction().execute((trx) =>
      insertOutboxDocument(trx, {
        kind: "compose", internalDocumentId: document.DistributionDetails.InternalDocumentId, draftId: null, issuerVat: sandbox.vat, series, number: "7",
        issuedAt: "2025-03-24T10:00:00", counterpartyName: "BROKEN", counterpartyVat: "EL1234567", totals: null, payloadJson: JSON.stringify(broken),
        draftJson: JSON.stringify(editableDraftOf(request.input, { series, number: "7", issuedAt: "2025-03-24T10:00:00" })),
      }, {}, new Date()),
    );
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("rejected");
    for (let pass = 0; pass < 3; pass += 1) await worker.runOnce();
    const detail = await getTransmission(t.db, issued.id);
    expect(detail?.status).toBe("rejected");
    expect(detail?.attempts.map((a) => a.httpStatus)).toEqual([400]);
    expect(detail?.lastError).toMatchObject({ kind: "rejected", httpStatus: 400 });
    expect(detail?.lastError?.errors.length).toBeGreaterThan(0);
    expect(detail?.nextAttemptAt).toBeNull();
  });

  it("credits an accepted document through /Invoice/credit, same outbox", async () => {
    const issued = await issue();
    await driveUntilSettled(t.db, worker, issued.id);
    const original = await loadDocument(t.db, issued.id);
    const credit = await creditExistingDocument(
      t.db,
      { authenticationCode: original.authentication_code ?? "", mark: original.mark ?? "", relateCredit: false, series, issuerVat: sandbox.vat },
      { idempotencyKey: randomUUID() },
    );
    expect(credit.number).toBe("2");
    expect(await driveUntilSettled(t.db, worker, credit.id)).toBe("accepted");
    const doc = await loadDocument(t.db, credit.id);
    expect(doc).toMatchObject({ kind: "credit_existing", counterparty_name: original.counterparty_name });
    expect((await providerDoc(credit.internalDocumentId))[0]?.mark).toBe(doc.mark);
  });

  it("two worker instances over one database never register a document twice", async () => {
    await sandbox.fault({ mode: "delay", ms: 150, times: 20, paths: ["json"] });
    const other = manualWorker(t.db, client, "test-worker-2");
    try {
      const issued = await Promise.all(Array.from({ length: 8 }, () => issueCreditNote(t.db, sampleIssueRequest({ series, input: sampleCreditNoteInput() }))));
      await Promise.all([worker.runOnce(), other.runOnce(), worker.runOnce(), other.runOnce()]);
      for (const doc of issued) expect(await driveUntilSettled(t.db, worker, doc.id)).toBe("accepted");
      const requests = (await sandbox.requests()).filter((r) => r.path.toLowerCase() === "/invoice/json");
      const ids = new Set(issued.map((doc) => doc.internalDocumentId));
      // Two workers never claim one document at once. A call slower than the client's timeout is
      // re-POSTed, identical, and comes back as its duplicate: each is registered exactly once.
      const perDoc = new Map<string, number>();
      for (const r of requests) {
        if (r.internalId === undefined || !ids.has(r.internalId) || (r.outcome !== "accepted" && !r.outcome.startsWith("fault:"))) continue;
        perDoc.set(r.internalId, (perDoc.get(r.internalId) ?? 0) + 1);
      }
      expect([...perDoc.values()]).toEqual(Array.from({ length: 8 }, () => 1));
      const workersSeen = await t.db.selectFrom("attempts").select(["document_id", "worker_id", "started_at"]).where("document_id", "in", issued.map((doc) => doc.id)).orderBy("started_at").execute();
      expect(workersSeen.length).toBeGreaterThanOrEqual(8);
    } finally {
      await other.stop();
    }
  });

  it("refresh: a document given up on while the provider had it is settled by a look-up", async () => {
    const issued = await issue();
    const { payload_json } = await loadDocument(t.db, issued.id);
    const direct = await client.sendDocument(payload_json);
    await t.db.updateTable("documents").set({ status: "needs_attention", next_action: null, next_attempt_at: null }).where("id", "=", issued.id).execute();
    const refreshed = await refreshDocument(t.db, client, issued.id, { actor: "clerk" });
    expect(refreshed).toEqual({ id: issued.id, status: "accepted", changed: true });
    expect((await loadDocument(t.db, issued.id)).mark).toBe(direct.kind === "accepted" ? direct.mark : "");
    expect((await eventTypes(t.db, issued.id)).slice(-2)).toEqual(["lookup", "accepted"]);
    expect(await refreshDocument(t.db, client, issued.id)).toMatchObject({ status: "accepted" });
  });

  it("refresh of a document the provider does not know only adds a timeline entry", async () => {
    const issued = await issue();
    expect(await refreshDocument(t.db, client, issued.id)).toEqual({ id: issued.id, status: "queued", changed: false });
    expect(await eventTypes(t.db, issued.id)).toEqual(["queued", "lookup"]);
    await driveUntilSettled(t.db, worker, issued.id);
  });

  it("retry is refused while queued or settled, and from needs_attention looks up, resends the same bytes, and is accepted", async () => {
    const issued = await issue();
    await expect(retryDocument(t.db, issued.id, "clerk")).rejects.toBeInstanceOf(ActionNotAllowedError);
    await sandbox.fault({ mode: "timeout_408", times: 2, paths: ["json"] });
    await worker.runOnce();
    await t.db.updateTable("documents").set({ status: "needs_attention", next_action: null, next_attempt_at: null }).where("id", "=", issued.id).execute();
    await expect(driveUntilSettled(t.db, worker, issued.id, 300)).resolves.toBe("needs_attention");
    expect(await retryDocument(t.db, issued.id, "clerk")).toEqual({ id: issued.id, status: "unknown", changed: true });
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const attempts = await attemptsOf(t.db, issued.id);
    expect(attempts.map((a) => a.http_status)).toEqual([408, 408, 201]);
    expect(new Set(attempts.map((a) => a.request_sha256)).size).toBe(1);
    expect(await eventTypes(t.db, issued.id)).toContain("retry_requested");
    await expect(retryDocument(t.db, issued.id, "clerk")).rejects.toThrow(/not allowed in state accepted/);
  });

  it("a polling worker sends on its own, wakes on demand, and stops cleanly", async () => {
    let passes = 0;
    const polling = startWorker({ db: t.db, client, instanceId: "poller", pollMs: 10_000, leaseMs: 5_000, policy: FAST_POLICY, onPass: () => (passes += 1) });
    try {
      await waitFor(async () => (passes >= 1 ? true : undefined), 5_000, "the first pass");
      const issued = await issue();
      polling.wake();
      await waitFor(async () => ((await loadDocument(t.db, issued.id)).status === "accepted" ? true : undefined), 5_000, "accepted");
    } finally {
      await polling.stop();
    }
    const after = passes;
    polling.wake();
    await sleep(100);
    expect(passes).toBe(after);
  });

  it("wakes that arrive during a pass are folded into one pass after it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let sendStarted!: () => void;
    const started = new Promise<void>((resolve) => (sendStarted = resolve));
    const gated: ProviderClient = {
      ...client,
      async sendDocument(document, options) {
        sendStarted();
        await gate;
        return client.sendDocument(document, options);
      },
    };
    let passes = 0;
    const issued = await issue();
    const polling = startWorker({ db: t.db, client: gated, instanceId: "coalescing", pollMs: 10_000, leaseMs: 5_000, policy: FAST_POLICY, onPass: () => (passes += 1) });
    try {
      await started;
      // Twenty wakes, each on its own timer turn, while the pass is held inside the provider call.
      for (let i = 0; i < 20; i += 1) {
        polling.wake();
        await sleep(5);
      }
      release();
      await waitFor(async () => ((await loadDocument(t.db, issued.id)).status === "accepted" ? true : undefined), 5_000, "accepted");
      await sleep(300);
      // The held pass, and one pass for all the wakes; the next is the 10 s poll.
      expect(passes).toBe(2);
    } finally {
      release();
      await polling.stop();
    }
  });

  it("a full batch is followed at once by the next pass, not by the poll interval", async () => {
    const issued: string[] = [];
    for (let i = 0; i < 7; i += 1) issued.push((await issue()).id);
    const polling = startWorker({ db: t.db, client, instanceId: "backlog", batchSize: 2, pollMs: 10_000, leaseMs: 5_000, policy: FAST_POLICY });
    try {
      // Four batches of two; with a pause of the poll interval between batches this would take 30 s.
      await waitFor(async () => {
        const rows = await t.db.selectFrom("documents").select("status").where("id", "in", issued).execute();
        return rows.every((row) => row.status === "accepted") ? true : undefined;
      }, 5_000, "all seven accepted");
    } finally {
      await polling.stop();
    }
  });
});
