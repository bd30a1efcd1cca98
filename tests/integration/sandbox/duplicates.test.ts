import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { failureCode, internalIdOf, json, sampleDocument, send, setPath, sleep, status, type Registered } from "./helpers";

const WINDOW_MS = 1_500;
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ processingWindowMs: WINDOW_MS });
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(async () => {
  await sandbox.reset();
});

const inFlight = (doc: Record<string, unknown>): string =>
  `Document ${String(doc.Series)}|${String(doc.Number)} with InternalId ${internalIdOf(doc)} is already being transmitted.`;

describe("duplicates (by myDATA UID)", () => {
  it("answers 409 with the stored 201 body, uniqueId and the provider's message to the same document sent twice", async () => {
    const doc = sampleDocument();
    const first = json<Registered>(await send(sandbox, doc));
    const again = await send(sandbox, doc);
    expect(again.status).toBe(409);
    expect(json(again)).toEqual({ ...first, success: false, uniqueId: first.uid, message: "Successfully submitted to IAPR" });
  });

  it("answers 200 success:false with the stored body in the 2xx duplicate shape", async () => {
    await sandbox.settings({ duplicateShape: "2xx" });
    const doc = sampleDocument();
    const first = json<Registered>(await send(sandbox, doc));
    const again = await send(sandbox, doc);
    expect(again.status).toBe(200);
    expect(json(again)).toEqual({ ...first, success: false, message: "Document has already been transmitted" });
  });

  it("does not match on InternalDocumentId: the same id under another number is a new document", async () => {
    const doc = sampleDocument();
    const first = json<Registered>(await send(sandbox, doc));
    setPath(doc, "Number", `${String(doc.Number)}9`);
    const second = await send(sandbox, doc);
    expect(second.status).toBe(201);
    expect(json<Registered>(second)).toMatchObject({ internalId: first.internalId, number: doc.Number });
    expect(json<Registered>(second).uid).not.toBe(first.uid);
  });

  it("answers a duplicate UID under another InternalDocumentId with the FIRST document's body", async () => {
    const doc = sampleDocument();
    const first = json<Registered>(await send(sandbox, doc));
    setPath(doc, "DistributionDetails.InternalDocumentId", `${internalIdOf(doc)}-other`);
    const again = await send(sandbox, doc);
    expect(again.status).toBe(409);
    expect(json<Registered>(again)).toMatchObject({ internalId: first.internalId, mark: first.mark, uid: first.uid, uniqueId: first.uid });
    expect(json<Registered>(again).internalId).not.toBe(internalIdOf(doc));
  });

  it("treats the same number on another date as a different document", async () => {
    const doc = sampleDocument();
    expect((await send(sandbox, doc)).status).toBe(201);
    setPath(doc, "DateIssued", "2023-03-25T00:00:00");
    setPath(doc, "DistributionDetails.InternalDocumentId", `${internalIdOf(doc)}-next-day`);
    expect((await send(sandbox, doc)).status).toBe(201);
  });
});

describe("already being transmitted (408)", () => {
  it("answers 408 naming the request's series|number and InternalId while the first request is delayed, then the first is accepted", async () => {
    await sandbox.fault({ mode: "delay", ms: 800, times: 1 });
    const doc = sampleDocument();
    const first = send(sandbox, doc);
    await sleep(200);
    setPath(doc, "DistributionDetails.InternalDocumentId", `${internalIdOf(doc)}-resend`);
    const resend = await send(sandbox, doc);
    expect(resend.status).toBe(408);
    expect(json(resend)).toEqual({ success: false, message: inFlight(doc) });
    expect((await first).status).toBe(201);
    expect((await send(sandbox, doc)).status).toBe(409);
  });

  it("keeps a hung document processing for the window, then reports it as a duplicate", async () => {
    await sandbox.fault({ mode: "accept_then_hang" });
    const doc = sampleDocument();
    const started = Date.now();
    expect(await failureCode(send(sandbox, doc, {}, 300))).toBe("CLIENT_TIMEOUT");
    expect((await send(sandbox, doc)).status).toBe(408);
    expect(json(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "processing" });
    await sleep(Math.max(0, started + WINDOW_MS + 100 - Date.now()));
    expect((await send(sandbox, doc)).status).toBe(409);
    expect(json(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "accepted" });
  });

  it("checks processing before duplicates: a reset after storing answers 408, not 409, inside the window", async () => {
    await sandbox.fault({ mode: "reset_after_store" });
    const doc = sampleDocument();
    expect(await failureCode(send(sandbox, doc))).toBe("ECONNRESET");
    expect((await send(sandbox, doc)).status).toBe(408);
  });

  it("applies a processing window changed through the control API", async () => {
    await sandbox.settings({ processingWindowMs: 0 });
    await sandbox.fault({ mode: "accept_then_hang" });
    const doc = sampleDocument();
    expect(await failureCode(send(sandbox, doc, {}, 300))).toBe("CLIENT_TIMEOUT");
    expect((await send(sandbox, doc)).status).toBe(409);
  });
});
