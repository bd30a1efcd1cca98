/**
 * Credentials: API keys bound to issuer VAT numbers (`VAT:key` pairs) and the bearer tokens
 * that /Authentication/login hands out. Tokens live in memory only; after a restart clients
 * log in again, as they would after the provider's tokens expire.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { normaliseVat } from "./afm";
import { newToken } from "./ids";

export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Constant-time comparison so the sandbox does not teach clients a timing side channel. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export class ApiKeyRegistry {
  private readonly pairs: { afm: string; key: string }[];

  /** `spec` is "VAT:key,VAT:key"; the VAT may carry an EL/GR prefix. */
  constructor(spec: string) {
    this.pairs = spec.split(",").map((pair) => pair.trim()).filter((pair) => pair !== "").map((pair) => {
      const colon = pair.indexOf(":");
      if (colon <= 0 || colon === pair.length - 1) throw new Error(`SANDBOX_API_KEYS: "${pair}" is not a VAT:key pair`);
      return { afm: normaliseVat(pair.slice(0, colon)), key: pair.slice(colon + 1).trim() };
    });
  }

  /** AFMs (normalised VATs) the key is issued to; empty for an unknown key. */
  afmsForKey(key: string): string[] {
    return this.pairs.filter((pair) => sameSecret(pair.key, key)).map((pair) => pair.afm);
  }

  afms(): string[] {
    return this.pairs.map((pair) => pair.afm);
  }
}

/** The body of /Authentication/login and /Authentication/Refresh (docs/reference/observed-uat.md §7). */
export interface TokenPair {
  accessToken: string;
  refreshToken: { token: string; expires: string; created: string };
}

/** "2026-04-18T22:49:47Z": UTC to the second, as the provider writes the refresh token's dates. */
function utcSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString("base64url");

interface Session {
  afm: string;
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
}

export class TokenStore {
  private readonly byAccess = new Map<string, Session>();
  private readonly byRefresh = new Map<string, Session>();
  /** Signs the access tokens; new on every start, like the sessions themselves. */
  private readonly secret = randomBytes(32);

  /** A JWT (HS256) whose payload carries the issuer VAT, `iat` and `exp`; the session's expiry is what counts. */
  private accessJwt(afm: string, nowMs: number, expiresAtMs: number): string {
    const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const payload = base64url(JSON.stringify({
      vat: afm, jti: randomBytes(8).toString("hex"), iat: Math.floor(nowMs / 1000),
      exp: Math.floor(nowMs / 1000) + Math.ceil((expiresAtMs - nowMs) / 1000),
    }));
    const signature = createHmac("sha256", this.secret).update(`${header}.${payload}`).digest("base64url");
    return `${header}.${payload}.${signature}`;
  }

  issue(afm: string, nowMs: number, ttlMs: number): TokenPair {
    const accessExpiresAt = nowMs + ttlMs;
    const session: Session = {
      afm, accessToken: this.accessJwt(afm, nowMs, accessExpiresAt), accessExpiresAt,
      refreshToken: newToken(), refreshExpiresAt: nowMs + REFRESH_TOKEN_TTL_MS,
    };
    this.byAccess.set(session.accessToken, session);
    this.byRefresh.set(session.refreshToken, session);
    return {
      accessToken: session.accessToken,
      refreshToken: { token: session.refreshToken, expires: utcSeconds(session.refreshExpiresAt), created: utcSeconds(nowMs) },
    };
  }

  afmForAccessToken(token: string, nowMs: number): string | null {
    const session = this.byAccess.get(token);
    return session !== undefined && nowMs < session.accessExpiresAt ? session.afm : null;
  }

  /**
   * Rotates a session. The caller proves possession with the session's access token (expired
   * is fine: refreshing is what one does when it expires) or with the refresh token itself,
   * because the provider's docs describe both.
   */
  refresh(refreshToken: string, bearer: string, nowMs: number, ttlMs: number): TokenPair | null {
    const session = this.byRefresh.get(refreshToken);
    if (session === undefined || nowMs >= session.refreshExpiresAt) return null;
    if (bearer !== session.accessToken && bearer !== session.refreshToken) return null;
    this.byAccess.delete(session.accessToken);
    this.byRefresh.delete(session.refreshToken);
    return this.issue(session.afm, nowMs, ttlMs);
  }
}

export function headerText(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text === "" ? undefined : text;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headerText(req, "authorization") ?? "");
  return match?.[1];
}

/** AFMs the request's APIKey header or bearer token speaks for; empty when neither is valid. */
export function credentialAfms(req: IncomingMessage, keys: ApiKeyRegistry, tokens: TokenStore, nowMs: number): string[] {
  const apiKey = headerText(req, "apikey");
  if (apiKey !== undefined) return keys.afmsForKey(apiKey);
  const token = bearerToken(req);
  const afm = token === undefined ? null : tokens.afmForAccessToken(token, nowMs);
  return afm === null ? [] : [afm];
}
