import { POST as login } from "@/app/api/auth/login/route";
import { POST as setup } from "@/app/api/setup/route";
import { POST as createUser } from "@/app/api/users/route";
import { ensureSetupToken } from "@/lib/auth/setup-token";
import type { Db } from "@/lib/db/schema";

/**
 * Calls route handlers the way Next does, as the dashboard's own pages would (same origin,
 * session cookie), over a throw-away database that the handlers reach through getDb().
 */

export const ORIGIN = "http://127.0.0.1:3000";

type Handler<P> = (req: Request, route: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

const holder = globalThis as typeof globalThis & { creditDeskDb?: Db; creditDeskDbReady?: Promise<Db> };

/** Points the handlers at `db` (and forgets a handle readied for another database). */
export function useDatabase(db: Db | undefined): void {
  holder.creditDeskDb = db;
  holder.creditDeskDbReady = undefined;
}

/** Environment the handlers validate at first use; the provider is never reached here. */
export function setTestEnvironment(): void {
  process.env.SESSION_SECRET = "compose-integration-secret-0123456789abcdef";
  process.env.IMPACT_API_KEY = "compose-integration-key";
  process.env.IMPACT_BASE_URL = "http://127.0.0.1:9";
  process.env.CREDIT_DESK_WORKER = "0";
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
}

export async function call<P = Record<string, never>>(handler: Handler<P>, path: string, options: CallOptions = {}, params?: P): Promise<Response> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...(method === "GET" ? {} : { origin: ORIGIN }),
    ...options.headers,
  };
  if (options.token !== undefined) headers.cookie = `cd_session=${options.token}`;
  const req = new Request(`${ORIGIN}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  return handler(req, { params: Promise.resolve((params ?? {}) as P) });
}

function tokenOf(response: Response): string {
  const match = /cd_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "");
  if (!match?.[1]) throw new Error(`no session cookie (status ${response.status})`);
  return match[1];
}

export interface Sessions {
  admin: string;
  clerk: string;
  otherClerk: string;
  viewer: string;
}

/** Creates an admin (first run), two clerks and a viewer, and signs each of them in. */
export async function createSessions(): Promise<Sessions> {
  const db = holder.creditDeskDb;
  if (db === undefined) throw new Error("no test database");
  // The one-time first-run token, as the server would print it at start.
  const token = await ensureSetupToken(db, { log: () => undefined });
  const admin = tokenOf(await call(setup, "/api/setup", { body: { email: "admin@compose.test", name: "Admin", password: "admin-password-1", token } }));
  const signIn = async (email: string, password: string) => tokenOf(await call(login, "/api/auth/login", { body: { email, password } }));
  const users = [["clerk", "clerk"], ["other", "clerk"], ["viewer", "viewer"]] as const;
  for (const [name, role] of users) {
    const created = await call(createUser, "/api/users", { body: { email: `${name}@compose.test`, name, role, password: `${name}-password-1` }, token: admin });
    if (created.status !== 201) throw new Error(`creating ${name}: ${created.status}`);
  }
  return {
    admin,
    clerk: await signIn("clerk@compose.test", "clerk-password-1"),
    otherClerk: await signIn("other@compose.test", "other-password-1"),
    viewer: await signIn("viewer@compose.test", "viewer-password-1"),
  };
}

/**
 * What an administrator defines before anyone issues: the sample draft's issuer (EL094259216,
 * as tests/fixtures/sample-draft.ts spells it) and the given series of it. Issuing, preview,
 * drafts and fix refuse any other issuer or series.
 */
export async function defineSampleSettings(adminToken: string, series: readonly string[] = ["D9439"]): Promise<{ profileId: string }> {
  const { POST: createProfile, GET: listProfiles } = await import("@/app/api/issuer-profiles/route");
  const { POST: createSeries } = await import("@/app/api/series/route");
  const body = { vat: "EL094259216", name: "BEST SHOPPING", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" } };
  const created = await call(createProfile, "/api/issuer-profiles", { body, token: adminToken });
  if (created.status !== 201 && created.status !== 409) throw new Error(`creating the sample issuer: ${created.status}`);
  const listed = (await (await call(listProfiles, "/api/issuer-profiles", { token: adminToken })).json()) as { items: { id: string; vat: string }[] };
  const profile = listed.items.find((item) => item.vat === "EL094259216");
  if (!profile) throw new Error("the sample issuer is missing");
  for (const code of series) {
    const made = await call(createSeries, "/api/series", { body: { issuerVat: "EL094259216", code }, token: adminToken });
    if (made.status !== 201 && made.status !== 409) throw new Error(`creating series ${code}: ${made.status}`);
  }
  return { profileId: profile.id };
}
