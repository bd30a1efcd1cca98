import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { sessionTokenOf } from "@/lib/auth/cookie";
import { userOfToken } from "@/lib/auth/request-user";
import { safeReturnPath } from "@/lib/auth/return-path";
import { hasRole, type AuthUser, type Role } from "@/lib/auth/roles";

export { safeReturnPath };

/** proxy.ts passes the requested path here, so sign-in can come back to it. */
export const REQUEST_PATH_HEADER = "x-request-path";

/** The signed-in user of the request being rendered, looked up once per render. */
export const getCurrentUser = cache(async (): Promise<AuthUser | undefined> => {
  const token = sessionTokenOf(await headers());
  return userOfToken(token);
});

/**
 * For server pages and layouts: the signed-in user of at least `role`. Without a session it
 * redirects to /login (and back afterwards); a lesser role gets the 404 page, so a viewer does not
 * even learn which admin pages exist. Call it in every page, not only the layout: a page can be
 * fetched on its own during client-side navigation.
 */
export async function requireUser(options: { role: Role } = { role: "viewer" }): Promise<AuthUser> {
  const user = await getCurrentUser();
  if (user === undefined) {
    const back = safeReturnPath((await headers()).get(REQUEST_PATH_HEADER));
    redirect(back === "/" ? "/login" : `/login?next=${encodeURIComponent(back)}`);
  }
  if (!hasRole(user.role, options.role)) notFound();
  return user;
}
