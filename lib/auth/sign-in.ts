import "server-only";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/audit/audit";
import { normalizeEmail } from "@/lib/auth/input";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { reserveLoginAttempt, settleLoginAttempt, type LoginThrottlePolicy } from "@/lib/auth/rate-limit";
import type { AuthUser } from "@/lib/auth/roles";
import { createSession, endSession, validateSession, type SessionPolicy } from "@/lib/auth/session";
import { findUserByEmail } from "@/lib/db/auth-queries";
import type { Db } from "@/lib/db/schema";

export type SignInResult =
  | { ok: true; user: AuthUser; token: string; expiresAt: Date }
  | { ok: false; status: 401 }
  | { ok: false; status: 429; retryAfterSeconds: number };

export interface SignInDeps {
  secret: string;
  now?: Date;
  session?: SessionPolicy;
  throttle?: LoginThrottlePolicy;
}

/**
 * Checks an e-mail and password and starts a fresh session. The attempt is first reserved with
 * the throttle (counted and checked in one step, so parallel guesses cannot overtake the limit);
 * an unknown e-mail costs as much time as a wrong password; a disabled account fails like a
 * wrong password. Whatever session the browser brought is ended (a sign-in never keeps an id
 * chosen before it). Every outcome is audited with the e-mail tried.
 */
export async function signIn(
  db: Db,
  params: { email: string; password: string; address: string; previousToken?: string; correlationId: string },
  deps: SignInDeps,
): Promise<SignInResult> {
  const now = deps.now ?? new Date();
  const email = normalizeEmail(params.email);
  const audit = (action: string, detail: Record<string, unknown>) =>
    recordAudit(db, { actor: email, action, target: email, detail: { address: params.address, ...detail }, correlationId: params.correlationId }, now);

  const throttle = await reserveLoginAttempt(db, { email, address: params.address }, { now, policy: deps.throttle });
  if (!throttle.allowed) {
    await audit(AUDIT_ACTIONS.loginThrottled, { scope: throttle.scope });
    return { ok: false, status: 429, retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const user = email === "" ? undefined : await findUserByEmail(db, { email });
  const passwordOk = user === undefined ? await verifyAgainstDummy(params.password) : await verifyPassword(params.password, user.password_hash);
  const succeeded = user !== undefined && passwordOk && Number(user.disabled) === 0;
  await settleLoginAttempt(db, { attemptId: throttle.attemptId, email, address: params.address, succeeded }, { now });
  if (!succeeded) {
    const reason = user === undefined ? "unknown_user" : !passwordOk ? "wrong_password" : "disabled";
    await audit(AUDIT_ACTIONS.loginFailed, { reason });
    return { ok: false, status: 401 };
  }

  if (params.previousToken !== undefined) await endSession(db, params.previousToken, deps);
  const { token, expiresAt } = await createSession(db, { userId: user.id }, { secret: deps.secret, now, policy: deps.session });
  await audit(AUDIT_ACTIONS.login, {});
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, token, expiresAt };
}

/** Ends the session of `token`, auditing who signed out; a token that opens nothing is ignored. */
export async function signOut(
  db: Db,
  params: { token: string | undefined; correlationId: string },
  deps: { secret: string; now?: Date; session?: SessionPolicy },
): Promise<AuthUser | undefined> {
  if (params.token === undefined) return undefined;
  const user = await validateSession(db, params.token, deps);
  await endSession(db, params.token, deps);
  if (user !== undefined) {
    await recordAudit(db, { actor: user, action: AUDIT_ACTIONS.logout, target: user.email, correlationId: params.correlationId }, deps.now);
  }
  return user;
}
