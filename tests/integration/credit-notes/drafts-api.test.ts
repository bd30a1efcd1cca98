import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as issue } from "@/app/api/credit-notes/route";
import { GET as listDrafts } from "@/app/api/drafts/route";
import { DELETE as deleteDraft, GET as getDraft, PUT as putDraft } from "@/app/api/drafts/[id]/route";
import { POST as duplicate } from "@/app/api/drafts/[id]/duplicate/route";
import { sampleDraft } from "@/tests/fixtures/sample-draft";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { call, createSessions, defineSampleSettings, setTestEnvironment, useDatabase, type Sessions } from "@/tests/integration/settings/harness";

setTestEnvironment();

const ID = "0b9d7c52-3f61-4d0e-9a57-2c8e41f6a9d3";

/** A half-typed draft as the wizard autosaves it: numbers still as typed text. */
function snapshot(id: string, overrides: Record<string, unknown> = {}) {
  const sample = sampleDraft();
  return {
    step: 2,
    draft: {
      ...sample,
      id,
      counterparty: { ...sample.counterparty, code: "00001" },
      lines: [{ ...sample.lines[0], unitPrice: "7,99" }],
      payments: [{ methodCode: 3, amount: "" }],
      notes: "",
      ...overrides,
    },
  };
}

describe.each(testEngines())("drafts API (%s)", (engine) => {
  let testDb: TestDb;
  let s: Sessions;

  beforeAll(async () => {
    testDb = await openTestDb(engine);
    useDatabase(testDb.db);
    s = await createSessions();
    await defineSampleSettings(s.admin, ["D9439", "X1"]);
  });
  afterAll(async () => {
    useDatabase(undefined);
    await testDb.cleanup();
  });

  it("autosaves under the client's id, reads it back exactly and lists it with lenient totals", async () => {
    const saved = await call(putDraft, `/api/drafts/${ID}`, { method: "PUT", body: snapshot(ID), token: s.clerk }, { id: ID });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ id: ID, updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    const read = await (await call(getDraft, `/api/drafts/${ID}`, { token: s.clerk }, { id: ID })).json();
    expect(read.step).toBe(2);
    expect(read.draft.lines[0].unitPrice).toBe("7,99");
    expect(read.draft.counterparty.name).toBe("FOREIGN COMPANY");
    const list = await (await call(listDrafts, "/api/drafts", { token: s.clerk })).json();
    expect(list.items).toEqual([expect.objectContaining({ id: ID, counterpartyName: "FOREIGN COMPANY", series: "D9439", lineCount: 1, grossCents: 799, step: 2 })]);
  });

  it("keeps drafts to their owner: another clerk neither sees, reads, overwrites nor deletes them", async () => {
    expect((await (await call(listDrafts, "/api/drafts", { token: s.otherClerk })).json()).items).toEqual([]);
    expect((await call(getDraft, `/api/drafts/${ID}`, { token: s.otherClerk }, { id: ID })).status).toBe(404);
    expect((await call(putDraft, `/api/drafts/${ID}`, { method: "PUT", body: snapshot(ID), token: s.otherClerk }, { id: ID })).status).toBe(404);
    expect((await call(deleteDraft, `/api/drafts/${ID}`, { method: "DELETE", token: s.otherClerk }, { id: ID })).status).toBe(404);
    expect((await call(listDrafts, "/api/drafts", { token: s.viewer })).status).toBe(403);
    expect((await call(listDrafts, "/api/drafts")).status).toBe(401);
  });

  it("refuses what is not a draft with 422 and field paths, and ids that are not UUIDs with 404", async () => {
    const bad = await call(putDraft, `/api/drafts/${ID}`, { method: "PUT", body: { draft: { lines: "many", priceEntry: "both" }, step: 9 }, token: s.clerk }, { id: ID });
    expect(bad.status).toBe(422);
    const paths = (await bad.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["draft.lines", "draft.priceEntry", "step"]));
    const tooMany = snapshot(ID, { lines: Array.from({ length: 1001 }, () => sampleDraft().lines[0]) });
    expect((await call(putDraft, `/api/drafts/${ID}`, { method: "PUT", body: tooMany, token: s.clerk }, { id: ID })).status).toBe(422);
    expect((await call(getDraft, "/api/drafts/not-a-uuid", { token: s.clerk }, { id: "not-a-uuid" })).status).toBe(404);
    const stored = await testDb.db.selectFrom("drafts").select("json").where("id", "=", ID).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.json).draft.lines).toHaveLength(1);
  });

  it("stores only the draft's own keys (a __proto__ or unknown key is dropped)", async () => {
    const body = JSON.parse(`{"step":1,"draft":{"id":"${ID}","series":"X1","__proto__":{"polluted":true},"extra":"dropped"}}`);
    expect((await call(putDraft, `/api/drafts/${ID}`, { method: "PUT", body, token: s.clerk }, { id: ID })).status).toBe(200);
    const stored = JSON.parse((await testDb.db.selectFrom("drafts").select("json").where("id", "=", ID).executeTakeFirstOrThrow()).json);
    expect(Object.keys(stored.draft)).not.toContain("extra");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(stored.draft.lines).toEqual([]);
    await call(putDraft, `/api/drafts/${ID}`, { method: "PUT", body: snapshot(ID), token: s.clerk }, { id: ID });
  });

  it("duplicates under a new id and deletes", async () => {
    const copy = await call(duplicate, `/api/drafts/${ID}/duplicate`, { method: "POST", token: s.clerk }, { id: ID });
    expect(copy.status).toBe(201);
    const { id: copyId } = await copy.json();
    expect(copyId).not.toBe(ID);
    const copied = await (await call(getDraft, `/api/drafts/${copyId}`, { token: s.clerk }, { id: copyId })).json();
    expect(copied.draft.id).toBe(copyId);
    expect(copied.draft.lines).toEqual(snapshot(ID).draft.lines);
    expect((await call(deleteDraft, `/api/drafts/${copyId}`, { method: "DELETE", token: s.clerk }, { id: copyId })).status).toBe(200);
    expect((await call(getDraft, `/api/drafts/${copyId}`, { token: s.clerk }, { id: copyId })).status).toBe(404);
    expect((await call(deleteDraft, `/api/drafts/${copyId}`, { method: "DELETE", token: s.clerk }, { id: copyId })).status).toBe(404);
  });

  it("an issued draft leaves the list and can no longer be saved; issuing it again answers the same document", async () => {
    const draft = { ...snapshot(ID).draft, payments: [{ methodCode: 3, amount: "7,99" }] };
    const first = await call(issue, "/api/credit-notes", { body: { draft }, token: s.clerk });
    expect(first.status).toBe(202);
    const { id } = await first.json();
    expect((await (await call(listDrafts, "/api/drafts", { token: s.clerk })).json()).items).toEqual([]);
    const late = await call(putDraft, `/api/drafts/${ID}`, { method: "PUT", body: snapshot(ID), token: s.clerk }, { id: ID });
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe("draft_issued");
    const again = await call(issue, "/api/credit-notes", { body: { draft }, token: s.clerk });
    expect((await again.json()).id).toBe(id);
    expect(await testDb.db.selectFrom("documents").select("id").execute()).toHaveLength(1);
  });
});
