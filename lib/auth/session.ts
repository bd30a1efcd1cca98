import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { isWellFormedToken } from "@/lib/auth/cookie";
import type { AuthUser } from "@/lib/auth/roles";
import {
  deleteSession,
  deleteSessionsOfUser,
  deleteStaleSessions,
  findSessionWithUser,
  insertSession,
  touchSession,
} from "@/lib/db/auth-queries";
import type { Db } from "@/lib/db/schema";

/** How long sessions live. */
export interface SessionPolicy {
  /** Signed out after this long without a request (sliding). */
  idleMs: number;
  /** Signed out this long after sign-in, however active. */
  absoluteMs: number;
  /** `last_seen_at` is rewritten at most this often, to spare a write per request. */
  touchEveryMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  touchEveryMs: 60_000,
};

/** What the caller needs to hash tokens and tell the time (both injectable for tests). */
export interface SessionDeps {
  secret: string;
  now?: Date;
  policy?: SessionPolicy;
}

/**
 * The row id of a token: HMAC-SHA-256 under the session secret. The cookie holds the token, the
 * database only its keyed hash, so a copy of the sessions table opens nothing.
 */
export function sessionIdOf(token: string, secret: string): string {
  return createHmac("sha256", secret).update(token).digest("hex");
}

/** Starts a session for `userId`: 256 random bits, new at every sign-in (no fixation). */
export async function createSession(
  db: Db,
  params: { userId: string },
  deps: SessionDeps,
): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.now ?? new Date();
  const policy = deps.policy ?? DEFAULT_SESSION_POLICY;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await deleteStaleSessions(db, { now: now.toISOString(), idleSince: new Date(now.getTime() - policy.idleMs).toISOString() });
  await insertSession(db, {
    id: sessionIdOf(token, deps.secret),
    user_id: params.userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
  });
  return { token, expiresAt };
}

/**
 * The user a token stands for, or undefined when the session is unknown, past its absolute
 * expiry, idle too long or its user disabled; dead sessions are deleted on sight. A live session's
 * `last_seen_at` slides forward.
 */
export async function validateSession(db: Db, token: string | undefined, deps: SessionDeps): Promise<AuthUser | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const now = deps.now ?? new Date();
  const policy = deps.policy ?? DEFAULT_SESSION_POLICY;
  const id = sessionIdOf(token, deps.secret);
  const row = await findSessionWithUser(db, { id });
  if (row === undefined) return undefined;
  const lastSeen = Date.parse(row.last_seen_at);
  const expired =
    now.getTime() >= Date.parse(row.expires_at) ||
    now.getTime() - lastSeen >= policy.idleMs ||
    Number(row.disabled) !== 0;
  if (expired) {
    await deleteSession(db, { id });
    return undefined;
  }
  if (now.getTime() - lastSeen >= policy.touchEveryMs) await touchSession(db, { id, at: now.toISOString() });
  return { id: row.user_id, email: row.email, name: row.name, role: row.role };
}

/** Ends the session of `token` (sign-out); unknown tokens are ignored. */
export async function endSession(db: Db, token: string | undefined, deps: Pick<SessionDeps, "secret">): Promise<void> {
  if (!isWellFormedToken(token)) return;
  await deleteSession(db, { id: sessionIdOf(token, deps.secret) });
}

/** Ends every session of a user, except optionally the one making the change. */
export async function endSessionsOfUser(
  db: Db,
  params: { userId: string; exceptToken?: string },
  deps: Pick<SessionDeps, "secret">,
): Promise<void> {
  const exceptId = isWellFormedToken(params.exceptToken) ? sessionIdOf(params.exceptToken, deps.secret) : undefined;
  await deleteSessionsOfUser(db, { userId: params.userId, exceptId });
}
