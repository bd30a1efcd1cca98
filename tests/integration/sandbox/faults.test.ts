import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { errorCodes, failureCode, http, internalIdOf, json, sampleDocument, send, sleep, status, type ValidationAnswer } from "./helpers";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ processingWindowMs: 400, delayedTimeoutMs: 200, delayedRegisterMs: 1_000, resendLockMs: 400 });
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(async () => {
  await sandbox.reset({ store: true });
});

/** Status look-up once the processing window has passed. */
async function settledStatus(internalId: string): Promise<number> {
  await sleep(450);
  return (await status(sandbox, `internalId=${internalId}`)).status;
}

async function outcomes(): Promise<string[]> {
  return (await sandbox.requests()).map((entry) => entry.outcome);
}

describe("control faults on POST /Invoice/json", () => {
  it("delay: answers normally after the delay", async () => {
    await sandbox.fault({ mode: "delay", ms: 400 });
    const started = Date.now();
    expect((await send(sandbox, sampleDocument())).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    // The log notes the delay (the outcome is the usual one), so a drill can tell it struck.
    const entry = (await sandbox.requests()).filter((e) => e.path.toLowerCase() === "/invoice/json").at(-1);
    expect(entry).toMatchObject({ outcome: "accepted", delayedMs: 400 });
  });

  it("error500: 500 without storing", async () => {
    await sandbox.fault({ mode: "error500" });
    const doc = sampleDocument();
    const result = await send(sandbox, doc);
    expect(result.status).toBe(500);
    expect(json(result)).toEqual({ success: false, message: "Could not accept document. Please resend." });
    expect((await status(sandbox, `internalId=${internalIdOf(doc)}`)).status).toBe(404);
    expect((await send(sandbox, doc)).status).toBe(201);
  });

  it("error500_after_store: 500, but the document is stored and a resend is a duplicate", async () => {
    await sandbox.fault({ mode: "error500_after_store" });
    const doc = sampleDocument();
    const result = await send(sandbox, doc);
    expect(result.status).toBe(500);
    expect(json(result)).toMatchObject({ message: "Could not accept document. Please resend." });
    expect(json(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "accepted" });
    expect((await send(sandbox, doc)).status).toBe(409);
  });

  it("accept_then_hang: no answer (client timeout), document stored", async () => {
    await sandbox.fault({ mode: "accept_then_hang" });
    const doc = sampleDocument();
    expect(await failureCode(send(sandbox, doc, {}, 500))).toBe("CLIENT_TIMEOUT");
    expect((await sandbox.documents()).map((stored) => stored.internalId)).toContain(internalIdOf(doc));
    expect(await settledStatus(internalIdOf(doc))).toBe(200);
  });

  it("reset_before_store: ECONNRESET and nothing stored", async () => {
    await sandbox.fault({ mode: "reset_before_store" });
    const doc = sampleDocument();
    expect(await failureCode(send(sandbox, doc))).toBe("ECONNRESET");
    expect(await settledStatus(internalIdOf(doc))).toBe(404);
    expect(await outcomes()).toContain("fault:reset_before_store");
  });

  it("reset_after_store: ECONNRESET, document stored", async () => {
    await sandbox.fault({ mode: "reset_after_store" });
    const doc = sampleDocument();
    expect(await failureCode(send(sandbox, doc))).toBe("ECONNRESET");
    expect(await settledStatus(internalIdOf(doc))).toBe(200);
    expect((await send(sandbox, doc)).status).toBe(409);
  });

  it("malformed_2xx: 201 with an unreadable body, document stored", async () => {
    await sandbox.fault({ mode: "malformed_2xx" });
    const doc = sampleDocument();
    const result = await send(sandbox, doc);
    expect(result.status).toBe(201);
    expect(() => JSON.parse(result.text) as unknown).toThrow();
    expect(json(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "accepted" });
  });

  it("timeout_408: 408 IAPR Timeout without storing", async () => {
    await sandbox.fault({ mode: "timeout_408" });
    const doc = sampleDocument();
    const result = await send(sandbox, doc);
    expect(result.status).toBe(408);
    expect(json(result)).toEqual({ success: false, message: "IAPR Timeout" });
    expect((await status(sandbox, `internalId=${internalIdOf(doc)}`)).status).toBe(404);
  });

  it("applies a fault to exactly `times` requests, then behaves normally", async () => {
    await sandbox.fault({ mode: "error500", times: 2 });
    expect((await send(sandbox, sampleDocument())).status).toBe(500);
    expect((await send(sandbox, sampleDocument())).status).toBe(500);
    expect((await send(sandbox, sampleDocument())).status).toBe(201);
  });

  it("leaves paths the fault does not name alone", async () => {
    await sandbox.fault({ mode: "error500", paths: ["credit"] });
    expect((await send(sandbox, sampleDocument())).status).toBe(201);
    await sandbox.reset();
    await sandbox.fault({ mode: "error500" });
    expect((await status(sandbox, `internalId=${randomUUID()}`)).status).toBe(404);
  });

  it("refuses an unknown mode", async () => {
    await expect(sandbox.fault({ mode: "explode" })).rejects.toThrow(/400/);
  });
});

describe("faults on /MyData/status", () => {
  it("status_error500: 500 on the next look-up only", async () => {
    await sandbox.fault({ mode: "status_error500" });
    expect((await send(sandbox, sampleDocument())).status).toBe(201);
    expect((await status(sandbox, `internalId=${randomUUID()}`)).status).toBe(500);
    expect((await status(sandbox, `internalId=${randomUUID()}`)).status).toBe(404);
  });

  it("other modes apply to look-ups when their paths name status", async () => {
    await sandbox.fault({ mode: "reset_before_store", paths: ["status"] });
    expect(await failureCode(status(sandbox, `internalId=${randomUUID()}`))).toBe("ECONNRESET");
  });
});

describe("erp header switches", () => {
  it.each([
    ["FAKE_IAPR_TIMEOUT", 408, "IAPR Timeout"],
    ["FAKE_ELISE_SAVE_DOCUMENT_ERROR", 500, "Could not accept document. Please resend."],
  ])("%s → %i without storing", async (erp, expected, message) => {
    const doc = sampleDocument();
    const result = await send(sandbox, doc, { erp });
    expect(result.status).toBe(expected);
    expect(json(result)).toEqual({ success: false, message });
    expect((await status(sandbox, `internalId=${internalIdOf(doc)}`)).status).toBe(404);
    expect(await outcomes()).toContain(`fault:${erp}`);
  });

  it("FAKE_IAPR_DELAYED_TIMEOUT → 408 IAPR Timeout after the wait; the document is registered later", async () => {
    const doc = sampleDocument();
    const started = Date.now();
    const result = await send(sandbox, doc, { erp: "FAKE_IAPR_DELAYED_TIMEOUT" });
    expect(result.status).toBe(408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(json(result)).toEqual({ success: false, message: "IAPR Timeout" });
    expect(json(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "processing" });
    await sleep(Math.max(0, started + 1_100 - Date.now()));
    expect(json(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "accepted" });
    expect(await outcomes()).toContain("fault:FAKE_IAPR_DELAYED_TIMEOUT");
  });

  it("FAKE_IAPR_VALIDATION_ERROR → 400 in the observed shape, reported as rejected", async () => {
    const doc = sampleDocument();
    const result = await send(sandbox, doc, { erp: "fake_iapr_validation_error" });
    expect(result.status).toBe(400);
    const body = json<ValidationAnswer>(result);
    expect(body).toMatchObject({
      myDataErrors: [{ key: 1, value: "Fake validation error" }], errorMessage: "ValidationError", success: false,
      message: "Aade Validation Error: Fake validation error",
    });
    expect(errorCodes(body)).toEqual(["229"]);
    expect(body.myDataRequest).toContain("<vatNumber>094259216</vatNumber>");
    expect(json(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "rejected" });
  });

  it("can be queued through the control API for clients that never send the header", async () => {
    await sandbox.fault({ mode: "FAKE_ELISE_SAVE_DOCUMENT_ERROR" });
    const doc = sampleDocument();
    expect((await send(sandbox, doc)).status).toBe(500);
    expect((await send(sandbox, doc)).status).toBe(408);
    await sandbox.fault({ mode: "FAKE_IAPR_TIMEOUT" });
    expect(json(await send(sandbox, sampleDocument()))).toEqual({ success: false, message: "IAPR Timeout" });
  });
});

describe("control API", () => {
  it("logs provider requests (not control calls) and clears the log", async () => {
    const doc = sampleDocument();
    await send(sandbox, doc);
    await http(`${sandbox.baseUrl}/MyData/status?internalId=${internalIdOf(doc)}`);
    const entries = await sandbox.requests();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ method: "POST", path: "/Invoice/json", status: 201, outcome: "accepted", apiKeyPresent: true, internalId: internalIdOf(doc) });
    expect(entries[0]?.uid).toMatch(/^[0-9A-F]{40}$/);
    expect(entries[1]).toMatchObject({ seq: (entries[0]?.seq ?? 0) + 1, method: "GET", status: 401, outcome: "unauthorized", apiKeyPresent: false });
    await http(`${sandbox.baseUrl}/__control/requests`, { method: "DELETE" });
    expect(await sandbox.requests()).toEqual([]);
  });

  it("lists accepted documents and clears them with reset({ store: true })", async () => {
    const doc = sampleDocument();
    const sent = json(await send(sandbox, doc));
    expect(await sandbox.documents()).toEqual([{
      internalId: internalIdOf(doc), uid: sent.uid, mark: String(sent.mark), series: "D9439", number: doc.Number, invoiceType: "5.2",
      totals: { net: 6.44, vat: 1.55, gross: 7.99 }, acceptedAt: expect.any(String), pdfEmail: null,
    }]);
    await sandbox.reset({ store: true });
    expect(await sandbox.documents()).toEqual([]);
    expect((await send(sandbox, doc)).status).toBe(201);
  });

  it("lists the PDF e-mail of a document sent with SendAsPdf once, however often it is sent again", async () => {
    await sandbox.reset({ store: true });
    const doc = sampleDocument();
    doc.AdditionalDetails = { ...(doc.AdditionalDetails as Record<string, unknown>), SendAsPdf: true, PdfNotificationEmails: ["books@customer.example"] };
    expect((await send(sandbox, doc)).status).toBe(201);
    expect((await send(sandbox, doc)).status).toBe(409);
    const listed = await sandbox.documents();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ pdfEmail: { to: ["books@customer.example"] } });
  });
});
