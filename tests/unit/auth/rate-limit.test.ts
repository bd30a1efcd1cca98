import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkLoginThrottle, clearAccountFailures, recordLoginFailure } from "@/lib/auth/rate-limit";
import { openDatabase } from "@/lib/db/connect";
import { openTestDb, type TestDb } from "@/tests/support/db";

const T0 = new Date("2025-03-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

let testDb: TestDb;

beforeAll(async () => {
  testDb = await openTestDb("sqlite");
});
afterAll(async () => {
  await testDb.cleanup();
});
beforeEach(async () => {
  await testDb.db.withTables<{ login_failures: { id: number; key: string; at: string } }>().deleteFrom("login_failures").execute();
});

async function fail(email: string, address: string, when: Date, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await recordLoginFailure(testDb.db, { email, address }, { now: when });
}

describe("sign-in rate limit", () => {
  it("allows 5 failures per account in 15 minutes, then answers with the seconds to wait", async () => {
    await fail("a@example.gr", "10.0.0.1", T0, 4);
    expect(await checkLoginThrottle(testDb.db, { email: "a@example.gr", address: "10.0.0.1" }, { now: at(MINUTE) })).toEqual({ allowed: true });
    await fail("a@example.gr", "10.0.0.1", at(2 * MINUTE));
    const verdict = await checkLoginThrottle(testDb.db, { email: "a@example.gr", address: "10.0.0.9" }, { now: at(3 * MINUTE) });
    // The oldest counted failure (T0) leaves the window at minute 15: 12 minutes from now.
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 12 * 60, scope: "account" });
  });

  it("lets the account try again once the window has slid past enough failures", async () => {
    await fail("a@example.gr", "10.0.0.1", T0, 5);
    expect((await checkLoginThrottle(testDb.db, { email: "a@example.gr", address: "10.0.0.1" }, { now: at(15 * MINUTE - 1000) })).allowed).toBe(false);
    expect((await checkLoginThrottle(testDb.db, { email: "a@example.gr", address: "10.0.0.1" }, { now: at(15 * MINUTE) })).allowed).toBe(true);
  });

  it("limits one address to 20 failures across accounts", async () => {
    for (let i = 0; i < 20; i++) await fail(`user${i}@example.gr`, "203.0.113.5", at(i * 1000));
    const verdict = await checkLoginThrottle(testDb.db, { email: "fresh@example.gr", address: "203.0.113.5" }, { now: at(30_000) });
    expect(verdict).toMatchObject({ allowed: false, scope: "address" });
    expect((await checkLoginThrottle(testDb.db, { email: "fresh@example.gr", address: "203.0.113.6" }, { now: at(30_000) })).allowed).toBe(true);
  });

  it("clears the account's count after a successful sign-in, not the address's", async () => {
    await fail("a@example.gr", "10.0.0.1", T0, 5);
    await clearAccountFailures(testDb.db, { email: "a@example.gr" });
    expect((await checkLoginThrottle(testDb.db, { email: "a@example.gr", address: "10.0.0.1" }, { now: T0 })).allowed).toBe(true);
  });

  it("is shared by every instance using the database", async () => {
    const other = openDatabase(testDb.url);
    try {
      await fail("shared@example.gr", "10.0.0.1", T0, 3);
      for (let i = 0; i < 2; i++) await recordLoginFailure(other, { email: "shared@example.gr", address: "10.0.0.2" }, { now: T0 });
      expect((await checkLoginThrottle(other, { email: "shared@example.gr", address: "10.0.0.3" }, { now: T0 })).allowed).toBe(false);
    } finally {
      await other.destroy();
    }
  });

  it("forgets failures older than the window", async () => {
    await fail("old@example.gr", "10.0.0.1", T0, 3);
    await fail("new@example.gr", "10.0.0.1", at(16 * MINUTE));
    const rows = await testDb.db.withTables<{ login_failures: { id: number; key: string; at: string } }>()
      .selectFrom("login_failures").select("key").execute();
    expect(rows.map((r) => r.key).sort()).toEqual(["account:new@example.gr", "address:10.0.0.1"]);
  });
});
