import "server-only";
import { isJsonObject, parseJsonObject, readField, readText } from "@/lib/provider/impact/response-fields";

/*
 * Bearer mode (IMPACT_AUTH=bearer; docs/reference/observed-uat.md §7, docs/reference/impact-api.md §2):
 *   POST {base}/Authentication/login {key, vat} → {accessToken: JWT (900 s), refreshToken: {token, expires} (7 days)}
 *   POST {base}/Authentication/Refresh, body the refresh token as a JSON string,
 *        Authorization: Bearer <current access token> → the same shape
 */

/** Default lifetimes when an answer does not state them. */
const ACCESS_TOKEN_MS = 900_000;
const REFRESH_TOKEN_MS = 7 * 24 * 60 * 60 * 1000;
/** A token this close to its expiry is renewed before use. */
export const RENEW_MARGIN_MS = 60_000;

export interface TokenPair {
  accessToken: string;
  accessExpiresAtMs: number;
  refreshToken: string | null;
  refreshExpiresAtMs: number;
}

/** The outcome of a login or refresh call. `connected` as in TransportFailure: false = nothing reached the provider. */
export type TokenCallResult =
  | { ok: true; pair: TokenPair }
  | { ok: false; httpStatus: number | null; message: string; connected: boolean };

/** The two calls the token keeper makes; the client implements them over HTTP. */
export interface TokenEndpoints {
  login(vat: string): Promise<TokenCallResult>;
  refresh(pair: TokenPair): Promise<TokenCallResult>;
}

/**
 * Reads a login or refresh answer. `refreshToken` is an object `{token, expires}` on UAT; a plain
 * string is accepted too. The access token's lifetime comes from its JWT `exp`, else `expiresIn`,
 * else 900 s. Null when there is no access token.
 */
export function readTokenAnswer(bodyText: string, nowMs: number): TokenPair | null {
  const body = parseJsonObject(bodyText);
  if (body === null) return null;
  const accessToken = readText(body, "accessToken", "access_token");
  if (accessToken === undefined) return null;
  const refresh = readField(body, "refreshToken", "refresh_token");
  const refreshToken = typeof refresh === "string" ? refresh : isJsonObject(refresh) ? (readText(refresh, "token") ?? null) : null;
  const refreshExpires = isJsonObject(refresh) ? Date.parse(readText(refresh, "expires") ?? "") : Number.NaN;
  const expiresIn = Number(readText(body, "expiresIn", "expires_in"));
  const accessExpiresAtMs = jwtExpiryMs(accessToken) ?? (Number.isFinite(expiresIn) && expiresIn > 0 ? nowMs + expiresIn * 1000 : nowMs + ACCESS_TOKEN_MS);
  return {
    accessToken,
    accessExpiresAtMs,
    refreshToken,
    refreshExpiresAtMs: Number.isFinite(refreshExpires) ? refreshExpires : nowMs + REFRESH_TOKEN_MS,
  };
}

function jwtExpiryMs(token: string): number | null {
  const payload = token.split(".")[1];
  if (payload === undefined) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const exp = isJsonObject(claims) ? claims.exp : undefined;
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

interface Slot {
  pair: TokenPair | null;
  inFlight: Promise<TokenCallResult> | null;
}

/**
 * Keeps one access token per issuer VAT. Concurrent callers share a single login (or refresh)
 * promise; a token is refreshed shortly before it expires, and a refresh that fails (or an
 * expired refresh token) falls back to a new login.
 */
export class BearerTokens {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly endpoints: TokenEndpoints,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A usable access token for `vat`. */
  token(vat: string): Promise<TokenCallResult> {
    const slot = this.slotOf(vat);
    const now = this.clock();
    if (slot.pair !== null && slot.pair.accessExpiresAtMs - RENEW_MARGIN_MS > now) return Promise.resolve({ ok: true, pair: slot.pair });
    if (slot.inFlight !== null) return slot.inFlight;
    const held = slot.pair;
    slot.inFlight = this.renew(vat, held, now).then((result) => {
      slot.inFlight = null;
      slot.pair = result.ok ? result.pair : null;
      return result;
    });
    return slot.inFlight;
  }

  /** Forgets `accessToken` after the provider refused it (401), so the next call logs in again. */
  invalidate(vat: string, accessToken: string): void {
    const slot = this.slotOf(vat);
    if (slot.pair?.accessToken === accessToken) slot.pair = null;
  }

  private async renew(vat: string, held: TokenPair | null, now: number): Promise<TokenCallResult> {
    if (held?.refreshToken != null && held.refreshExpiresAtMs - RENEW_MARGIN_MS > now) {
      const refreshed = await this.endpoints.refresh(held);
      if (refreshed.ok) return refreshed;
    }
    return this.endpoints.login(vat);
  }

  private slotOf(vat: string): Slot {
    const key = vat.trim().toUpperCase();
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = { pair: null, inFlight: null };
      this.slots.set(key, slot);
    }
    return slot;
  }
}
