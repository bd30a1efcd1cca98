import type { Role } from "@/lib/auth/roles";

/** Who may call one method of one API route: anybody, or a signed-in user of at least a role. */
export type Access = "public" | Role;

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Every API route with the least role each of its methods needs — the one table of who may call
 * what. Each handler enforces its own entry through `withAuth({ role })`; proxy.ts turns away
 * requests without a session before they reach a non-public route, and the security tests walk
 * the build's route manifest against this table, so a new route fails them until it is listed.
 * Keys use the App Router folder syntax (`[id]` for a dynamic segment).
 */
export const API_ACCESS: Record<string, Partial<Record<HttpMethod, Access>>> = {
  "/api/health": { GET: "public" },
  "/api/auth/login": { POST: "public" },
  "/api/auth/logout": { POST: "public" },
  "/api/auth/session": { GET: "viewer" },
  "/api/setup": { POST: "public" },
  "/api/credit-notes/preview": { POST: "clerk" },
  "/api/credit-notes": { POST: "clerk" },
  "/api/credit-notes/credit-existing": { POST: "clerk" },
  "/api/transmissions": { GET: "viewer" },
  "/api/transmissions/export.csv": { GET: "viewer" },
  "/api/transmissions/export.xlsx": { GET: "viewer" },
  "/api/transmissions/[id]": { GET: "viewer" },
  "/api/transmissions/[id]/refresh": { POST: "clerk" },
  "/api/transmissions/[id]/retry": { POST: "clerk" },
  "/api/transmissions/[id]/fix": { POST: "clerk" },
  "/api/transmissions/[id]/close-out": { POST: "clerk" },
  "/api/transmissions/[id]/correct-credit": { POST: "clerk" },
  "/api/issued-documents": { GET: "clerk" },
  "/api/issued-documents/[mark]": { GET: "clerk" },
  "/api/issued-documents/[mark]/credit-part": { POST: "clerk" },
  "/api/transmissions/[id]/pdf": { GET: "viewer" },
  "/api/transmissions/[id]/aade": { GET: "viewer" },
  "/api/drafts": { GET: "clerk" },
  "/api/drafts/[id]": { GET: "clerk", PUT: "clerk", DELETE: "clerk" },
  "/api/drafts/[id]/duplicate": { POST: "clerk" },
  "/api/counterparties": { GET: "clerk", POST: "clerk" },
  "/api/counterparties/[id]": { GET: "clerk", PATCH: "clerk", DELETE: "clerk" },
  "/api/issuer-profiles": { GET: "clerk", POST: "admin" },
  "/api/issuer-profiles/[id]": { PATCH: "admin", DELETE: "admin" },
  "/api/issuer-profiles/[id]/branches": { POST: "admin" },
  "/api/issuer-profiles/[id]/branches/[branchId]": { PATCH: "admin", DELETE: "admin" },
  "/api/series": { GET: "clerk", POST: "admin" },
  "/api/series/[id]": { PATCH: "admin", DELETE: "admin" },
  "/api/users": { GET: "admin", POST: "admin" },
  "/api/users/[id]": { PATCH: "admin" },
  "/api/audit": { GET: "admin" },
};

/** Pages reachable without a session. */
export const PUBLIC_PAGES = ["/login", "/setup"] as const;

/**
 * Pages that need more than a viewer; each calls `requireUser({ role })` itself, and the security
 * tests check that a lesser role gets the 404 page. Every other page needs a signed-in viewer.
 */
export const PAGE_ACCESS: Record<string, Role> = {
  "/settings/users": "admin",
  "/settings/audit": "admin",
  "/settings/issuers": "admin",
  "/settings/series": "admin",
  "/settings/counterparties": "clerk",
  "/credit-notes/new": "clerk",
  "/credit-notes/drafts": "clerk",
  "/credit-notes/credit-existing": "clerk",
  "/issued-invoices": "clerk",
};

function patternOf(route: string): RegExp {
  // Folder names are plain words, dots and dashes; [name] is one segment, [...name] the rest.
  const body = route
    .split("/")
    .map((segment) => {
      if (/^\[\[?\.\.\.\w+\]\]?$/.test(segment)) return ".+";
      if (/^\[\w+\]$/.test(segment)) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${body}/?$`);
}

const compiled = Object.keys(API_ACCESS)
  // Static routes win over dynamic ones (`/api/transmissions/export.csv` before `[id]`).
  .sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")))
  .map((route) => ({ route, pattern: patternOf(route) }));

/** The table key that serves `pathname`, or undefined for a route the table does not know. */
export function apiRouteOf(pathname: string): string | undefined {
  return compiled.find(({ pattern }) => pattern.test(pathname))?.route;
}

/** True when every method of the route serving `pathname` is public. */
export function isPublicApiPath(pathname: string): boolean {
  const route = apiRouteOf(pathname);
  if (route === undefined) return false;
  return Object.values(API_ACCESS[route] ?? {}).every((access) => access === "public");
}

/** True for the sign-in and first-run pages. */
export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((page) => pathname === page || pathname === `${page}/`);
}
