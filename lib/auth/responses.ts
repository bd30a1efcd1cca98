import "server-only";
import { sessionCookieHeader, isHttpsRequest } from "@/lib/auth/cookie";
import { DEFAULT_SESSION_POLICY } from "@/lib/auth/session";

/** `Set-Cookie` for a session just started by `req`: Secure when the request came over https. */
export function newSessionCookie(req: Request, token: string): string {
  return sessionCookieHeader(token, {
    secure: isHttpsRequest(req.url, req.headers),
    maxAgeSeconds: DEFAULT_SESSION_POLICY.absoluteMs / 1000,
  });
}
