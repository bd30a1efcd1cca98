import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSession, endSession, endSessionsOfUser, sessionIdOf, validateSession } from "@/lib/auth/session";
import { insertUser } from "@/lib/db/auth-queries";
import { openTestDb, type TestDb } from "@/tests/support/db";

const SECRET = "unit-test-session-secret-0123456789abcdef";
const T0 = new Date("2025-03-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

let testDb: TestDb;

async function addUser(id: string, disabled = 0): Promise<void> {
  await insertUser(testDb.db, {
    id, email: `${id}@example.gr`, name: id, role: "clerk", password_hash: "scrypt$x", disabled, created_at: T0.toISOString(),
  });
}

beforeAll(async () => {
  testDb = await openTestDb("sqlite");
});
afterAll(async () => {
  await testDb.cleanup();
});
beforeEach(async () => {
  await testDb.db.deleteFrom("sessions").execute();
  await testDb.db.deleteFrom("users").execute();
  await addUser("u1");
});

describe("sessions", () => {
  it("issues 256 random bits and stores only their keyed SHA-256 hash", async () => {
    const { token, expiresAt } = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(expiresAt.toISOString()).toBe(at(12 * 60 * MINUTE).toISOString());
    const rows = await testDb.db.selectFrom("sessions").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(sessionIdOf(token, SECRET));
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("gives a new id at every sign-in (no fixation) and finds the user by it", async () => {
    const first = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    const second = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    expect(second.token).not.toBe(first.token);
    expect(await validateSession(testDb.db, second.token, { secret: SECRET, now: at(MINUTE) })).toMatchObject({ id: "u1", role: "clerk" });
  });

  it("does not open with another secret (changing SESSION_SECRET signs everybody out)", async () => {
    const { token } = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    expect(await validateSession(testDb.db, token, { secret: `${SECRET}-rotated`, now: T0 })).toBeUndefined();
  });

  it("expires after 30 idle minutes, and activity slides the idle window", async () => {
    const { token } = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    expect(await validateSession(testDb.db, token, { secret: SECRET, now: at(29 * MINUTE) })).toBeDefined();
    // Seen at minute 29, so minute 58 is 29 idle minutes later: still alive.
    expect(await validateSession(testDb.db, token, { secret: SECRET, now: at(58 * MINUTE) })).toBeDefined();
    expect(await validateSession(testDb.db, token, { secret: SECRET, now: at(88 * MINUTE) })).toBeUndefined();
    expect(await testDb.db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
  });

  it("writes last_seen_at at most once a minute", async () => {
    const { token } = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    await validateSession(testDb.db, token, { secret: SECRET, now: at(30_000) });
    const row = await testDb.db.selectFrom("sessions").select("last_seen_at").executeTakeFirstOrThrow();
    expect(row.last_seen_at).toBe(T0.toISOString());
    await validateSession(testDb.db, token, { secret: SECRET, now: at(61_000) });
    const later = await testDb.db.selectFrom("sessions").select("last_seen_at").executeTakeFirstOrThrow();
    expect(later.last_seen_at).toBe(at(61_000).toISOString());
  });

  it("ends after 12 hours however active", async () => {
    const { token } = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      expect(await validateSession(testDb.db, token, { secret: SECRET, now: at(minute * MINUTE) })).toBeDefined();
    }
    expect(await validateSession(testDb.db, token, { secret: SECRET, now: at(12 * 60 * MINUTE) })).toBeUndefined();
  });

  it("ends with sign-out, and the old token no longer opens anything", async () => {
    const { token } = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    await endSession(testDb.db, token, { secret: SECRET });
    expect(await validateSession(testDb.db, token, { secret: SECRET, now: T0 })).toBeUndefined();
  });

  it("is refused for a disabled user", async () => {
    await addUser("u2", 1);
    const { token } = await createSession(testDb.db, { userId: "u2" }, { secret: SECRET, now: T0 });
    expect(await validateSession(testDb.db, token, { secret: SECRET, now: T0 })).toBeUndefined();
  });

  it("ends all of a user's sessions except the one named", async () => {
    const a = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    const b = await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    await endSessionsOfUser(testDb.db, { userId: "u1", exceptToken: b.token }, { secret: SECRET });
    expect(await validateSession(testDb.db, a.token, { secret: SECRET, now: T0 })).toBeUndefined();
    expect(await validateSession(testDb.db, b.token, { secret: SECRET, now: T0 })).toBeDefined();
  });

  it("ignores tokens that do not have the shape of one, without a query", async () => {
    for (const token of [undefined, "", "short", "' OR 1=1 --".padEnd(43, "x"), "A".repeat(44)]) {
      expect(await validateSession(testDb.db, token, { secret: SECRET, now: T0 })).toBeUndefined();
    }
  });

  it("clears stale sessions of others when a new one starts", async () => {
    await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: T0 });
    await createSession(testDb.db, { userId: "u1" }, { secret: SECRET, now: at(31 * MINUTE) });
    expect(await testDb.db.selectFrom("sessions").selectAll().execute()).toHaveLength(1);
  });
});
