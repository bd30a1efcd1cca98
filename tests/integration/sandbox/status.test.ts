import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { internalIdOf, json, sampleDocument, send, setPath, sleep, status } from "./helpers";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ processingWindowMs: 5_000 });
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(async () => {
  await sandbox.reset();
});

interface StatusBody {
  internalId: string;
  status: string;
  mark: string | null;
  uid: string | null;
  authenticationCode: string | null;
  url: string | null;
  message: string | null;
  errors: { code: string; field: string | null }[];
}

describe("GET /MyData/status", () => {
  it("reports an accepted document with its MARK, UID, authentication code and url", async () => {
    const doc = sampleDocument();
    const sent = json(await send(sandbox, doc));
    const result = await status(sandbox, `internalId=${internalIdOf(doc)}`);
    expect(result.status).toBe(200);
    expect(json<StatusBody>(result)).toEqual({
      internalId: internalIdOf(doc), status: "accepted", mark: String(sent.mark), uid: sent.uid,
      authenticationCode: sent.authenticationCode, url: sent.url, message: "Document transmitted", errors: [],
    });
  });

  it("filters by mark and matches the query parameter names in any case", async () => {
    const doc = sampleDocument();
    const sent = json(await send(sandbox, doc));
    expect(json(await status(sandbox, `InternalID=${internalIdOf(doc)}&MARK=${String(sent.mark)}`))).toMatchObject({ status: "accepted" });
    expect((await status(sandbox, `internalId=${internalIdOf(doc)}&mark=400001999999999`)).status).toBe(404);
    expect(json(await status(sandbox, `mark=${String(sent.mark)}`))).toMatchObject({ internalId: internalIdOf(doc) });
  });

  it("reports processing while a request for the document is still being handled", async () => {
    await sandbox.fault({ mode: "delay", ms: 1_000 });
    const doc = sampleDocument();
    const pending = send(sandbox, doc);
    await sleep(250);
    expect(json<StatusBody>(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "processing", mark: null });
    expect((await pending).status).toBe(201);
    expect(json<StatusBody>(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "accepted" });
  });

  it("reports rejected with the errors of the last attempt, until an attempt is accepted", async () => {
    const doc = sampleDocument();
    setPath(doc, "Details[0].VATTotal", 1.6);
    setPath(doc, "Details[0].Total", 8.04);
    expect((await send(sandbox, doc)).status).toBe(400);
    const rejected = json<StatusBody>(await status(sandbox, `internalId=${internalIdOf(doc)}`));
    expect(rejected).toMatchObject({ status: "rejected", mark: null });
    expect(rejected.message).toContain("Aade Validation Error");
    expect(rejected.errors).toContainEqual(expect.objectContaining({ code: "229", field: "Details[0].VATTotal" }));

    setPath(doc, "Details[0].VATTotal", 1.55);
    setPath(doc, "Details[0].Total", 7.99);
    expect((await send(sandbox, doc)).status).toBe(201);
    expect(json<StatusBody>(await status(sandbox, `internalId=${internalIdOf(doc)}`))).toMatchObject({ status: "accepted" });
  });

  it("answers 404 for a document it never saw, and 400 without an id", async () => {
    const unknown = await status(sandbox, `internalId=${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(json(unknown)).toEqual({ message: "Document not found" });
    expect((await status(sandbox, "")).status).toBe(400);
  });

  it("does not show one issuer's documents to another issuer's key", async () => {
    const other = await startTestSandbox({ apiKeys: "EL094259216:k1,EL925667500:k2", spawn: false });
    try {
      const doc = sampleDocument();
      expect((await send(other, doc, { APIKey: "k1" })).status).toBe(201);
      expect((await status(other, `internalId=${internalIdOf(doc)}`, { APIKey: "k2" })).status).toBe(404);
      expect((await status(other, `internalId=${internalIdOf(doc)}`, { APIKey: "k1" })).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
