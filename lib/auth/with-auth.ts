import "server-only";
import { clearedSessionCookieHeader, isHttpsRequest, readCookie, SESSION_COOKIE, sessionTokenOf } from "@/lib/auth/cookie";
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
 * 401 without a live session, 403 for a lesser role, the handler otherwise. Built on `withApi`,
 * so the cross-origin guard, correlation id and error mapping come with it; signed-in answers
 * are never cached.
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
    const token = sessionTokenOf(ctx.req.headers);
    const user = token === undefined ? undefined : await userOfToken(token);
    if (user === undefined || token === undefined) {
      const refused = errorResponse(new AppError("unauthorized"), ctx.correlationId, ctx.locale);
      // A cookie that no longer opens anything is removed, so the browser stops sending it.
      if (readCookie(ctx.req.headers.get("cookie"), SESSION_COOKIE) !== undefined) {
        refused.headers.set("Set-Cookie", clearedSessionCookieHeader({ secure: isHttpsRequest(ctx.req.url, ctx.req.headers) }));
      }
      return refused;
    }
    if (!hasRole(user.role, options.role)) throw new AppError("forbidden");
    const response = await handler({ ...ctx, user, sessionToken: token });
    response.headers.set("Cache-Control", "no-store");
    return response;
  });
}
