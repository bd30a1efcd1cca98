import { ensureAuthReady } from "@/lib/auth/bootstrap";
import { clearedSessionCookieHeader, isHttpsRequest, sessionTokenOf } from "@/lib/auth/cookie";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { signOut } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db";
import { json, withApi } from "@/lib/http/api";

// POST /api/auth/logout — ends the session (its row is deleted) and removes the cookie; 200 even without one.
export const POST = withApi(async ({ req, correlationId }) => {
  const db = getDb();
  await ensureAuthReady(db);
  await signOut(db, { token: sessionTokenOf(req.headers, req.url), correlationId }, { secret: getSessionSecret() });
  const cookie = clearedSessionCookieHeader({ secure: isHttpsRequest(req.url, req.headers) });
  return json({ ok: true }, { headers: { "Set-Cookie": cookie } });
});
