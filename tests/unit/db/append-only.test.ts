import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { sqlitePathFromUrl } from "@/lib/db/sqlite-dialect";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";

describe.each(testEngines())("append-only history (%s)", (engine) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(engine);
    await testDb.db
      .insertInto("audit_log")
      .values({ at: new Date().toISOString(), actor: "a@example.gr", action: "auth.login", target: "a@example.gr", detail_json: null, correlation_id: "c1" })
      .execute();
    const attempts = [
      { id: "recent", account: "a@example.gr", address: "10.0.0.1", at: new Date().toISOString() },
      { id: "ancient", account: "a@example.gr", address: "10.0.0.1", at: "2020-01-01T00:00:00.000Z" },
    ];
    await sql`insert into login_attempts (id, account, address, at) values
      (${attempts[0]?.id}, ${attempts[0]?.account}, ${attempts[0]?.address}, ${attempts[0]?.at}),
      (${attempts[1]?.id}, ${attempts[1]?.account}, ${attempts[1]?.address}, ${attempts[1]?.at})`.execute(testDb.db);
  });
  afterAll(async () => {
    await testDb.cleanup();
  });

  it("refuses to change or delete audit rows", async () => {
    await expect(testDb.db.updateTable("audit_log").set({ actor: "someone-else" }).execute()).rejects.toThrow(/append-only/);
    await expect(testDb.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    if (engine === "postgres") await expect(sql`truncate audit_log`.execute(testDb.db)).rejects.toThrow(/append-only/);
    expect(await testDb.db.selectFrom("audit_log").select("actor").execute()).toEqual([{ actor: "a@example.gr" }]);
  });

  it("refuses to change sign-in attempts or delete recent ones, and lets pruning remove those past the retention", async () => {
    await expect(sql`update login_attempts set address = '6.6.6.6'`.execute(testDb.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from login_attempts where id = 'recent'`.execute(testDb.db)).rejects.toThrow(/append-only/);
    await sql`delete from login_attempts where id = 'ancient'`.execute(testDb.db);
    const rows = await sql<{ id: string }>`select id from login_attempts`.execute(testDb.db);
    expect(rows.rows.map((row) => row.id)).toEqual(["recent"]);
  });

  it.runIf(engine === "sqlite")("keeps the database file readable by its owner only", () => {
    expect(statSync(sqlitePathFromUrl(testDb.url)).mode & 0o777).toBe(0o600);
    expect(statSync(`${sqlitePathFromUrl(testDb.url)}-wal`).mode & 0o777).toBe(0o600);
  });
});
