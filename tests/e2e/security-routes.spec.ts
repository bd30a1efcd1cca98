import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { API_ACCESS, PAGE_ACCESS, PUBLIC_PAGES, type Access, type HttpMethod } from "@/lib/auth/access-policy";
import { hasRole, ROLES, type Role } from "@/lib/auth/roles";
import { e2eSettings, type E2eRole } from "./global-setup";

const e2e = e2eSettings();
const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const SAMPLE_ID = "00000000-0000-4000-8000-000000000000";
/** Spellings of the internal header behind CVE-2025-29927 (middleware bypass) across Next versions. */
const SUBREQUEST_HEADERS = [
  "middleware", "proxy", "src/middleware", "src/proxy", "pages/_middleware",
  "middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
];

/** URL paths of the build's App Router routes, from its route manifest. */
function builtRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>;
  return [...new Set(Object.values(manifest))].sort();
}

const apiRoutes = builtRoutes().filter((route) => route.startsWith("/api/"));
const pageRoutes = builtRoutes().filter((route) => !route.startsWith("/api/") && !route.startsWith("/_") && !/\.\w+$/.test(route));
const concrete = (route: string) => route.replace(/\[\[?(\.\.\.)?\w+\]\]?/g, SAMPLE_ID);

function send(api: APIRequestContext, method: HttpMethod, path: string, headers: Record<string, string> = {}) {
  const body = method === "GET" || method === "DELETE" ? undefined : {};
  // Sent as the dashboard's own page would send it, so only the session decides.
  const origin: Record<string, string> = method === "GET" ? {} : { Origin: e2e.baseURL, "Sec-Fetch-Site": "same-origin" };
  return api.fetch(path, { method, data: body, headers: { ...origin, ...headers }, maxRedirects: 0 });
}

const contexts = new Map<string, APIRequestContext>();
async function as(who: E2eRole | "anonymous" | "forged"): Promise<APIRequestContext> {
  const existing = contexts.get(who);
  if (existing) return existing;
  const extraHTTPHeaders: Record<string, string> = who === "forged" ? { Cookie: `cd_session=${"f".repeat(43)}` } : {};
  const storageState = who === "anonymous" || who === "forged" ? { cookies: [], origins: [] } : e2e.statePath(who);
  const context = await playwrightRequest.newContext({ baseURL: e2e.baseURL, storageState, extraHTTPHeaders });
  contexts.set(who, context);
  return context;
}

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
  contexts.clear();
});

test("the build has API routes, and every one of them is in the access table (add new routes to lib/auth/access-policy.ts)", () => {
  expect(apiRoutes.length).toBeGreaterThanOrEqual(8);
  const unknown = apiRoutes.filter((route) => API_ACCESS[route] === undefined);
  expect(unknown, "routes in the build but not in API_ACCESS").toEqual([]);
});

for (const route of apiRoutes) {
  const table: Partial<Record<HttpMethod, Access>> = API_ACCESS[route] ?? {};
  test(`${route}: 401 without a session, 403 below its role, methods as listed`, async () => {
    const path = concrete(route);
    for (const method of METHODS) {
      const access = table[method];
      if (access === undefined) {
        // A method the table does not list must not exist.
        expect((await send(await as("admin"), method, path)).status(), `${method} ${route} is not in the table`).toBe(405);
        continue;
      }
      if (access === "public") {
        const status = (await send(await as("anonymous"), method, path)).status();
        expect([401, 403], `${method} ${route} is public`).not.toContain(status);
        continue;
      }
      const anonymous = await send(await as("anonymous"), method, path);
      expect(anonymous.status(), `${method} ${route} anonymous`).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized" }, correlationId: expect.any(String) });
      // A cookie of the right shape gets past proxy.ts, so this answer comes from the handler itself.
      expect((await send(await as("forged"), method, path)).status(), `${method} ${route} forged cookie`).toBe(401);
      for (const value of SUBREQUEST_HEADERS) {
        const status = (await send(await as("anonymous"), method, path, { "x-middleware-subrequest": value })).status();
        expect(status, `${method} ${route} with x-middleware-subrequest: ${value}`).toBe(401);
      }
      for (const role of ROLES) {
        const status = (await send(await as(role), method, path)).status();
        if (hasRole(role, access)) expect([401, 403], `${method} ${route} as ${role}`).not.toContain(status);
        else expect(status, `${method} ${route} as ${role}`).toBe(403);
      }
      const lowest = ROLES.find((role: Role) => !hasRole(role, access));
      if (lowest !== undefined) {
        const status = (await send(await as(lowest), method, path, { "x-middleware-subrequest": SUBREQUEST_HEADERS[5] ?? "" })).status();
        expect(status, `${method} ${route} as ${lowest} with x-middleware-subrequest`).toBe(403);
      }
    }
  });
}

test("every page of the build needs a session; admin pages answer 404 to lesser roles", async () => {
  expect(pageRoutes).toContain("/");
  for (const route of pageRoutes) {
    const path = concrete(route);
    const isPublic = (PUBLIC_PAGES as readonly string[]).includes(route);
    for (const who of ["anonymous", "forged"] as const) {
      for (const header of [undefined, ...SUBREQUEST_HEADERS]) {
        const response = await send(await as(who), "GET", path, header === undefined ? {} : { "x-middleware-subrequest": header });
        if (isPublic) {
          expect(response.status(), `${route} is public`).not.toBe(401);
        } else {
          expect(response.status(), `${route} as ${who} (${header ?? "no header"})`).toBe(307);
          expect(response.headers().location, route).toMatch(/\/login/);
        }
      }
    }
    const minimum = PAGE_ACCESS[route];
    if (minimum === undefined) continue;
    for (const role of ROLES) {
      const status = (await send(await as(role), "GET", path)).status();
      expect(status, `${route} as ${role}`).toBe(hasRole(role, minimum) ? 200 : 404);
    }
  }
});

test.describe("cross-site request forgery", () => {
  const stateChanging = apiRoutes.flatMap((route) =>
    METHODS.filter((method) => method !== "GET" && API_ACCESS[route]?.[method] !== undefined).map((method) => ({ route, method })),
  );

  test("cross-origin, Origin: null and Sec-Fetch-Site: cross-site requests are refused on every state-changing route", async () => {
    expect(stateChanging.length).toBeGreaterThan(5);
    const admin = await as("admin");
    const hostile: Record<string, string>[] = [
      { Origin: "http://evil.example" },
      { Origin: "null" },
      { Origin: e2e.baseURL, "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "cross-site" },
      { Referer: "http://evil.example/form.html" },
      { Origin: `http://127.0.0.1:${e2e.sandboxPort}` },
    ];
    for (const { route, method } of stateChanging) {
      for (const headers of hostile) {
        const response = await admin.fetch(concrete(route), { method, data: {}, headers, maxRedirects: 0 });
        expect(response.status(), `${method} ${route} ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.json()).toMatchObject({ error: { code: "cross_origin" } });
        expect(response.headers()["set-cookie"]).toBeUndefined();
      }
    }
    expect((await admin.get("/api/auth/session")).status()).toBe(200);
  });

  test("the same POST from the dashboard's own origin succeeds", async () => {
    const clerk = await as("clerk");
    const { sampleDraft } = await import("../fixtures/sample-draft");
    const headers = { Origin: e2e.baseURL, "Sec-Fetch-Site": "same-origin", Referer: `${e2e.baseURL}/credit-notes/new` };
    const preview = await clerk.post("/api/credit-notes/preview", { data: { draft: sampleDraft() }, headers });
    expect(preview.status()).toBe(200);
    const refused = await clerk.post("/api/credit-notes/preview", { data: { draft: sampleDraft() }, headers: { ...headers, Origin: "http://evil.example" } });
    expect(refused.status()).toBe(403);
  });

  test("a form on another site cannot sign a user out, the dashboard's own button can", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    expect((await context.request.post(`${e2e.baseURL}/api/auth/login`, { data: e2e.users.viewer })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toBeVisible();
    // Another origin (same site: 127.0.0.1 on another port, so the Lax cookie does travel).
    await page.goto(`http://127.0.0.1:${e2e.sandboxPort}/health`);
    const answer = page.waitForResponse((response) => response.url().endsWith("/api/auth/logout"));
    await page.evaluate((target) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = target;
      document.body.append(form);
      form.submit();
    }, `${e2e.baseURL}/api/auth/logout`);
    expect((await answer).status()).toBe(403);
    await page.waitForURL(/\/api\/auth\/logout$/);
    expect((await context.request.get(`${e2e.baseURL}/api/auth/session`)).status()).toBe(200);
    await page.goto("/");
    await page.getByRole("button", { name: "Αποσύνδεση" }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect((await context.request.get(`${e2e.baseURL}/api/auth/session`)).status()).toBe(401);
    await context.close();
  });
});
