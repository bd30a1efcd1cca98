import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as issue } from "@/app/api/credit-notes/route";
import { PUT as putDraft } from "@/app/api/drafts/[id]/route";
import { sampleDraft } from "@/tests/fixtures/sample-draft";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { call, createSessions, defineSampleSettings, setTestEnvironment, useDatabase, type Sessions } from "@/tests/integration/settings/harness";

setTestEnvironment();

function draftWith(overrides: Record<string, unknown> = {}) {
  const draft: Record<string, unknown> = { ...sampleDraft(), id: undefined, issuedAt: undefined, ...overrides };
  delete draft.number;
  return draft;
}

type Answer = { id: string; created: boolean; series: string; number: string };

describe.each(testEngines())("Idempotency-Key and draft id belong to one user and one request (%s)", (engine) => {
  let t: TestDb;
  let s: Sessions;

  beforeAll(async () => {
    t = await openTestDb(engine);
    useDatabase(t.db);
    s = await createSessions();
    await defineSampleSettings(s.admin, ["D9439", "CR"]);
  }, 60_000);
  afterAll(async () => {
    useDatabase(undefined);
    await t.cleanup();
  });

  const send = (token: string, draft: Record<string, unknown>, key?: string, locale = "el") =>
    call(issue, "/api/credit-notes", { body: { draft }, token, headers: { ...(key === undefined ? {} : { "idempotency-key": key }), "accept-language": locale } });

  it("the same key and the same request of the same user answer the same document", async () => {
    const key = `k-${randomUUID()}`;
    const first = await send(s.clerk, draftWith(), key);
    // The same request with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(draftWith()).reverse());
    const again = await send(s.clerk, reordered, key);
    expect([first.status, again.status]).toEqual([202, 202]);
    const [a, b] = [(await first.json()) as Answer, (await again.json()) as Answer];
    expect(b).toEqual({ ...a, created: false });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await t.db.selectFrom("documents").select("id").where("id", "=", a.id).execute()).toHaveLength(1);
  });

  it("another user's same key issues an independent document", async () => {
    const key = `k-${randomUUID()}`;
    const mine = (await (await send(s.clerk, draftWith(), key)).json()) as Answer;
    const other = await send(s.otherClerk, draftWith(), key);
    expect(other.status).toBe(202);
    const theirs = (await other.json()) as Answer;
    expect(theirs.created).toBe(true);
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.number).not.toBe(mine.number);
    // …and a different request under that key by the other user is theirs to reuse, not a conflict with mine.
    const mineAgain = (await (await send(s.clerk, draftWith(), key)).json()) as Answer;
    expect(mineAgain.id).toBe(mine.id);
  });

  it("the same key with a different request of the same user is 422 with a clear message in both languages", async () => {
    const key = `k-${randomUUID()}`;
    const first = (await (await send(s.clerk, draftWith(), key)).json()) as Answer;
    const changed = draftWith({ lines: [{ ...sampleDraft().lines[0], unitPrice: "9.99" }], payments: [{ methodCode: 3, amount: "9.99" }] });
    const el = await send(s.clerk, changed, key);
    expect(el.status).toBe(422);
    expect(await el.json()).toMatchObject({ error: { code: "idempotency_key_reused", message: expect.stringMatching(/^Το Idempotency-Key έχει ήδη χρησιμοποιηθεί/) } });
    const en = await send(s.clerk, changed, key, "en");
    expect(await en.json()).toMatchObject({ error: { code: "idempotency_key_reused", message: expect.stringMatching(/already used this Idempotency-Key for a different document/) } });
    const documents = await t.db.selectFrom("documents").select("id").where("gross_cents", "=", 999).execute();
    expect(documents).toEqual([]);
    expect(((await (await send(s.clerk, draftWith(), key)).json()) as Answer).id).toBe(first.id);
  });

  it("a draft id is its owner's: another user can neither issue nor block it, nor get its document", async () => {
    const draftId = randomUUID();
    const snapshot = { step: 4, draft: { ...draftWith(), id: draftId } };
    expect((await call(putDraft, `/api/drafts/${draftId}`, { method: "PUT", body: snapshot, token: s.clerk }, { id: draftId })).status).toBe(200);
    const stolen = await send(s.otherClerk, draftWith({ id: draftId }));
    expect(stolen.status).toBe(404);
    const issued = await send(s.clerk, draftWith({ id: draftId }));
    expect(issued.status).toBe(202);
    const doc = (await issued.json()) as Answer;
    const replay = await send(s.otherClerk, draftWith({ id: draftId }));
    expect(replay.status).toBe(404);
    expect(JSON.stringify(await replay.json())).not.toContain(doc.id);
    const autosave = await call(putDraft, `/api/drafts/${draftId}`, { method: "PUT", body: snapshot, token: s.otherClerk }, { id: draftId });
    expect(autosave.status).toBe(404);
    // The owner's retry of the same request is the same document; a different request on the issued draft is refused.
    expect(((await (await send(s.clerk, draftWith({ id: draftId }))).json()) as Answer).id).toBe(doc.id);
    const edited = await send(s.clerk, draftWith({ id: draftId, reference: "changed" }));
    expect(edited.status).toBe(422);
  });
});
