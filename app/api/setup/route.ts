import { ensureAuthReady } from "@/lib/auth/bootstrap";
import { setupBodySchema, userFields } from "@/lib/auth/input";
import { newSessionCookie } from "@/lib/auth/responses";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { createSession } from "@/lib/auth/session";
import { forgetSetupToken, isValidSetupToken } from "@/lib/auth/setup-token";
import { createFirstAdmin, isFirstRun } from "@/lib/auth/user-admin";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { json, readJsonBody, withApi } from "@/lib/http/api";
import { parseOrFail } from "@/lib/validation/parse";

// POST /api/setup — first run only, with the one-time token from the server log: creates the first
// admin and signs them in; 404 without the right token and once any user exists.
export const POST = withApi(async ({ req, correlationId, locale }) => {
  const db = getDb();
  await ensureAuthReady(db);
  const closed = () => new AppError("not_found", { subject: "page" });
  if (!(await isFirstRun(db))) throw closed();
  const raw = await readJsonBody(req, 16_384);
  const given = typeof raw === "object" && raw !== null && "token" in raw ? raw.token : undefined;
  if (!(await isValidSetupToken(db, given))) throw closed();
  const body = parseOrFail(setupBodySchema, raw, locale, userFields);
  const user = await createFirstAdmin(db, { ...body, correlationId });
  if (user === undefined) throw closed();
  forgetSetupToken();
  const { token } = await createSession(db, { userId: user.id }, { secret: getSessionSecret() });
  return json({ user }, { status: 201, headers: { "Set-Cookie": newSessionCookie(req, token) } });
});
