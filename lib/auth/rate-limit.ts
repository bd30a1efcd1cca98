import "server-only";
import { randomUUID } from "node:crypto";
import {
  countUnsuccessfulLoginAttempts,
  findLastLoginSuccess,
  insertLoginAttempt,
  insertLoginAttemptResult,
  lockLoginKeys,
  pruneLoginAttempts,
} from "@/lib/db/auth-queries";
import { ATTEMPT_RETENTION_DAYS } from "@/lib/db/migrations/007-append-only";
import type { Db } from "@/lib/db/schema";

/**
 * Sign-in throttle. Inside the window, an account may fail `perAccount` times and an address
 * `perAddress` times freely; after that each further attempt must wait a delay that doubles with
 * every failure (from `baseDelayMs` up to `maxDelayMs`) after the newest one. Nobody is locked
 * out for good, and guessing stays slow.
 */
export interface LoginThrottlePolicy {
  windowMs: number;
  perAccount: number;
  perAddress: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 20,
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
};

const DAY_MS = 24 * 60 * 60_000;
/** An address that signed in to an account within this long counts as known to it. */
const KNOWN_ADDRESS_MS = ATTEMPT_RETENTION_DAYS * DAY_MS;

export type ThrottleScope = "account" | "address";

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: ThrottleScope };

/** A sign-in attempt that the throttle let through: its id, to settle once the password is checked. */
export type LoginReservation = { allowed: true; attemptId: string } | Extract<ThrottleVerdict, { allowed: false }>;

/**
 * The moment (ms) from which one more attempt is allowed after `count` unsuccessful ones, the
 * newest at `newestAt`; 0 while under the free limit. Pure.
 */
export function nextAllowedAt(count: number, newestAt: string | undefined, limit: number, policy: LoginThrottlePolicy): number {
  if (count < limit || newestAt === undefined) return 0;
  const delay = Math.min(policy.baseDelayMs * 2 ** Math.min(count - limit, 30), policy.maxDelayMs);
  return Date.parse(newestAt) + delay;
}

async function verdictOf(
  db: Db,
  params: { email: string; address: string },
  now: Date,
  policy: LoginThrottlePolicy,
): Promise<ThrottleVerdict> {
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
  const knownSince = new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString();
  // An address this account signed in from before counts only its own failures against the
  // account, so strangers' guesses cannot keep the account's owner out.
  const isKnownAddress = (await findLastLoginSuccess(db, { account: params.email, address: params.address, since: knownSince })) !== undefined;
  const lastSuccess = await findLastLoginSuccess(db, { account: params.email, since: windowStart });
  const accountSince = lastSuccess !== undefined && lastSuccess > windowStart ? lastSuccess : windowStart;
  const account = await countUnsuccessfulLoginAttempts(db, {
    account: params.email,
    address: isKnownAddress ? params.address : undefined,
    since: accountSince,
  });
  const address = await countUnsuccessfulLoginAttempts(db, { address: params.address, since: windowStart });
  const accountUntil = nextAllowedAt(account.count, account.newestAt, policy.perAccount, policy);
  const addressUntil = nextAllowedAt(address.count, address.newestAt, policy.perAddress, policy);
  const until = Math.max(accountUntil, addressUntil);
  if (until <= now.getTime()) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
    scope: accountUntil >= addressUntil ? "account" : "address",
  };
}

/**
 * May this account, from this address, try to sign in now? Read-only; `reserveLoginAttempt` is
 * what sign-in uses.
 */
export async function checkLoginThrottle(
  db: Db,
  params: { email: string; address: string },
  options: { now?: Date; policy?: LoginThrottlePolicy } = {},
): Promise<ThrottleVerdict> {
  return verdictOf(db, params, options.now ?? new Date(), options.policy ?? DEFAULT_LOGIN_THROTTLE);
}

/**
 * Checks the throttle and, when allowed, records the attempt — in one transaction holding the
 * account's and address's lock, so parallel attempts are counted one after another and no more
 * than the limit get through. The attempt counts as unsuccessful until `settleLoginAttempt`
 * says otherwise, so a guess being verified already uses up its place. Before the password is
 * looked at, so a throttled attempt reveals nothing about it.
 */
export async function reserveLoginAttempt(
  db: Db,
  params: { email: string; address: string },
  options: { now?: Date; policy?: LoginThrottlePolicy } = {},
): Promise<LoginReservation> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? DEFAULT_LOGIN_THROTTLE;
  return db.transaction().execute(async (tx) => {
    await lockLoginKeys(tx, { keys: [`account:${params.email}`, `address:${params.address}`] });
    const verdict = await verdictOf(tx, params, now, policy);
    if (!verdict.allowed) return verdict;
    const attemptId = randomUUID();
    await insertLoginAttempt(tx, { id: attemptId, account: params.email, address: params.address, at: now.toISOString() });
    return { allowed: true, attemptId };
  });
}

/**
 * Records how a reserved attempt ended. A success forgives the account's earlier failures (the
 * address keeps its count) and makes the address known to the account. Successes also prune
 * attempts past the retention.
 */
export async function settleLoginAttempt(
  db: Db,
  params: { attemptId: string; email: string; address: string; succeeded: boolean },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  await insertLoginAttemptResult(db, {
    attempt_id: params.attemptId,
    account: params.email,
    address: params.address,
    succeeded: params.succeeded ? 1 : 0,
    at: now.toISOString(),
  });
  if (params.succeeded) {
    // The triggers allow deleting only rows older than the retention by the database's clock.
    const before = new Date(Math.min(now.getTime(), Date.now()) - KNOWN_ADDRESS_MS - DAY_MS).toISOString();
    await pruneLoginAttempts(db, { before });
  }
}
