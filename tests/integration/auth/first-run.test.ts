import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirstAdmin, isFirstRun } from "@/lib/auth/user-admin";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";

describe.each(testEngines())("first-run set-up (%s)", (engine) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(engine);
  });
  afterAll(async () => {
    await testDb.cleanup();
  });

  it("makes exactly one admin when several browsers submit at once, then stays closed", async () => {
    expect(await isFirstRun(testDb.db)).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createFirstAdmin(testDb.db, { email: `admin${i}@example.gr`, name: `Admin ${i}`, password: `first-admin-password-${i}`, correlationId: `c${i}` }),
      ),
    );
    expect(results.filter((user) => user !== undefined)).toHaveLength(1);
    const users = await testDb.db.selectFrom("users").select(["email", "role"]).execute();
    expect(users).toHaveLength(1);
    expect(users[0]?.role).toBe("admin");
    expect(await isFirstRun(testDb.db)).toBe(false);
    const audit = await testDb.db.selectFrom("audit_log").selectAll().where("action", "=", "auth.setup").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target).toBe(users[0]?.email);
  });
});
