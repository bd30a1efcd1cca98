import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLoginThrottle, nextAllowedAt, reserveLoginAttempt, settleLoginAttempt, DEFAULT_LOGIN_THROTTLE } from "@/lib/auth/rate-limit";
import { openDatabase } from "@/lib/db/connect";
import type { Db } from "@/lib/db/schema";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";

const T0 = new Date("2025-03-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1000;
const MINUTE = 60_000;

let unique = 0;
/** A fresh account name per test, so tests share one database without seeing each other. */
const account = (name: string) => `${name}-${++unique}@example.gr`;

async function attempt(db: Db, email: string, address: string, when: Date, succeeded = false) {
  const reservation = await reserveLoginAttempt(db, { email, address }, { now: when });
  if (reservation.allowed) await settleLoginAttempt(db, { attemptId: reservation.attemptId, email, address, succeeded }, { now: when });
  return reservation;
}

async function fail(db: Db, email: string, address: string, when: Date, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) expect((await attempt(db, email, address, when)).allowed).toBe(true);
}

describe("progressive delay", () => {
  it("is free under the limit, then doubles from the base up to the cap", () => {
    const policy = DEFAULT_LOGIN_THROTTLE;
    const newest = T0.toISOString();
    expect(nextAllowedAt(4, newest, 5, policy)).toBe(0);
    expect(nextAllowedAt(5, newest, 5, policy)).toBe(T0.getTime() + MINUTE);
    expect(nextAllowedAt(6, newest, 5, policy)).toBe(T0.getTime() + 2 * MINUTE);
    expect(nextAllowedAt(8, newest, 5, policy)).toBe(T0.getTime() + 8 * MINUTE);
    expect(nextAllowedAt(9, newest, 5, policy)).toBe(T0.getTime() + 15 * MINUTE);
    expect(nextAllowedAt(500, newest, 5, policy)).toBe(T0.getTime() + 15 * MINUTE);
  });
});

describe.each(testEngines())("sign-in throttle (%s)", (engine) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(engine);
  });
  afterAll(async () => {
    await testDb.cleanup();
  });

  it("allows 5 failures per account, then makes each further attempt wait longer", async () => {
    const email = account("a");
    await fail(testDb.db, email, "10.0.0.1", T0, 4);
    expect(await checkLoginThrottle(testDb.db, { email, address: "10.0.0.1" }, { now: at(MINUTE) })).toEqual({ allowed: true });
    await fail(testDb.db, email, "10.0.0.1", at(2 * MINUTE));
    const verdict = await attempt(testDb.db, email, "10.0.0.9", at(2 * MINUTE + 10 * SECOND));
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 50, scope: "account" });
    // After the minute: one more try, then two minutes.
    await fail(testDb.db, email, "10.0.0.9", at(3 * MINUTE));
    expect(await attempt(testDb.db, email, "10.0.0.9", at(4 * MINUTE))).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    expect((await attempt(testDb.db, email, "10.0.0.9", at(5 * MINUTE))).allowed).toBe(true);
  });

  it("forgets failures once they leave the window", async () => {
    const email = account("old");
    await fail(testDb.db, email, "10.0.0.1", T0, 5);
    expect((await checkLoginThrottle(testDb.db, { email, address: "10.0.0.1" }, { now: at(30 * SECOND) })).allowed).toBe(false);
    expect((await checkLoginThrottle(testDb.db, { email, address: "10.0.0.1" }, { now: at(15 * MINUTE + SECOND) })).allowed).toBe(true);
  });

  it("limits one address to 20 failures across accounts", async () => {
    for (let i = 0; i < 20; i++) await fail(testDb.db, account("spray"), "203.0.113.5", at(i * SECOND));
    const verdict = await checkLoginThrottle(testDb.db, { email: account("fresh"), address: "203.0.113.5" }, { now: at(30 * SECOND) });
    expect(verdict).toMatchObject({ allowed: false, scope: "address" });
    expect((await checkLoginThrottle(testDb.db, { email: account("fresh"), address: "203.0.113.6" }, { now: at(30 * SECOND) })).allowed).toBe(true);
  });

  it("forgives the account's failures after a successful sign-in, not the address's", async () => {
    const email = account("ok");
    await fail(testDb.db, email, "10.0.0.1", T0, 4);
    await attempt(testDb.db, email, "10.0.0.1", T0, true);
    await fail(testDb.db, email, "10.0.0.2", at(SECOND), 4);
    expect((await checkLoginThrottle(testDb.db, { email, address: "10.0.0.3" }, { now: at(2 * SECOND) })).allowed).toBe(true);
  });

  it("keeps letting the owner in from an address that signed in before, whatever strangers guess", async () => {
    const email = account("admin");
    expect((await attempt(testDb.db, email, "10.0.0.1", T0, true)).allowed).toBe(true);
    for (let i = 0; i < 30; i++) await attempt(testDb.db, email, `198.51.100.${i}`, at(MINUTE + i * SECOND));
    expect((await checkLoginThrottle(testDb.db, { email, address: "198.51.100.200" }, { now: at(2 * MINUTE) })).allowed).toBe(false);
    expect((await attempt(testDb.db, email, "10.0.0.1", at(2 * MINUTE), true)).allowed).toBe(true);
  });

  it("lets no more than the limit through when attempts arrive all at once", async () => {
    const email = account("burst");
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(testDb.db, email, `192.0.2.${i}`, T0)));
    expect(results.filter((result) => result.allowed)).toHaveLength(DEFAULT_LOGIN_THROTTLE.perAccount);
  });

  it("is shared by every instance using the database", async () => {
    const other = openDatabase(testDb.url);
    try {
      const email = account("shared");
      await fail(testDb.db, email, "10.0.0.1", T0, 3);
      await fail(other, email, "10.0.0.2", T0, 2);
      expect((await checkLoginThrottle(other, { email, address: "10.0.0.3" }, { now: T0 })).allowed).toBe(false);
    } finally {
      await other.destroy();
    }
  });
});
