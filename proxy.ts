import { NextResponse, type NextRequest } from "next/server";
import { isPublicApiPath, isPublicPage } from "@/lib/auth/access-policy";
import { isHttpsRequest, sessionTokenOf } from "@/lib/auth/cookie";
import { logRefusal } from "@/lib/audit/refusal-log";
import { checkOrigin } from "@/lib/http/origin";
import { statusOf } from "@/lib/http/status";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/auth/security-headers";
import { getEnv } from "@/lib/env";
import { errorText } from "@/lib/i18n/error-messages";
import { localeFromAcceptLanguage } from "@/lib/i18n/locale";

/**
 * Runs before every page and API request (not static assets). Defence in depth only — every
 * route handler and server page checks the session and role itself:
 * - security headers, and a Content-Security-Policy with a fresh nonce that Next puts on its own
 *   scripts (it reads the policy from the request headers set here);
 * - state-changing requests from another origin are refused (403, logged and audited);
 * - requests without a session cookie are turned away from non-public API routes (401, logged) and
 *   pages (redirect to /login). Whether the cookie is valid is decided by the handler or page.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const https = isHttpsRequest(request.url, request.headers);
  const { pathname } = request.nextUrl;
  const back = new URL(request.nextUrl.href);
  back.searchParams.delete("_rsc");
  const requestPath = `${back.pathname}${back.search}`;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const hasSessionCookie = sessionTokenOf(request.headers, request.url) !== undefined;
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, development: getEnv().nodeEnv === "development", https });

  const finish = (response: NextResponse): NextResponse => {
    response.headers.set("Content-Security-Policy", csp);
    for (const [name, value] of Object.entries(staticSecurityHeaders({ https }))) response.headers.set(name, value);
    if (hasSessionCookie || isApi) response.headers.set("Cache-Control", "no-store");
    return response;
  };
  // Answered like lib/http's error mapper: the same status table and catalogue.
  const correlationId = crypto.randomUUID();
  const refuse = (code: "cross_origin" | "unauthorized") => {
    const response = NextResponse.json({ error: { code, message: errorText(code, locale) }, correlationId }, { status: statusOf(code) });
    response.headers.set("X-Correlation-Id", correlationId);
    return finish(response);
  };

  const origin = checkOrigin(request, { appUrl: getEnv().appUrl });
  if (!origin.ok) {
    const refusal = { correlationId, method: request.method, path: pathname, status: 403 as const, reason: `cross_origin:${origin.reason}` };
    // Loaded only here: the audit write needs the database, which most requests through here do not.
    const { auditRefusal } = await import("@/lib/audit/refusals");
    await auditRefusal(refusal);
    return refuse("cross_origin");
  }
  if (isApi && !hasSessionCookie && !isPublicApiPath(pathname)) {
    logRefusal({ correlationId, method: request.method, path: pathname, status: 401, reason: "unauthorized" });
    return refuse("unauthorized");
  }
  if (!isApi && !hasSessionCookie && !isPublicPage(pathname)) {
    const login = new URL("/login", request.url);
    if (requestPath !== "/") login.searchParams.set("next", requestPath);
    // Next sends a same-origin redirect as a relative Location, so the visitor stays on the host they used.
    return finish(NextResponse.redirect(login));
  }

  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);
  forwarded.set("x-request-path", requestPath);
  return finish(NextResponse.next({ request: { headers: forwarded } }));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
