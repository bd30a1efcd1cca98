import { expect, test } from "@playwright/test";
import { e2eSettings } from "./global-setup";

const e2e = e2eSettings();

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(";").map((d) => d.trim()).filter(Boolean).map((d) => [d.split(" ")[0] ?? "", d]));
}

test("pages carry a nonce-based CSP that Next's own scripts obey, and the page still works", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce).toBeDefined();
  const d = directives(csp);
  expect(d.get("script-src")).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  expect(d.get("frame-ancestors")).toBe("frame-ancestors 'none'");
  expect(d.get("object-src")).toBe("object-src 'none'");
  expect(d.get("base-uri")).toBe("base-uri 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["strict-transport-security"]).toBeUndefined();

  const html = (await response?.text()) ?? "";
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);

  // Hydrated: a client component reacts (the sign-out button is rendered by React on the client too).
  await expect(page.getByRole("button", { name: "Αποσύνδεση" })).toBeEnabled();
  const hydrated = await page.evaluate(() => Object.keys(document.querySelector("button") ?? {}).some((k) => k.startsWith("__react")));
  expect(hydrated).toBe(true);
  expect(violations).toEqual([]);
});

test("every response gets its own nonce", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 5; i++) {
    const csp = (await request.get("/")).headers()["content-security-policy"] ?? "";
    nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? "");
  }
  expect(nonces.size).toBe(5);
});

test("the sign-in page works under the same policy without a session", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/login");
  expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await page.getByLabel("E-mail").fill(e2e.users.viewer.email);
  await page.getByLabel("Κωδικός").fill(e2e.users.viewer.password);
  await page.getByRole("button", { name: "Σύνδεση" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText("E2E Viewer");
  expect(violations).toEqual([]);
  await context.close();
});

test("behind https the answers add HSTS and the session cookie is Secure", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: e2e.baseURL, storageState: { cookies: [], origins: [] } });
  const headers = { "X-Forwarded-Proto": "https", Origin: e2e.baseURL.replace("http:", "https:") };
  const login = await api.post("/api/auth/login", { data: e2e.users.viewer, headers });
  expect(login.status()).toBe(200);
  expect(login.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
  expect(login.headers()["set-cookie"]).toMatch(/; Secure/);
  expect(login.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  await api.dispose();
});

test("API answers are never cached and errors carry a message and a correlation id, nothing internal", async ({ request, playwright }) => {
  const signedIn = await request.get("/api/auth/session");
  expect(signedIn.headers()["cache-control"]).toBe("no-store");
  const anonymous = await playwright.request.newContext({ baseURL: e2e.baseURL, storageState: { cookies: [], origins: [] } });
  const answers = [
    await anonymous.get("/api/transmissions"),
    await request.post("/api/credit-notes/preview", { headers: { "Content-Type": "application/json" }, data: Buffer.from("{\"draft\": ") }),
    await request.post("/api/users", { data: { email: "x" } }),
    await request.get(`/api/transmissions/${"%27%20or%201%3D1--"}`),
    await request.post("/api/credit-notes/preview", { headers: { "Content-Type": "text/plain" }, data: "hello" }),
  ];
  for (const answer of answers) {
    expect(answer.status()).toBeGreaterThanOrEqual(400);
    expect(answer.status()).toBeLessThan(500);
    const text = await answer.text();
    const body = JSON.parse(text);
    expect(body.correlationId ?? answer.headers()["x-correlation-id"]).toEqual(expect.any(String));
    expect(text).not.toMatch(/\n\s+at |node_modules|SQLITE|sqlite|select |insert into|127\.0\.0\.1:\d+|impact\.gr/i);
    expect(text).not.toContain(e2e.apiKey);
  }
  await anonymous.dispose();
});

test("pages with forms load without a single CSP violation (no eval probe from the form schemas)", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  for (const path of ["/", "/credit-notes/new", "/settings/series", "/settings/counterparties", "/transmissions"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});
