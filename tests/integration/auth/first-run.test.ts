import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSetupToken, forgetSetupToken, isValidSetupToken } from "@/lib/auth/setup-token";
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

  it("opens set-up only with the one-time token, printed once in the log while there is no user", async () => {
    forgetSetupToken();
    const printed: string[] = [];
    const log = (line: string) => printed.push(line);
    const token = await ensureSetupToken(testDb.db, { log, baseUrl: "http://localhost:3000" });
    expect(await ensureSetupToken(testDb.db, { log })).toBe(token);
    expect(printed).toEqual([`[setup] No user yet. Create the first administrator at http://localhost:3000/setup?token=${token} (one-time link; it stops working once a user exists).`]);
    expect(await isValidSetupToken(testDb.db, token)).toBe(true);
    for (const wrong of [undefined, "", "x", `${token}x`, token?.slice(1), 42]) expect(await isValidSetupToken(testDb.db, wrong)).toBe(false);
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
    // With a user, there is no token any more and none is accepted.
    expect(await ensureSetupToken(testDb.db, { log: () => undefined })).toBeUndefined();
    expect(await isValidSetupToken(testDb.db, "anything")).toBe(false);
  });
});
