/**
 * The session cookie: its name, its attributes and how to read it from a request. Pure, so
 * proxy.ts can use it without touching the database.
 */
import type { HeaderSource } from "@/lib/http/origin";

export const SESSION_COOKIE = "cd_session";

/**
 * The name over https. Browsers accept a `__Host-` cookie only when it is Secure, has Path=/
 * and no Domain, so a sibling sub-domain or a plain-http page cannot plant or overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** The session cookie's name for a request over https or not. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** A session token is 32 random bytes, base64url: 43 characters. Anything else is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** True when the request reached us over https (directly or as told by the reverse proxy). */
export function isHttpsRequest(url: string, headers: HeaderSource): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * `Set-Cookie` value of a new session: not readable by scripts, sent on top-level navigations
 * from elsewhere (Lax) but never on cross-site POSTs; over https Secure and `__Host-` named.
 */
export function sessionCookieHeader(token: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  const parts = [`${sessionCookieName(options.secure)}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.floor(options.maxAgeSeconds)}`];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookieHeader(options: { secure: boolean }): string {
  const parts = [`${sessionCookieName(options.secure)}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** The value of one cookie in a `Cookie` header, or undefined. */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/**
 * The session token a request carries, when it has the shape of one. Over https only the
 * `__Host-` cookie counts: a plain `cd_session` there may have been planted from a sub-domain.
 */
export function sessionTokenOf(headers: HeaderSource, url = ""): string | undefined {
  const token = readCookie(headers.get("cookie"), sessionCookieName(isHttpsRequest(url, headers)));
  return token !== undefined && TOKEN_PATTERN.test(token) ? token : undefined;
}

/** True when `token` has the shape of a session token. */
export function isWellFormedToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN_PATTERN.test(token);
}
