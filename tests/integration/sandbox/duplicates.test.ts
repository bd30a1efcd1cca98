import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { failureCode, internalIdOf, json, sampleDocument, send, setPath, sleep, status } from "./helpers";

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

describe("duplicates", () => {
  it("answers 409 to the same document sent twice", async () => {
    const doc = sampleDocument();
    const first = json(await send(sandbox, doc));
    const again = await send(sandbox, doc);
    expect(again.status).toBe(409);
    expect(json(again)).toMatchObject({ success: false, message: "This invoice has already been transmitted to our systems", mark: first.mark });
  });

  it("answers 200 success:false with the 2xx duplicate shape", async () => {
    await sandbox.settings({ duplicateShape: "2xx" });
    const doc = sampleDocument();
    expect((await send(sandbox, doc)).status).toBe(201);
    const again = await send(sandbox, doc);
    expect(again.status).toBe(200);
    expect(json(again)).toMatchObject({ success: false, message: "Document has already been transmitted" });
  });

  it("detects a duplicate InternalDocumentId under a different number", async () => {
    const doc = sampleDocument();
    expect((await send(sandbox, doc)).status).toBe(201);
    setPath(doc, "Number", `${String(doc.Number)}9`);
    expect((await send(sandbox, doc)).status).toBe(409);
  });

  it("detects a duplicate UID under a different InternalDocumentId", async () => {
    const doc = sampleDocument();
    expect((await send(sandbox, doc)).status).toBe(201);
    setPath(doc, "DistributionDetails.InternalDocumentId", `${internalIdOf(doc)}-other`);
    expect((await send(sandbox, doc)).status).toBe(409);
  });

  it("treats the same number on another date as a different document", async () => {
    const doc = sampleDocument();
    expect((await send(sandbox, doc)).status).toBe(201);
    setPath(doc, "DateIssued", "2023-03-25T00:00:00");
    setPath(doc, "DistributionDetails.InternalDocumentId", `${internalIdOf(doc)}-next-day`);
    expect((await send(sandbox, doc)).status).toBe(201);
  });
});

describe("still processing (408)", () => {
  it("answers 408 to a resend while the first request is delayed, then the first is accepted", async () => {
    await sandbox.fault({ mode: "delay", ms: 800, times: 1 });
    const doc = sampleDocument();
    const first = send(sandbox, doc);
    await sleep(200);
    const resend = await send(sandbox, doc);
    expect(resend.status).toBe(408);
    expect(json(resend)).toEqual({ success: false, message: "Document is still being processed. Please try again later." });
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
