import "server-only";
import {
  deleteLoginFailures,
  insertLoginFailure,
  listRecentLoginFailures,
  pruneLoginFailures,
} from "@/lib/db/auth-queries";
import type { Db } from "@/lib/db/schema";

/** Failed sign-ins allowed inside a sliding window, per account and per network address. */
export interface LoginThrottlePolicy {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: "account" | "address" };

const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `address:${address}`;

/**
 * When `key` may try again: once its `limit`-th newest failure leaves the window, fewer than
 * `limit` remain. Undefined while it is under the limit.
 */
async function blockedUntil(db: Db, key: string, limit: number, now: Date, windowMs: number): Promise<number | undefined> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  const recent = await listRecentLoginFailures(db, { key, since, limit });
  const oldestCounted = recent[limit - 1];
  return recent.length >= limit && oldestCounted !== undefined ? Date.parse(oldestCounted) + windowMs : undefined;
}

/**
 * May this account, from this address, try to sign in now? Failures live in the database, so
 * the limit holds across instances and restarts. Checked before the password is, so a locked
 * account does not reveal whether a guess was right.
 */
export async function checkLoginThrottle(
  db: Db,
  params: { email: string; address: string },
  options: { now?: Date; policy?: LoginThrottlePolicy } = {},
): Promise<ThrottleVerdict> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? DEFAULT_LOGIN_THROTTLE;
  const account = await blockedUntil(db, accountKey(params.email), policy.perAccount, now, policy.windowMs);
  const address = await blockedUntil(db, addressKey(params.address), policy.perAddress, now, policy.windowMs);
  const until = Math.max(account ?? 0, address ?? 0);
  if (until <= now.getTime()) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
    scope: (account ?? 0) >= (address ?? 0) ? "account" : "address",
  };
}

/** Counts one failed sign-in against the account and the address; drops failures older than the window. */
export async function recordLoginFailure(
  db: Db,
  params: { email: string; address: string },
  options: { now?: Date; policy?: LoginThrottlePolicy } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? DEFAULT_LOGIN_THROTTLE;
  const at = now.toISOString();
  await insertLoginFailure(db, { key: accountKey(params.email), at });
  await insertLoginFailure(db, { key: addressKey(params.address), at });
  await pruneLoginFailures(db, { before: new Date(now.getTime() - policy.windowMs).toISOString() });
}

/** A successful sign-in clears the account's failures (the address keeps its count). */
export async function clearAccountFailures(db: Db, params: { email: string }): Promise<void> {
  await deleteLoginFailures(db, { key: accountKey(params.email) });
}
