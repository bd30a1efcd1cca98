import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { beginAttempt } from "@/lib/sending/attempt-store";
import { issueCreditNote } from "@/lib/sending/issue";
import { claimDueDocuments, reclaimExpiredSends, renewLease } from "@/lib/sending/leases";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";

describe.each(testEngines())("leases on %s", (engine) => {
  let t: TestDb;
  const now = new Date("2025-06-01T10:00:00.000Z");
  const later = (ms: number) => new Date(now.getTime() + ms);

  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t.cleanup();
  });
  beforeEach(async () => {
    await t.db.deleteFrom("events").execute();
    await t.db.deleteFrom("attempts").execute();
    await t.db.deleteFrom("documents").execute();
  });

  const issueMany = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) ids.push((await issueCreditNote(t.db, sampleIssueRequest(), { now })).id);
    return ids;
  };

  it("concurrent claims by several owners take disjoint documents", async () => {
    const ids = await issueMany(12);
    const claims = await Promise.all(["a", "b", "c", "d"].map((owner) => claimDueDocuments(t.db, { owner, now: later(1), leaseMs: 10_000, limit: 5 })));
    const claimed = claims.flat().map((row) => row.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
    for (const [index, rows] of claims.entries()) for (const row of rows) expect(row.lease_owner).toBe(["a", "b", "c", "d"][index]);
  });

  it("does not claim documents not yet due or under a live lease; takes them once the lease expired", async () => {
    const [due, future] = await issueMany(2);
    await t.db.updateTable("documents").set({ next_attempt_at: later(60_000).toISOString() }).where("id", "=", future ?? "").execute();
    expect((await claimDueDocuments(t.db, { owner: "a", now: later(1), leaseMs: 1_000, limit: 10 })).map((r) => r.id)).toEqual([due]);
    expect(await claimDueDocuments(t.db, { owner: "b", now: later(500), leaseMs: 1_000, limit: 10 })).toEqual([]);
    expect((await claimDueDocuments(t.db, { owner: "b", now: later(1_500), leaseMs: 1_000, limit: 10 })).map((r) => r.id)).toEqual([due]);
    expect(await renewLease(t.db, { id: due ?? "", owner: "a", now: later(1_600), leaseMs: 1_000 })).toBe(false);
    expect(await renewLease(t.db, { id: due ?? "", owner: "b", now: later(1_600), leaseMs: 1_000 })).toBe(true);
  });

  it("an attempt starts only under a live lease, and counts exactly one attempt row", async () => {
    await issueMany(1);
    const [row] = await claimDueDocuments(t.db, { owner: "a", now: later(1), leaseMs: 1_000, limit: 1 });
    if (row === undefined) throw new Error("nothing claimed");
    expect(await beginAttempt(t.db, row, { owner: "b", now: later(2), leaseMs: 1_000 })).toBeNull();
    expect(await beginAttempt(t.db, row, { owner: "a", now: later(5_000), leaseMs: 1_000 })).toBeNull();
    const sending = await beginAttempt(t.db, row, { owner: "a", now: later(10), leaseMs: 1_000 });
    expect(sending).toMatchObject({ status: "sending", attempt_count: 1, next_action: null });
    expect(await beginAttempt(t.db, row, { owner: "a", now: later(20), leaseMs: 1_000 })).toBeNull();
    const attempts = await t.db.selectFrom("attempts").selectAll().execute();
    expect(attempts).toMatchObject([{ seq: 1, document_id: row.id, finished_at: null, request_sha256: row.payload_sha256 }]);
  });

  it("the reconciler turns an abandoned send into unknown (a composed document is sent again, identical) and marks its attempt interrupted", async () => {
    const [abandoned, live] = await issueMany(2);
    const rows = await claimDueDocuments(t.db, { owner: "dead", now: later(1), leaseMs: 1_000, limit: 2 });
    for (const row of rows) await beginAttempt(t.db, row, { owner: "dead", now: later(2), leaseMs: row.id === live ? 60_000 : 1_000 });
    expect(await reclaimExpiredSends(t.db, later(500))).toBe(0);
    expect(await reclaimExpiredSends(t.db, later(2_000))).toBe(1);
    const doc = await t.db.selectFrom("documents").selectAll().where("id", "=", abandoned ?? "").executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ status: "unknown", next_action: "send", lease_owner: null, attempt_count: 1 });
    expect((await t.db.selectFrom("documents").select("status").where("id", "=", live ?? "").executeTakeFirstOrThrow()).status).toBe("sending");
    const attempt = await t.db.selectFrom("attempts").selectAll().where("document_id", "=", abandoned ?? "").executeTakeFirstOrThrow();
    expect(attempt.outcome).toBe("interrupted");
    const events = await t.db.selectFrom("events").select(["type", "detail_json"]).where("document_id", "=", abandoned ?? "").orderBy("id").execute();
    expect(events.at(-1)).toMatchObject({ type: "unknown" });
    expect(events.at(-1)?.detail_json).toContain("lease_expired");
  });
});
