import "server-only";
import { sessionCookieHeader, isHttpsRequest } from "@/lib/auth/cookie";
import { DEFAULT_SESSION_POLICY } from "@/lib/auth/session";
import { UserChangeRefused } from "@/lib/auth/user-admin";
import { HttpError } from "@/lib/http/errors";
import { authT } from "@/lib/i18n/auth-messages";
import type { Locale } from "@/lib/i18n/locale";

/** `Set-Cookie` for a session just started by `req`: Secure when the request came over https. */
export function newSessionCookie(req: Request, token: string): string {
  return sessionCookieHeader(token, {
    secure: isHttpsRequest(req.url, req.headers),
    maxAgeSeconds: DEFAULT_SESSION_POLICY.absoluteMs / 1000,
  });
}

/** The HTTP answer to a refused user change: 404 unknown user, 409 e-mail taken or last admin. */
export function userChangeError(error: unknown, locale: Locale): unknown {
  if (!(error instanceof UserChangeRefused)) return error;
  if (error.code === "not_found") return new HttpError(404, "not_found", authT("auth.not_found", locale));
  return new HttpError(409, error.code, authT(error.code === "email_taken" ? "users.email_taken" : "users.last_admin", locale));
}
