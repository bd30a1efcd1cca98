/**
 * The session cookie: its name, its attributes and how to read it from a request. Pure, so
 * proxy.ts can use it without touching the database.
 */
import type { HeaderSource } from "@/lib/http/origin";

export const SESSION_COOKIE = "cd_session";

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
 * from elsewhere (Lax) but never on cross-site POSTs, Secure over https.
 */
export function sessionCookieHeader(token: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  const parts = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.floor(options.maxAgeSeconds)}`];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** `Set-Cookie` value that removes the session cookie. */
export function clearedSessionCookieHeader(options: { secure: boolean }): string {
  const parts = [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
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

/** The session token a request carries, when it has the shape of one. */
export function sessionTokenOf(headers: HeaderSource): string | undefined {
  const token = readCookie(headers.get("cookie"), SESSION_COOKIE);
  return token !== undefined && TOKEN_PATTERN.test(token) ? token : undefined;
}

/** True when `token` has the shape of a session token. */
export function isWellFormedToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN_PATTERN.test(token);
}
