import { randomUUID } from "node:crypto";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { createSession } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/schema";

export const ORIGIN = "http://127.0.0.1:3000";

type Handler<P> = (req: Request, route: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler the way Next does, as the dashboard's own page would (same origin, session cookie). */
export async function call<P>(
  handler: Handler<P>,
  path: string,
  options: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
  params?: P,
): Promise<Response> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { "content-type": "application/json", ...(method === "GET" ? {} : { origin: ORIGIN }), ...options.headers };
  if (options.token !== undefined) headers.cookie = `cd_session=${options.token}`;
  const req = new Request(`${ORIGIN}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  return handler(req, { params: Promise.resolve((params ?? {}) as P) });
}

/** A user of `role` with a live session; returns the session token. */
export async function userWithSession(db: Db, role: Role): Promise<{ email: string; token: string }> {
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@example.gr`;
  await db.insertInto("users").values({ id, email, name: role, role, password_hash: "x", disabled: 0, created_at: new Date().toISOString() }).execute();
  const { token } = await createSession(db, { userId: id }, { secret: getSessionSecret() });
  return { email, token };
}

