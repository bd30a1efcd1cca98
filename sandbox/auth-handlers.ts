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
  replyJson(ex, 200, ex.ctx.tokens.issue(afm, Date.now()), "login");
}

/** The body is a bare JSON string holding the refresh token (an object with refreshToken is accepted too). */
function readRefreshToken(value: unknown): string | undefined {
  if (typeof value === "string") return asText(value);
  return asText(getField(value, "refreshToken"));
}

export async function handleRefresh(ex: Exchange): Promise<void> {
  const parsed = parseJsonBody(await readBody(ex.req));
  const refreshToken = parsed.ok ? readRefreshToken(parsed.value) : undefined;
  const bearer = bearerToken(ex.req);
  if (refreshToken === undefined || bearer === undefined) return replyUnauthorized(ex);
  const pair = ex.ctx.tokens.refresh(refreshToken, bearer, Date.now());
  if (pair === null) return replyUnauthorized(ex);
  replyJson(ex, 200, pair, "refresh");
}
