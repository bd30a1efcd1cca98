import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadDetail } from "@/lib/history/detail";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { createProviderClient } from "@/lib/provider/impact/client";
import type { ProviderClient } from "@/lib/provider/client-types";
import { creditExistingDocument } from "@/lib/sending/credit-existing";
import { issueCreditNote } from "@/lib/sending/issue";
import type { Worker } from "@/lib/sending/worker";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { sampleCreditNoteInput, sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";
import { assertInvariants, attemptsOf, clientFor, driveUntilSettled, loadDocument, manualWorker, sleep } from "@/tests/integration/sending/harness";

/**
 * The sending path against the provider's contract as observed on UAT (docs/reference/observed-uat.md), over
 * real HTTP to the sandbox answering in those shapes, on each database engine. The status look-up
 * (`GET /MyData/status`, contract unknown) is never called: every test ends by checking that.
 */
describe.each(testEngines())("the provider's observed contract, end to end, on %s", (engine) => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let client: ProviderClient;
  let worker: Worker;
  let series: string;

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([
      openTestDb(engine),
      startTestSandbox({ processingWindowMs: 400, delayedTimeoutMs: 150, delayedRegisterMs: 700, resendLockMs: 600, documentsPageSize: 3 }),
    ]);
    client = clientFor(sandbox);
    worker = manualWorker(t.db, client);
  });
  afterAll(async () => {
    await worker.stop();
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });
  beforeEach(async () => {
    await sandbox.reset();
    series = `P${randomUUID().slice(0, 6).toUpperCase()}`;
  });
  afterEach(async () => {
    await assertInvariants(t.db, sandbox);
    const asked = (await sandbox.requests()).filter((entry) => entry.path.toLowerCase().startsWith("/mydata/status"));
    expect(asked, "GET /MyData/status is never called by default").toEqual([]);
  });

  const issue = () => issueCreditNote(t.db, sampleIssueRequest({ series }), { actor: "clerk@example.test" });
  const atProvider = async (internalId: string) => (await sandbox.documents()).filter((doc) => doc.internalId === internalId);

  it("answer lost after registration → the identical re-POST's 409 carries our document → accepted with its MARK and AADE's QR link", async () => {
    await sandbox.fault({ mode: "reset_after_store", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const answers = (await attemptsOf(t.db, issued.id)).map((a) => `${a.http_status} ${a.outcome}`);
    expect(answers[0]).toBe("null ambiguous");
    expect(answers.at(-1)).toBe("409 duplicate");
    // Between them, only "already being transmitted" while the provider finishes the first call.
    expect(answers.slice(1, -1).every((answer) => answer === "408 locked")).toBe(true);
    expect(new Set((await attemptsOf(t.db, issued.id)).map((a) => a.request_sha256)).size).toBe(1);
    const doc = await loadDocument(t.db, issued.id);
    const [registered] = await atProvider(issued.internalDocumentId);
    expect(doc.mark).toBe(registered?.mark);
    expect(doc.uid).toBe(registered?.uid);
    expect(doc.qr_url).toMatch(/^https?:\/\//);
    expect(doc.qr_url).not.toBe(doc.url);
  });

  it("408 IAPR Timeout, registered late → re-POSTs wait out the lock → the 409 carries it → accepted, one document", async () => {
    await sandbox.fault({ mode: "FAKE_IAPR_DELAYED_TIMEOUT", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const attempts = await attemptsOf(t.db, issued.id);
    expect(attempts[0]).toMatchObject({ http_status: 408, outcome: "unavailable" });
    expect(attempts.at(-1)).toMatchObject({ http_status: 409, outcome: "duplicate" });
    expect(await atProvider(issued.internalDocumentId)).toHaveLength(1);
    expect((await loadDocument(t.db, issued.id)).mark).toBe((await atProvider(issued.internalDocumentId))[0]?.mark);
  });

  it("500 Please resend, then the lock's 408s, then 201 → one document at the provider", async () => {
    // A lock well beyond the worker's 100 ms lock wait, so resends meet it however slow the machine.
    await sandbox.settings({ resendLockMs: 1_500 });
    await sandbox.fault({ mode: "FAKE_ELISE_SAVE_DOCUMENT_ERROR", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("accepted");
    const attempts = await attemptsOf(t.db, issued.id);
    const answers = attempts.map((a) => `${a.http_status} ${a.outcome}`);
    expect(answers[0]).toBe("500 unavailable");
    expect(answers.slice(1, -1).length).toBeGreaterThan(0);
    expect(new Set(answers.slice(1, -1))).toEqual(new Set(["408 locked"]));
    expect(answers.at(-1)).toBe("201 accepted");
    expect(new Set(attempts.map((a) => a.request_sha256)).size).toBe(1);
    expect(await atProvider(issued.internalDocumentId)).toHaveLength(1);
    // The lock is not a failure: the document's recorded error is cleared by the acceptance, and the lock waits left no error of their own.
    expect((await loadDocument(t.db, issued.id)).last_error_json).toBeNull();
  });

  it("400 → rejected, never resent, AADE's own words shown with their code", async () => {
    await sandbox.fault({ mode: "FAKE_IAPR_VALIDATION_ERROR", paths: ["json"] });
    const issued = await issue();
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("rejected");
    for (let pass = 0; pass < 3; pass += 1) await worker.runOnce();
    expect((await attemptsOf(t.db, issued.id)).map((a) => a.http_status)).toEqual([400]);
    const view = await loadDetail(t.db, issued.id, { canAct: true });
    expect(view?.lastError).toMatchObject({ kind: "rejected", httpStatus: 400 });
    expect(view?.lastError?.message).not.toMatch(/^HTTP \d+$/);
    expect(view?.errors.length).toBeGreaterThan(0);
    for (const error of view?.errors ?? []) {
      expect(error.message).toMatch(/Fake validation error/);
      expect(error.code).toMatch(/^\d+$/);
    }
    expect(await atProvider(issued.internalDocumentId)).toHaveLength(0);
  });

  it("409 carrying another document's body (another system used our number that day) → needs_attention; its MARK is not taken", async () => {
    const issuedAt = "2026-04-18T10:00:00";
    const request = sampleIssueRequest({ series, number: "42", issuedAt });
    const issued = await issueCreditNote(t.db, request);
    const othersId = `ERP-${randomUUID().slice(0, 8)}`;
    const foreign = buildProviderDocument(sampleCreditNoteInput(), { internalDocumentId: othersId, series, number: "42", issuedAt });
    const theirs = await client.sendDocument(JSON.stringify(foreign));
    expect(theirs.kind).toBe("accepted");
    expect(await driveUntilSettled(t.db, worker, issued.id)).toBe("needs_attention");
    const doc = await loadDocument(t.db, issued.id);
    expect(doc.mark).toBeNull();
    expect(doc.qr_url).toBeNull();
    const error = JSON.parse(doc.last_error_json ?? "{}") as { kind: string; message: string };
    expect(error.kind).toBe("mismatch");
    expect(error.message).toContain(othersId);
    expect(error.message).toContain(theirs.kind === "accepted" ? theirs.mark : "?");
    expect((await attemptsOf(t.db, issued.id)).map((a) => [a.http_status, a.outcome])).toEqual([[409, "duplicate"]]);
  });

  it("/Invoice/credit answers 201 {} → the credit is found in the document list → accepted with the listed MARK, UID, code and url", async () => {
    const original = await issue();
    expect(await driveUntilSettled(t.db, worker, original.id)).toBe("accepted");
    // More documents than one page of the list holds, so the credit is on a later page.
    for (let i = 0; i < 4; i += 1) await driveUntilSettled(t.db, worker, (await issue()).id);
    const stored = await loadDocument(t.db, original.id);
    const credit = await creditExistingDocument(
      t.db,
      { authenticationCode: stored.authentication_code ?? "", mark: stored.mark ?? "", relateCredit: false, series, issuerVat: sandbox.vat },
      { idempotencyKey: randomUUID() },
    );
    expect(await driveUntilSettled(t.db, worker, credit.id)).toBe("accepted");
    expect((await attemptsOf(t.db, credit.id)).map((a) => [a.http_status, a.outcome])).toEqual([[201, "accepted_without_mark"]]);
    const doc = await loadDocument(t.db, credit.id);
    const [listed] = await atProvider(credit.internalDocumentId);
    expect(listed).toMatchObject({ series, number: credit.number, invoiceType: "5.2" });
    expect(doc.mark).toBe(listed?.mark);
    expect(doc.uid).toBe(listed?.uid);
    expect(doc.authentication_code).toBeTruthy();
    expect(doc.url).toMatch(/^https?:\/\//);
    const listing = (await sandbox.requests()).filter((entry) => entry.path.toLowerCase().startsWith("/api/invoice/getdocuments"));
    expect(listing.length).toBeGreaterThan(1);
  });

  it("bearer mode: concurrent sends share one login, and the token is refreshed before it expires", async () => {
    await sandbox.settings({ accessTokenTtlMs: 61_500 });
    const bearer = createProviderClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, connectTimeoutMs: 1_000, responseTimeoutMs: 5_000, auth: "bearer" });
    const bearerWorker = manualWorker(t.db, bearer, "bearer-worker");
    const since = Math.max(0, ...(await sandbox.requests()).map((entry) => entry.seq));
    const requests = async () => (await sandbox.requests()).filter((entry) => entry.seq > since);
    const log = async () => (await requests()).map((entry) => entry.outcome);
    try {
      const batch = await Promise.all(Array.from({ length: 5 }, () => issue()));
      await bearerWorker.runOnce();
      for (const doc of batch) expect(await driveUntilSettled(t.db, bearerWorker, doc.id)).toBe("accepted");
      expect((await log()).filter((outcome) => outcome === "login")).toHaveLength(1);
      const sends = (await requests()).filter((entry) => entry.path.toLowerCase() === "/invoice/json");
      expect(sends.length).toBe(5);
      expect(sends.every((entry) => entry.bearerPresent && !entry.apiKeyPresent)).toBe(true);
      // The token now lives 61.5 s, and is renewed 60 s before it runs out. Its `exp` is in whole
      // seconds, rounded up (61–62 s after the login), so the renewal is due at most 2 s after it.
      await sleep(2_100);
      const later = await issue();
      expect(await driveUntilSettled(t.db, bearerWorker, later.id)).toBe("accepted");
      expect((await log()).filter((outcome) => outcome === "refresh")).toHaveLength(1);
      expect((await log()).filter((outcome) => outcome === "login")).toHaveLength(1);
    } finally {
      await bearerWorker.stop();
    }
  });
});
