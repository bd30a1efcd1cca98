/**
 * The provider UAT suite's scenario matrix (docs/reference/observed-uat.md §6, cases A–G), replayed against the
 * sandbox with its waits shortened: the `erp` header switches and what a client sees after them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { errorCodes, internalIdOf, json, sampleDocument, send, setPath, sleep, type Json, type Registered, type ValidationAnswer } from "./helpers";

const DELAYED_TIMEOUT_MS = 300;
const DELAYED_REGISTER_MS = 2_000;
const RESEND_LOCK_MS = 1_000;
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ delayedTimeoutMs: DELAYED_TIMEOUT_MS, delayedRegisterMs: DELAYED_REGISTER_MS, resendLockMs: RESEND_LOCK_MS });
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(async () => {
  await sandbox.reset();
});

const IAPR_TIMEOUT = { success: false, message: "IAPR Timeout" };

function inFlight(doc: Json): { success: false; message: string } {
  return { success: false, message: `Document ${String(doc.Series)}|${String(doc.Number)} with InternalId ${internalIdOf(doc)} is already being transmitted.` };
}

/** A copy of `doc` under another number (and its own InternalDocumentId), or another series. */
function variant(doc: Json, change: { series?: string; number?: string; internalId?: string }): Json {
  const copy = structuredClone(doc);
  if (change.series !== undefined) setPath(copy, "Series", change.series);
  setPath(copy, "Number", change.number ?? `${String(doc.Number)}1`);
  setPath(copy, "DistributionDetails.InternalDocumentId", change.internalId ?? `${internalIdOf(doc)}-${String(copy.Series)}-${String(copy.Number)}`);
  return copy;
}

function expectStoredBody(answer: Registered, stored: Registered): void {
  expect(answer).toEqual({ ...stored, success: false, uniqueId: stored.uid, message: "Successfully submitted to IAPR" });
}

describe("the UAT scenario matrix", () => {
  it("A (no fault): 201; same document → 409 with the stored body; same series+number, other InternalId → 409 with the first body; other series → 201", async () => {
    const doc = sampleDocument();
    const first = await send(sandbox, doc);
    expect(first.status).toBe(201);
    const stored = json<Registered>(first);

    const again = await send(sandbox, doc);
    expect(again.status).toBe(409);
    expectStoredBody(json<Registered>(again), stored);

    const otherId = variant(doc, { number: String(doc.Number), internalId: `${internalIdOf(doc)}-erp` });
    const conflict = await send(sandbox, otherId);
    expect(conflict.status).toBe(409);
    expectStoredBody(json<Registered>(conflict), stored);
    expect(json<Registered>(conflict).internalId).not.toBe(internalIdOf(otherId));

    expect((await send(sandbox, variant(doc, { series: "OTHER", number: String(doc.Number) }))).status).toBe(201);
  });

  it("B (FAKE_IAPR_TIMEOUT): 408 IAPR Timeout and nothing registered; the next number → 201", async () => {
    const doc = sampleDocument();
    const timedOut = await send(sandbox, doc, { erp: "FAKE_IAPR_TIMEOUT" });
    expect(timedOut.status).toBe(408);
    expect(json(timedOut)).toEqual(IAPR_TIMEOUT);
    expect((await send(sandbox, variant(doc, {}))).status).toBe(201);
    // Nothing was registered: the same document goes through on its own number.
    expect((await send(sandbox, doc)).status).toBe(201);
  });

  it("C (FAKE_IAPR_DELAYED_TIMEOUT): 408; other series → 201; same series, next number → 408 in flight; once registered, a re-POST → 409 with the stored body", async () => {
    const doc = sampleDocument();
    const started = Date.now();
    const timedOut = await send(sandbox, doc, { erp: "FAKE_IAPR_DELAYED_TIMEOUT" });
    expect(timedOut.status).toBe(408);
    expect(json(timedOut)).toEqual(IAPR_TIMEOUT);

    expect((await send(sandbox, variant(doc, { series: "OTHER" }))).status).toBe(201);
    const next = variant(doc, {});
    const locked = await send(sandbox, next);
    expect(locked.status).toBe(408);
    expect(json(locked)).toEqual(inFlight(next));
    expect(json(await send(sandbox, doc))).toEqual(inFlight(doc));

    await sleep(Math.max(0, started + DELAYED_REGISTER_MS + 100 - Date.now()));
    const recovered = await send(sandbox, doc);
    expect(recovered.status).toBe(409);
    const body = json<Registered>(recovered);
    expect(body).toMatchObject({ internalId: internalIdOf(doc), series: doc.Series, number: doc.Number, success: false, message: "Successfully submitted to IAPR" });
    expect(Number.isSafeInteger(body.mark)).toBe(true);
    expect((await send(sandbox, next)).status).toBe(201);
  });

  it("D (FAKE_IAPR_DELAYED_TIMEOUT, registered before the timeout): the call itself answers 201; a re-POST → 409 with that body", async () => {
    await sandbox.settings({ delayedRegisterMs: 100 });
    const doc = sampleDocument();
    const answered = await send(sandbox, doc, { erp: "FAKE_IAPR_DELAYED_TIMEOUT" });
    expect(answered.status).toBe(201);
    const stored = json<Registered>(answered);
    expect(stored).toMatchObject({ success: true, internalId: internalIdOf(doc) });
    expectStoredBody(json<Registered>(await send(sandbox, doc)), stored);
  });

  it("E (FAKE_IAPR_VALIDATION_ERROR): 400 in the observed shape twice, then 201 for the same number: no lock", async () => {
    const doc = sampleDocument();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refused = await send(sandbox, doc, { erp: "FAKE_IAPR_VALIDATION_ERROR" });
      expect(refused.status).toBe(400);
      const body = json<ValidationAnswer>(refused);
      expect(body).toMatchObject({ message: "Aade Validation Error: Fake validation error", myDataErrors: [{ key: 1, value: "Fake validation error" }] });
      expect(errorCodes(body)).toEqual(["229"]);
    }
    expect((await send(sandbox, doc)).status).toBe(201);
  });

  it("F (FAKE_ELISE_SAVE_DOCUMENT_ERROR): 500; a resend inside the lock → 408 in flight; after it → 201", async () => {
    const doc = sampleDocument();
    const started = Date.now();
    const failed = await send(sandbox, doc, { erp: "FAKE_ELISE_SAVE_DOCUMENT_ERROR" });
    expect(failed.status).toBe(500);
    expect(json(failed)).toEqual({ success: false, message: "Could not accept document. Please resend." });

    const resent = await send(sandbox, doc);
    expect(resent.status).toBe(408);
    expect(json(resent)).toEqual(inFlight(doc));
    // The lock is on series|number, whatever the InternalDocumentId.
    const otherId = variant(doc, { number: String(doc.Number), internalId: `${internalIdOf(doc)}-again` });
    expect(json(await send(sandbox, otherId))).toEqual(inFlight(otherId));
    // Another number of the same series is free.
    expect((await send(sandbox, variant(doc, {}))).status).toBe(201);

    await sleep(Math.max(0, started + RESEND_LOCK_MS + 100 - Date.now()));
    expect((await send(sandbox, doc)).status).toBe(201);
    expect((await send(sandbox, doc)).status).toBe(409);
  });

  it("G (FAKE_ELISE_SAVE_DOCUMENT_ERROR): the lock is journaled, so it holds across a restart", async () => {
    await sandbox.settings({ resendLockMs: 30_000 });
    const doc = sampleDocument();
    expect((await send(sandbox, doc, { erp: "FAKE_ELISE_SAVE_DOCUMENT_ERROR" })).status).toBe(500);
    await sandbox.restart();
    expect(json(await send(sandbox, doc))).toEqual(inFlight(doc));
    await sandbox.reset({ store: true });
    expect((await send(sandbox, doc)).status).toBe(201);
  });
});
