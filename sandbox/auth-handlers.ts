/** POST /Authentication/login and /Authentication/Refresh — bearer tokens for the issuer a key belongs to. */
import { normaliseVat } from "./afm";
import { replyUnauthorized } from "./answers";
import { bearerToken } from "./auth";
import { parseJsonBody, readBody, replyJson, type Exchange } from "./exchange";
import { asText, getField, isObject } from "./json-fields";

export async function handleLogin(ex: Exchange): Promise<void> {
  const parsed = parseJsonBody(await readBody(ex.req));
  const body = parsed.ok && isObject(parsed.value) ? parsed.value : {};
  const vat = asText(getField(body, "vat"));
  const key = asText(getField(body, "key"));
  if (vat === undefined || key === undefined) return replyUnauthorized(ex);
  const afm = normaliseVat(vat);
  if (!ex.ctx.keys.afmsForKey(key).includes(afm)) return replyUnauthorized(ex);
  replyJson(ex, 200, ex.ctx.tokens.issue(afm, Date.now(), ex.ctx.settings.accessTokenTtlMs), "login");
}

/**
 * The body is a bare JSON string holding the refresh token (samples/authentication-refresh-request.json);
 * `{ refreshToken }` or `{ refreshToken: { token } }` are accepted too.
 */
function readRefreshToken(value: unknown): string | undefined {
  if (typeof value === "string") return asText(value);
  const field = getField(value, "refreshToken");
  return asText(field) ?? asText(getField(field, "token"));
}

export async function handleRefresh(ex: Exchange): Promise<void> {
  const parsed = parseJsonBody(await readBody(ex.req));
  const refreshToken = parsed.ok ? readRefreshToken(parsed.value) : undefined;
  const bearer = bearerToken(ex.req);
  if (refreshToken === undefined || bearer === undefined) return replyUnauthorized(ex);
  const pair = ex.ctx.tokens.refresh(refreshToken, bearer, Date.now(), ex.ctx.settings.accessTokenTtlMs);
  if (pair === null) return replyUnauthorized(ex);
  replyJson(ex, 200, pair, "refresh");
}
