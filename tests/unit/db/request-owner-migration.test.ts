import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateTo, migrateToLatest } from "@/lib/db/migrate";
import { hasAnyDocument } from "@/lib/history/first-use";
import { openEmptyTestDb, testEngines, type TestDb } from "@/tests/support/db";

const at = "2025-03-24T08:00:00.000Z";

describe.each(testEngines())("migration 010: idempotency keys become their author's (%s)", (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await openEmptyTestDb(engine);
    await migrateTo(t.db, "007-append-only");
    expect(await hasAnyDocument(t.db)).toBe(false);
    await t.db.insertInto("users").values({ id: "u-1", email: "clerk@example.gr", name: "Clerk", role: "clerk", password_hash: "x", disabled: 0, created_at: at }).execute();
    const base = { kind: "compose" as const, issuer_vat: "EL094259216", series: "M", issued_at: "2025-03-24T10:00:00", payload_json: "{}", payload_sha256: "x", status: "accepted" as const, deadline_at: at, created_at: at, updated_at: at };
    await t.db.insertInto("documents").values([
      { ...base, id: "d-known", internal_document_id: "i-1", number: "1", idempotency_key: "key-1", draft_id: "draft-1", created_by: "clerk@example.gr" },
      { ...base, id: "d-stranger", internal_document_id: "i-2", number: "2", idempotency_key: "key-2", created_by: "gone@example.gr" },
      { ...base, id: "d-plain", internal_document_id: "i-3", number: "3", created_by: null },
    ]).execute();
    await migrateToLatest(t.db);
  }, 60_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it("names each document's author and scopes the keys of those it can name", async () => {
    const rows = await t.db.selectFrom("documents").select(["id", "owner_id", "idempotency_key", "request_sha256"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: "d-known", owner_id: "u-1", idempotency_key: "u-1:key-1", request_sha256: null },
      { id: "d-plain", owner_id: null, idempotency_key: null, request_sha256: null },
      { id: "d-stranger", owner_id: null, idempotency_key: "key-2", request_sha256: null },
    ]);
    expect(await hasAnyDocument(t.db)).toBe(true);
  });
});
