import "server-only";
import { ensureAuthReady } from "@/lib/auth/bootstrap";
import { isWellFormedToken, sessionTokenOf } from "@/lib/auth/cookie";
import type { HeaderSource } from "@/lib/http/origin";
import type { AuthUser } from "@/lib/auth/roles";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { validateSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

/** The user behind a session token (from a cookie), or undefined; the session slides forward. */
export async function userOfToken(token: string | undefined): Promise<AuthUser | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const db = getDb();
  await ensureAuthReady(db);
  return validateSession(db, token, { secret: getSessionSecret() });
}

/** The signed-in user of a request, by its session cookie (`__Host-cd_session` over https). */
export async function userOfRequest(headers: HeaderSource): Promise<AuthUser | undefined> {
  return userOfToken(sessionTokenOf(headers));
}
