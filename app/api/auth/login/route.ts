import { ensureAuthReady } from "@/lib/auth/bootstrap";
import { clientAddress } from "@/lib/auth/client-address";
import { sessionTokenOf } from "@/lib/auth/cookie";
import { loginBodySchema, userFields } from "@/lib/auth/input";
import { logRefusal } from "@/lib/audit/refusals";
import { newSessionCookie } from "@/lib/auth/responses";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { signIn } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { getEnv } from "@/lib/env";
import { json, readJsonBody, withApi } from "@/lib/http/api";
import { parseOrFail } from "@/lib/validation/parse";

// POST /api/auth/login — e-mail + password → 200 with a new session cookie, 401, or 429 with Retry-After.
export const POST = withApi(async ({ req, correlationId, locale }) => {
  const db = getDb();
  await ensureAuthReady(db);
  const body = parseOrFail(loginBodySchema, await readJsonBody(req, 16_384), locale, userFields);
  const result = await signIn(
    db,
    { ...body, address: clientAddress(req.headers, { trustProxy: getEnv().trustProxy }), previousToken: sessionTokenOf(req.headers, req.url), correlationId },
    { secret: getSessionSecret() },
  );
  if (result.ok) {
    return json({ user: result.user }, { headers: { "Set-Cookie": newSessionCookie(req, result.token) } });
  }
  if (result.status === 429) {
    logRefusal({ correlationId, method: "POST", path: "/api/auth/login", status: 429, reason: "rate_limited" });
    throw new AppError("rate_limited", { minutes: Math.ceil(result.retryAfterSeconds / 60), retryAfterSeconds: result.retryAfterSeconds });
  }
  throw new AppError("invalid_credentials");
});
