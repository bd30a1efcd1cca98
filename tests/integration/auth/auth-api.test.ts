import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { GET as session } from "@/app/api/auth/session/route";
import { GET as audit } from "@/app/api/audit/route";
import { POST as preview } from "@/app/api/credit-notes/preview/route";
import { POST as setup } from "@/app/api/setup/route";
import { GET as listUsers, POST as createUser } from "@/app/api/users/route";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";
import { ensureConfiguredAdmin } from "@/lib/auth/bootstrap";
import { ensureSetupToken } from "@/lib/auth/setup-token";
import { errorResponse } from "@/lib/http/api";
import { sampleDraft } from "@/tests/fixtures/sample-draft";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { defineSampleIssuerInDb } from "@/tests/support/defined-settings";

const CANARY = "canary-integration-0f9e8d7c6b5a";
process.env.SESSION_SECRET = "integration-session-secret-0123456789abcdef";
process.env.IMPACT_API_KEY = CANARY;
process.env.IMPACT_BASE_URL = "http://127.0.0.1:9";
delete process.env.ADMIN_EMAIL;
delete process.env.ADMIN_PASSWORD;

const ORIGIN = "http://127.0.0.1:3000";
const holder = globalThis as typeof globalThis & { creditDeskDb?: TestDb["db"]; creditDeskDbReady?: Promise<TestDb["db"]> };
type Handler<P> = (req: Request, route: { params: Promise<P> }) => Promise<Response>;

interface CallOptions {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

/** Calls a route handler the way Next does, as a browser on the dashboard's own page would. */
async function call<P = Record<string, never>>(handler: Handler<P>, path: string, options: CallOptions = {}, params?: P): Promise<Response> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { "content-type": "application/json", ...(method === "GET" ? {} : { origin: ORIGIN }), ...options.headers };
  if (options.token !== undefined) headers.cookie = `locale=el; cd_session=${options.token}`;
  const req = new Request(`${ORIGIN}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  return handler(req, { params: Promise.resolve((params ?? {}) as P) });
}

function tokenOf(response: Response): string {
  const match = /cd_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "");
  if (!match?.[1]) throw new Error("no session cookie");
  return match[1];
}

async function signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await call(login, "/api/auth/login", { body: { email, password }, headers });
  expect(response.status).toBe(200);
  return tokenOf(response);
}

describe.each(testEngines())("sign-in, roles and audit over route handlers (%s)", (engine) => {
  let testDb: TestDb;
  let adminToken = "";
  const auditRows = (action: string) => testDb.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

  beforeAll(async () => {
    testDb = await openTestDb(engine);
    holder.creditDeskDb = testDb.db;
    // A handle readied for the previous engine's database must not answer for this one.
    holder.creditDeskDbReady = undefined;
  });
  afterAll(async () => {
    holder.creditDeskDb = undefined;
    await testDb.cleanup();
  });

  it("opens first-run set-up while there is no user, creates an admin who is signed in, then closes it", async () => {
    const printed: string[] = [];
    const token = await ensureSetupToken(testDb.db, { log: (line) => printed.push(line) });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(printed).toEqual([expect.stringContaining(`/setup?token=${token}`)]);
    const admin = { email: "Admin@Example.gr", name: "Άννα", password: "admin-password-1" };
    expect((await call(setup, "/api/setup", { body: admin })).status).toBe(404);
    expect((await call(setup, "/api/setup", { body: { ...admin, token: "wrong" } })).status).toBe(404);
    expect((await call(setup, "/api/setup", { body: { ...admin, token: `${token}x` } })).status).toBe(404);
    const bad = await call(setup, "/api/setup", { body: { email: "not-an-email", name: "", password: "short", token } });
    expect(bad.status).toBe(422);
    const created = await call(setup, "/api/setup", { body: { ...admin, token } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ user: { email: "admin@example.gr", role: "admin" } });
    adminToken = tokenOf(created);
    expect((await call(session, "/api/auth/session", { token: adminToken })).status).toBe(200);
    const again = await call(setup, "/api/setup", { body: { email: "second@example.gr", name: "X", password: "another-password", token } });
    expect(again.status).toBe(404);
    expect(await testDb.db.selectFrom("users").select("email").execute()).toEqual([{ email: "admin@example.gr" }]);
  });

  it("signs in with 200, an HttpOnly SameSite cookie and the user (no hash), and audits it with the correlation id", async () => {
    const response = await call(login, "/api/auth/login", {
      body: { email: " ADMIN@example.gr ", password: "admin-password-1" }, headers: { "x-correlation-id": "corr-login-1" },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^cd_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const body = await response.json();
    expect(body).toEqual({ user: { id: expect.any(String), email: "admin@example.gr", name: "Άννα", role: "admin" } });
    expect(JSON.stringify(body)).not.toContain("scrypt");
    const [entry] = (await auditRows("auth.login")).slice(-1);
    expect(entry).toMatchObject({ actor: "admin@example.gr", target: "admin@example.gr", correlation_id: "corr-login-1" });
  });

  it("marks the cookie Secure when the request came over https", async () => {
    const response = await call(login, "/api/auth/login", {
      body: { email: "admin@example.gr", password: "admin-password-1" }, headers: { "x-forwarded-proto": "https", origin: "https://127.0.0.1:3000" },
    });
    expect(response.headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("answers 401 to a wrong password and to an unknown e-mail alike, auditing the e-mail tried", async () => {
    const wrong = await call(login, "/api/auth/login", { body: { email: "admin@example.gr", password: "nope" }, headers: { "x-credit-desk-peer": "198.51.100.1" } });
    const unknown = await call(login, "/api/auth/login", { body: { email: "ghost@example.gr", password: "nope" }, headers: { "x-credit-desk-peer": "198.51.100.1" } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a.error).toEqual(b.error);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const failures = (await auditRows("auth.login_failed")).slice(-2);
    expect(failures.map((row) => [row.target, JSON.parse(row.detail_json ?? "{}").reason])).toEqual([
      ["admin@example.gr", "wrong_password"], ["ghost@example.gr", "unknown_user"],
    ]);
    expect(JSON.stringify(failures)).not.toContain("nope");
  });

  it("records the socket address, not a forged X-Forwarded-For, in the audit log and the limit", async () => {
    const forged = { "x-credit-desk-peer": "198.51.100.44", "x-forwarded-for": "6.6.6.6" };
    expect((await call(login, "/api/auth/login", { body: { email: "forger@example.gr", password: "nope" }, headers: forged })).status).toBe(401);
    const row = (await auditRows("auth.login_failed")).at(-1);
    expect(JSON.parse(row?.detail_json ?? "{}").address).toBe("198.51.100.44");
    expect(JSON.stringify(await auditRows("auth.login_failed"))).not.toContain("6.6.6.6");
  });

  it("refuses a malformed body with 400/422, not 500, and counts no failure", async () => {
    const before = (await auditRows("auth.login_failed")).length;
    const notJson = await login(new Request(`${ORIGIN}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN }, body: "{" }), { params: Promise.resolve({}) });
    expect(notJson.status).toBe(400);
    const smuggled = await login(
      new Request(`${ORIGIN}/api/auth/login`, { method: "POST", headers: { "content-type": "text/plain; x=application/json", origin: ORIGIN }, body: '{"email":"a@example.gr","password":"x"}' }),
      { params: Promise.resolve({}) },
    );
    expect(smuggled.status).toBe(415);
    expect((await call(login, "/api/auth/login", { body: { email: ["x"], password: 1 } })).status).toBe(422);
    expect((await call(login, "/api/auth/login", { body: { email: "a".repeat(5000), password: "x" } })).status).toBe(422);
    expect((await auditRows("auth.login_failed")).length).toBe(before);
  });

  it("gives a new session id at sign-in and ends the one the browser brought (fixation)", async () => {
    const before = await signIn("admin@example.gr", "admin-password-1");
    const response = await call(login, "/api/auth/login", { body: { email: "admin@example.gr", password: "admin-password-1" }, token: before });
    const after = tokenOf(response);
    expect(after).not.toBe(before);
    expect((await call(session, "/api/auth/session", { token: before })).status).toBe(401);
    expect((await call(session, "/api/auth/session", { token: after })).status).toBe(200);
  });

  it("signs out for real: the row is deleted and the old cookie opens nothing", async () => {
    const token = await signIn("admin@example.gr", "admin-password-1");
    const response = await call(logout, "/api/auth/logout", { body: {}, token });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/^cd_session=; .*Max-Age=0/);
    const stale = await call(session, "/api/auth/session", { token });
    expect(stale.status).toBe(401);
    expect(stale.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await auditRows("auth.logout")).length).toBeGreaterThan(0);
    expect((await call(logout, "/api/auth/logout", { body: {} })).status).toBe(200);
  });

  it("throttles an account after 5 failures with 429 and a growing Retry-After, even for the right password", async () => {
    const address = { "x-credit-desk-peer": "192.0.2.50" };
    await call(createUser, "/api/users", { body: { email: "locked@example.gr", name: "L", role: "viewer", password: "locked-password-1" }, token: adminToken });
    for (let i = 0; i < 5; i++) {
      expect((await call(login, "/api/auth/login", { body: { email: "locked@example.gr", password: `wrong-${i}` }, headers: address })).status).toBe(401);
    }
    const refused = await call(login, "/api/auth/login", { body: { email: "locked@example.gr", password: "locked-password-1" }, headers: address });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    // Progressive delay: a minute after the fifth failure, then doubling.
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await refused.json()).error.code).toBe("rate_limited");
    expect((await auditRows("auth.login_throttled")).length).toBeGreaterThan(0);
  });

  it("lets at most the limit of a parallel burst of wrong passwords be checked; the rest get 429", async () => {
    await call(createUser, "/api/users", { body: { email: "burst@example.gr", name: "B", role: "viewer", password: "burst-password-1" }, token: adminToken });
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(login, "/api/auth/login", { body: { email: "burst@example.gr", password: `wrong-${i}` }, headers: { "x-credit-desk-peer": `203.0.113.${i}` } }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
  });

  it("does not let anonymous guesses from elsewhere lock the admin out of an address they signed in from", async () => {
    const home = { "x-credit-desk-peer": "10.20.30.40" };
    await signIn("admin@example.gr", "admin-password-1", home);
    for (let i = 0; i < 12; i++) {
      await call(login, "/api/auth/login", { body: { email: "admin@example.gr", password: `guess-${i}` }, headers: { "x-credit-desk-peer": `198.51.100.${100 + i}` } });
    }
    const stranger = await call(login, "/api/auth/login", { body: { email: "admin@example.gr", password: "admin-password-1" }, headers: { "x-credit-desk-peer": "198.51.100.250" } });
    expect(stranger.status).toBe(429);
    await signIn("admin@example.gr", "admin-password-1", home);
  });

  it("throttles an address after 20 failures across accounts", async () => {
    const address = { "x-credit-desk-peer": "192.0.2.99" };
    for (let i = 0; i < 20; i++) await call(login, "/api/auth/login", { body: { email: `spray${i}@example.gr`, password: "x" }, headers: address });
    const refused = await call(login, "/api/auth/login", { body: { email: "admin@example.gr", password: "admin-password-1" }, headers: address });
    expect(refused.status).toBe(429);
    expect((await call(login, "/api/auth/login", { body: { email: "admin@example.gr", password: "admin-password-1" }, headers: { "x-credit-desk-peer": "192.0.2.100" } })).status).toBe(200);
  });

  it("enforces roles in the handlers: 401 without a session, 403 below the role, through above it", async () => {
    for (const role of ["clerk", "viewer"] as const) {
      const response = await call(createUser, "/api/users", { body: { email: `${role}@example.gr`, name: role, role, password: `${role}-password-1` }, token: adminToken });
      expect(response.status).toBe(201);
    }
    const clerk = await signIn("clerk@example.gr", "clerk-password-1");
    const viewer = await signIn("viewer@example.gr", "viewer-password-1");
    const draft = { draft: sampleDraft() };
    await defineSampleIssuerInDb(testDb.db, ["D9439"]);
    expect((await call(preview, "/api/credit-notes/preview", { body: draft })).status).toBe(401);
    expect((await call(preview, "/api/credit-notes/preview", { body: draft, token: viewer })).status).toBe(403);
    expect((await call(preview, "/api/credit-notes/preview", { body: draft, token: clerk })).status).toBe(200);
    expect((await call(preview, "/api/credit-notes/preview", { body: draft, token: adminToken })).status).toBe(200);
    expect((await call(listUsers, "/api/users", { token: clerk })).status).toBe(403);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const refused = await call(audit, "/api/audit", { token: viewer });
    expect(refused.status).toBe(403);
    const correlationId = (await refused.json()).correlationId as string;
    const row = await testDb.db.selectFrom("audit_log").selectAll().where("correlation_id", "=", correlationId).executeTakeFirst();
    expect(row).toMatchObject({ actor: "viewer@example.gr", action: "auth.refused", target: "GET /api/audit" });
    expect(JSON.parse(row?.detail_json ?? "{}")).toEqual({ status: 403, reason: "forbidden:needs_admin" });
    expect(warn.mock.calls.flat().join("\n")).toContain(`${correlationId} refused GET /api/audit with 403: forbidden:needs_admin by viewer@example.gr`);
    warn.mockRestore();
    expect((await call(session, "/api/auth/session", { token: viewer })).status).toBe(200);
  });

  it("refuses cross-origin, Origin: null and Sec-Fetch-Site: cross-site state changes in the handler, before anything is done", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const before = await testDb.db.selectFrom("audit_log").select((eb) => eb.fn.max("id").as("n")).executeTakeFirstOrThrow();
    const hostile: Record<string, string>[] = [
      { origin: "http://evil.example" }, { origin: "null" }, { origin: ORIGIN, "sec-fetch-site": "cross-site" }, { origin: "", referer: "http://evil.example/x" },
    ];
    for (const headers of hostile) {
      const response = await call(login, "/api/auth/login", { body: { email: "admin@example.gr", password: "admin-password-1" }, headers });
      expect(response.status).toBe(403);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.json()).toMatchObject({ error: { code: "cross_origin" }, correlationId: expect.any(String) });
      expect((await call(createUser, "/api/users", { body: { email: "x@example.gr", name: "x", role: "admin", password: "x-password-123" }, token: adminToken, headers })).status).toBe(403);
    }
    // Nothing was done: the only new audit rows are the refusals themselves.
    const added = await testDb.db.selectFrom("audit_log").select("action").where("id", ">", Number(before.n)).execute();
    expect(added.map((r) => r.action)).toEqual(Array(hostile.length * 2).fill("auth.refused"));
    expect((await call(session, "/api/auth/session", { token: adminToken, headers: { origin: "http://evil.example" } })).status).toBe(200);
    expect(warn.mock.calls.flat().join("\n")).toMatch(/refused POST \/api\/auth\/login with 403: cross_origin:null_origin/);
    warn.mockRestore();
  });

  it("lets an admin add, re-role, disable and reset users; audits each change without the password", async () => {
    const duplicate = await call(createUser, "/api/users", { body: { email: "CLERK@example.gr", name: "c", role: "clerk", password: "clerk-password-1" }, token: adminToken });
    expect(duplicate.status).toBe(409);
    const { items } = await (await call(listUsers, "/api/users", { token: adminToken })).json();
    const clerk = items.find((u: { email: string }) => u.email === "clerk@example.gr");
    const clerkSession = await signIn("clerk@example.gr", "clerk-password-1");
    const path = `/api/users/${clerk.id}`;
    const promoted = await call(patchUser, path, { method: "PATCH", body: { role: "admin" }, token: adminToken }, { id: clerk.id });
    expect((await promoted.json()).user).toMatchObject({ role: "admin", disabled: false });
    expect((await call(listUsers, "/api/users", { token: clerkSession })).status).toBe(200);
    const reset = await call(patchUser, path, { method: "PATCH", body: { password: "brand-new-password" }, token: adminToken }, { id: clerk.id });
    expect(reset.status).toBe(200);
    expect((await call(session, "/api/auth/session", { token: clerkSession })).status).toBe(401);
    const again = await signIn("clerk@example.gr", "brand-new-password");
    await call(patchUser, path, { method: "PATCH", body: { disabled: true }, token: adminToken }, { id: clerk.id });
    expect((await call(session, "/api/auth/session", { token: again })).status).toBe(401);
    expect((await call(login, "/api/auth/login", { body: { email: "clerk@example.gr", password: "brand-new-password" }, headers: { "x-credit-desk-peer": "192.0.2.7" } })).status).toBe(401);
    const changes = await auditRows("user.update");
    expect(changes.map((row) => JSON.parse(row.detail_json ?? "{}"))).toEqual([{ role: "admin" }, { passwordReset: true }, { disabled: true }]);
    expect(JSON.stringify(changes)).not.toContain("brand-new-password");
    expect((await call(patchUser, "/api/users/x", { method: "PATCH", body: { role: "viewer" }, token: adminToken }, { id: "nope" })).status).toBe(404);
  });

  it("never leaves the dashboard without an enabled admin", async () => {
    const { items } = await (await call(listUsers, "/api/users", { token: adminToken })).json();
    const admin = items.find((u: { email: string }) => u.email === "admin@example.gr");
    const demote = await call(patchUser, `/api/users/${admin.id}`, { method: "PATCH", body: { role: "clerk" }, token: adminToken }, { id: admin.id });
    expect(demote.status).toBe(409);
    expect((await demote.json()).error.code).toBe("last_admin");
    const disable = await call(patchUser, `/api/users/${admin.id}`, { method: "PATCH", body: { disabled: true }, token: adminToken }, { id: admin.id });
    expect(disable.status).toBe(409);
  });

  it("lists the audit log for admins, newest first, filtered by actor, action prefix and dates, paged by cursor", async () => {
    const all = await (await call(audit, "/api/audit?limit=200", { token: adminToken })).json();
    const times = all.items.map((item: { at: string }) => item.at);
    expect([...times].sort().reverse()).toEqual(times);
    const users = await (await call(audit, "/api/audit?action=user.", { token: adminToken })).json();
    expect(new Set(users.items.map((item: { action: string }) => item.action))).toEqual(new Set(["user.create", "user.update"]));
    const ghost = await (await call(audit, "/api/audit?actor=GHOST", { token: adminToken })).json();
    expect(ghost.items.map((item: { action: string; actor: string }) => [item.action, item.actor])).toEqual([["auth.login_failed", "ghost@example.gr"]]);
    const future = await (await call(audit, "/api/audit?from=2999-01-01", { token: adminToken })).json();
    expect(future.items).toEqual([]);
    const first = await (await call(audit, "/api/audit?limit=3", { token: adminToken })).json();
    const second = await (await call(audit, `/api/audit?limit=3&cursor=${first.nextCursor}`, { token: adminToken })).json();
    expect([...first.items, ...second.items].map((i: { id: number }) => i.id)).toEqual(all.items.slice(0, 6).map((i: { id: number }) => i.id));
    const injection = await call(audit, `/api/audit?actor=${encodeURIComponent("%' OR 1=1 --")}&action=${encodeURIComponent("_%")}`, { token: adminToken });
    expect((await injection.json()).items).toEqual([]);
  });

  it("creates or repairs the configured admin at start, and leaves it alone when nothing changed", async () => {
    const configured = { email: "Boss@Example.gr", password: "configured-password-1" };
    expect(await ensureConfiguredAdmin(testDb.db, undefined)).toBe("not_configured");
    expect(await ensureConfiguredAdmin(testDb.db, configured)).toBe("created");
    expect(await ensureConfiguredAdmin(testDb.db, configured)).toBe("unchanged");
    const token = await signIn("boss@example.gr", "configured-password-1");
    const boss = await testDb.db.selectFrom("users").selectAll().where("email", "=", "boss@example.gr").executeTakeFirstOrThrow();
    await testDb.db.updateTable("users").set({ role: "viewer", disabled: 1 }).where("id", "=", boss.id).execute();
    expect(await ensureConfiguredAdmin(testDb.db, { ...configured, password: "rotated-password-2" })).toBe("updated");
    const repaired = await testDb.db.selectFrom("users").selectAll().where("id", "=", boss.id).executeTakeFirstOrThrow();
    expect(repaired).toMatchObject({ role: "admin" });
    expect(Number(repaired.disabled)).toBe(0);
    expect((await call(session, "/api/auth/session", { token })).status).toBe(401);
    await signIn("boss@example.gr", "rotated-password-2");
    const [created, updated] = await auditRows("user.bootstrap");
    expect(created?.actor).toBeNull();
    expect(JSON.parse(updated?.detail_json ?? "{}")).toEqual({ changed: ["role", "enabled", "password"] });
  });

  it("answers unexpected errors with a message and a correlation id only, and logs them without the key", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const error = new Error(`connect ECONNREFUSED http://127.0.0.1:9/Invoice/json APIKey: ${CANARY} at select * from users`);
      const response = errorResponse(error, "corr-500", "en");
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "Something went wrong on the server." }, correlationId: "corr-500" });
      expect(text).not.toMatch(/ECONNREFUSED|Invoice|select|at \w/);
      const logged = spy.mock.calls.flat().join(" ");
      expect(logged).toContain("corr-500");
      expect(logged).not.toContain(CANARY);
    } finally {
      spy.mockRestore();
    }
  });
});
