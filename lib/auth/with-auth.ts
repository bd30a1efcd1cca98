import "server-only";
import { clearedSessionCookieHeader, isHttpsRequest, readCookie, sessionCookieName, sessionTokenOf } from "@/lib/auth/cookie";
import { auditRefusal, logRefusal } from "@/lib/audit/refusals";
import { userOfToken } from "@/lib/auth/request-user";
import { hasRole, type AuthUser, type Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/domain/errors";
import { errorResponse, withApi, type ApiContext } from "@/lib/http/api";

export interface AuthContext<P> extends ApiContext<P> {
  user: AuthUser;
  /** The caller's session token, e.g. to keep this session when ending a user's others. */
  sessionToken: string;
}

/**
 * Wraps a route handler that needs a signed-in user of at least `role` (viewer < clerk < admin):
 * 401 without a live session (logged), 403 for a lesser role (logged and audited), the handler
 * otherwise. Built on `withApi`, so the cross-origin guard, correlation id and error mapping come
 * with it; signed-in answers are never cached.
 *
 * ```ts
 * export const POST = withAuth({ role: "clerk" }, async ({ req, user }) => …);
 * ```
 */
export function withAuth<P = Record<string, never>>(
  options: { role: Role },
  handler: (ctx: AuthContext<P>) => Promise<Response>,
): (req: Request, route: { params: Promise<P> }) => Promise<Response> {
  return withApi<P>(async (ctx) => {
    const secure = isHttpsRequest(ctx.req.url, ctx.req.headers);
    const token = sessionTokenOf(ctx.req.headers, ctx.req.url);
    const user = token === undefined ? undefined : await userOfToken(token);
    const path = new URL(ctx.req.url).pathname;
    if (user === undefined || token === undefined) {
      logRefusal({ correlationId: ctx.correlationId, method: ctx.req.method, path, status: 401, reason: "unauthorized" });
      const refused = errorResponse(new AppError("unauthorized"), ctx.correlationId, ctx.locale);
      // A cookie that no longer opens anything is removed, so the browser stops sending it.
      if (readCookie(ctx.req.headers.get("cookie"), sessionCookieName(secure)) !== undefined) {
        refused.headers.set("Set-Cookie", clearedSessionCookieHeader({ secure }));
      }
      return refused;
    }
    if (!hasRole(user.role, options.role)) {
      await auditRefusal({ correlationId: ctx.correlationId, method: ctx.req.method, path, status: 403, reason: `forbidden:needs_${options.role}`, actor: user });
      throw new AppError("forbidden");
    }
    const response = await handler({ ...ctx, user, sessionToken: token });
    response.headers.set("Cache-Control", "no-store");
    return response;
  });
}
