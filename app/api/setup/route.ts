import { ensureAuthReady } from "@/lib/auth/bootstrap";
import { parseBody, setupBodySchema } from "@/lib/auth/input";
import { newSessionCookie } from "@/lib/auth/responses";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { createSession } from "@/lib/auth/session";
import { forgetSetupToken, isValidSetupToken } from "@/lib/auth/setup-token";
import { createFirstAdmin, isFirstRun } from "@/lib/auth/user-admin";
import { getDb } from "@/lib/db";
import { json, readJsonBody, withApi } from "@/lib/http/api";
import { HttpError } from "@/lib/http/errors";
import { authT } from "@/lib/i18n/auth-messages";

// POST /api/setup — first run only, with the one-time token from the server log: creates the first
// admin and signs them in; 404 without the right token and once any user exists.
export const POST = withApi(async ({ req, correlationId, locale }) => {
  const db = getDb();
  await ensureAuthReady(db);
  const closed = () => new HttpError(404, "not_found", authT("auth.not_found", locale));
  if (!(await isFirstRun(db))) throw closed();
  const raw = await readJsonBody(req, 16_384);
  const given = typeof raw === "object" && raw !== null && "token" in raw ? raw.token : undefined;
  if (!(await isValidSetupToken(db, given))) throw closed();
  const { email, name, password } = parseBody(setupBodySchema, raw, locale);
  const user = await createFirstAdmin(db, { email, name, password, correlationId });
  if (user === undefined) throw closed();
  forgetSetupToken();
  const { token } = await createSession(db, { userId: user.id }, { secret: getSessionSecret() });
  return json({ user }, { status: 201, headers: { "Set-Cookie": newSessionCookie(req, token) } });
});
