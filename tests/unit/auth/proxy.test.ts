import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { openTestDb, type TestDb } from "@/tests/support/db";

const holder = globalThis as typeof globalThis & { creditDeskDb?: TestDb["db"] };
let testDb: TestDb;
beforeAll(async () => {
  testDb = await openTestDb("sqlite");
  holder.creditDeskDb = testDb.db;
});
afterAll(async () => {
  holder.creditDeskDb = undefined;
  await testDb.cleanup();
});

const BASE = "http://127.0.0.1:3000";
const COOKIE = `cd_session=${"A".repeat(43)}`;

function run(path: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  return proxy(new NextRequest(`${BASE}${path}`, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers } }));
}

describe("proxy.ts (defence in depth before the handlers)", () => {
  it("sends a visitor without a session cookie to sign in, keeping where they were going", async () => {
    const response = await run("/transmissions?status=rejected");
    expect(response.status).toBe(307);
    const target = (location: string | null) => {
      const url = new URL(location ?? "", BASE);
      return `${url.pathname}${url.search}`;
    };
    expect(target(response.headers.get("location"))).toBe("/login?next=%2Ftransmissions%3Fstatus%3Drejected");
    expect(target((await run("/")).headers.get("location"))).toBe("/login");
  });

  it("lets the sign-in and set-up pages and the public API through without a session", async () => {
    for (const path of ["/login", "/setup", "/api/health"]) expect((await run(path)).headers.get("x-middleware-next")).toBe("1");
    expect((await run("/api/auth/login", { method: "POST" })).headers.get("x-middleware-next")).toBe("1");
  });

  it("answers 401 for a non-public API route without a session cookie, known or not", async () => {
    for (const path of ["/api/transmissions", "/api/users/1", "/api/not-yet-written"]) {
      const response = (await run(path));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" }, correlationId: expect.any(String) });
    }
  });

  it("refuses cross-site state changes with 403 whatever the session", async () => {
    const hostile: Record<string, string>[] = [{ origin: "http://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of hostile) {
      const response = (await run("/api/credit-notes", { method: "POST", headers: { cookie: COOKIE, ...headers } }));
      expect(response.status).toBe(403);
      const body = await response.json();
      expect(body.error.code).toBe("cross_origin");
      expect(response.headers.get("x-correlation-id")).toBe(body.correlationId);
      // Audited with the same correlation id.
      const row = await testDb.db.selectFrom("audit_log").selectAll().where("correlation_id", "=", body.correlationId).executeTakeFirst();
      expect(row).toMatchObject({ action: "auth.refused", target: "POST /api/credit-notes" });
      expect(JSON.parse(row?.detail_json ?? "{}")).toMatchObject({ status: 403, reason: expect.stringMatching(/^cross_origin:/) });
    }
    expect((await run("/api/credit-notes", { method: "POST", headers: { cookie: COOKIE, origin: BASE } })).headers.get("x-middleware-next")).toBe("1");
  });

  it("hands Next a fresh nonce in the request's CSP and sets the security headers on the answer", async () => {
    const first = (await run("/", { headers: { cookie: COOKIE } }));
    const second = (await run("/", { headers: { cookie: COOKIE } }));
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) passes overridden request headers this way.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-request-path")).toBe("/");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.headers.get("strict-transport-security")).toBeNull();
    expect((await run("/", { headers: { cookie: COOKIE, "x-forwarded-proto": "https" } })).headers.get("strict-transport-security")).toMatch(/max-age/);
  });
});
