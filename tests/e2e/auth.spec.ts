import Database from "better-sqlite3";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { e2eSettings } from "./global-setup";

const e2e = e2eSettings();
const anonymous = { cookies: [], origins: [] };

/** A distinct made-up client address per use, so failed sign-ins of one test never throttle another. */
let addressCounter = 0;
function freshAddress(): Record<string, string> {
  addressCounter += 1;
  return { "X-Forwarded-For": `198.18.${Math.floor(Date.now() / 1000) % 250}.${addressCounter % 250}` };
}

async function newApi(storageState: string | typeof anonymous = anonymous): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: e2e.baseURL, storageState });
}

function cookieOf(setCookie: string | undefined): string {
  const value = /cd_session=([^;]*)/.exec(setCookie ?? "")?.[1];
  if (!value) throw new Error(`no session cookie in ${setCookie}`);
  return value;
}

/** Adds a user through the admin API and returns its e-mail; each test gets its own. */
async function addUser(role: "admin" | "clerk" | "viewer", label: string): Promise<{ email: string; password: string }> {
  const admin = await newApi(e2e.statePath("admin"));
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@credit-desk.example`;
  const password = `${label}-password-1`;
  const response = await admin.post("/api/users", { data: { email, name: label, role, password } });
  expect(response.status()).toBe(201);
  await admin.dispose();
  return { email, password };
}

function withDatabase<T>(run: (db: Database.Database) => T): T {
  const db = new Database(e2e.databasePath);
  try {
    db.pragma("busy_timeout = 5000");
    return run(db);
  } finally {
    db.close();
  }
}

test.describe("signing in", () => {
  test.use({ storageState: anonymous });

  test("the configured admin exists after start; an anonymous visitor is sent to sign in and comes back", async ({ page }) => {
    await page.goto("/settings/users");
    await expect(page).toHaveURL(`${e2e.baseURL}/login?next=%2Fsettings%2Fusers`);
    await page.getByLabel("E-mail").fill(e2e.users.admin.email);
    await page.getByLabel("Κωδικός").fill(e2e.users.admin.password);
    await page.getByRole("button", { name: "Σύνδεση" }).click();
    await expect(page.getByRole("heading", { name: "Χρήστες και ρόλοι" })).toBeVisible();
    await expect(page).toHaveURL(`${e2e.baseURL}/settings/users`);
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === "cd_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  });

  test("a wrong password shows an error and sets no cookie", async ({ page }) => {
    await page.context().setExtraHTTPHeaders(freshAddress());
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(e2e.users.admin.email);
    await page.getByLabel("Κωδικός").fill("not the password");
    await page.getByRole("button", { name: "Σύνδεση" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Λάθος e-mail ή κωδικός.");
    expect((await page.context().cookies()).some((c) => c.name === "cd_session")).toBe(false);
  });

  test("session fixation: a session id planted before sign-in is not the one after", async ({ page, context }) => {
    const attackerUser = await addUser("viewer", "attacker");
    const victimUser = await addUser("clerk", "victim");
    // The attacker's own valid session, planted in the victim's browser.
    const attacker = await newApi();
    const planted = cookieOf((await attacker.post("/api/auth/login", { data: attackerUser })).headers()["set-cookie"]);
    await context.addCookies([{ name: "cd_session", value: planted, url: e2e.baseURL }]);
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toContainText("attacker");
    // The victim signs in from that browser: the id changes and the planted one dies.
    await page.goto("/login");
    const response = await page.request.post("/api/auth/login", { data: victimUser });
    expect(response.status()).toBe(200);
    const after = (await context.cookies()).find((c) => c.name === "cd_session")?.value;
    expect(after).toHaveLength(43);
    expect(after).not.toBe(planted);
    expect((await attacker.get("/api/auth/session")).status()).toBe(401);
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toContainText("victim");
    await attacker.dispose();
  });

  test("sign-out ends the session: the old cookie no longer opens pages or the API", async ({ page, context }) => {
    const { email, password } = await addUser("clerk", "signout");
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Κωδικός").fill(password);
    await page.getByRole("button", { name: "Σύνδεση" }).click();
    await expect(page.getByTestId("signed-in-user")).toContainText("signout");
    const old = (await context.cookies()).find((c) => c.name === "cd_session")?.value ?? "";
    expect(old).toHaveLength(43);
    await page.getByRole("button", { name: "Αποσύνδεση" }).click();
    await expect(page).toHaveURL(/\/login$/);
    const replay = await newApi();
    const headers = { Cookie: `cd_session=${old}` };
    expect((await replay.get("/api/auth/session", { headers })).status()).toBe(401);
    const pageAnswer = await replay.get("/", { headers, maxRedirects: 0 });
    expect(pageAnswer.status()).toBe(307);
    expect(pageAnswer.headers().location).toMatch(/\/login/);
    await replay.dispose();
    const rows = withDatabase((db) => db.prepare("select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = ?").get(email)) as { n: number };
    expect(rows.n).toBe(0);
  });
});

test.describe("session lifetime", () => {
  test("an idle session ends after 30 minutes and an old one after 12 hours", async () => {
    const { email, password } = await addUser("viewer", "timeout");
    const api = await newApi();
    const login = async () => cookieOf((await api.post("/api/auth/login", { data: { email, password } })).headers()["set-cookie"]);
    const session = (token: string) => api.get("/api/auth/session", { headers: { Cookie: `cd_session=${token}` } });

    const idle = await login();
    expect((await session(idle)).status()).toBe(200);
    const thirtyOneMinutesAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    withDatabase((db) => db.prepare("update sessions set last_seen_at = ? where user_id = (select id from users where email = ?)").run(thirtyOneMinutesAgo, email));
    expect((await session(idle)).status()).toBe(401);

    const old = await login();
    const twentyNineMinutesAgo = new Date(Date.now() - 29 * 60_000).toISOString();
    withDatabase((db) => db.prepare("update sessions set last_seen_at = ? where user_id = (select id from users where email = ?)").run(twentyNineMinutesAgo, email));
    expect((await session(old)).status()).toBe(200);
    withDatabase((db) => db.prepare("update sessions set expires_at = ? where user_id = (select id from users where email = ?)").run(new Date(Date.now() - 1000).toISOString(), email));
    expect((await session(old)).status()).toBe(401);
    await api.dispose();
  });
});

test.describe("return after sign-in", () => {
  test("follows only same-origin paths: a tab, backslash, // or scheme in next= goes to /", async () => {
    const api = await newApi(e2e.statePath("viewer"));
    const locationOf = async (next: string) => {
      const response = await api.get(`/login?next=${next}`, { maxRedirects: 0 });
      expect([303, 307, 308]).toContain(response.status());
      return response.headers()["location"] ?? "";
    };
    for (const hostile of ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "javascript%3Aalert(1)"]) {
      expect(await locationOf(hostile), hostile).toBe("/");
    }
    expect(await locationOf("%2Ftransmissions%3Fstatus%3Drejected")).toBe("/transmissions?status=rejected");
    await api.dispose();
  });
});

test.describe("sign-in rate limit", () => {
  test("five failures hold the account back: 429 with a Retry-After of a minute, even with the right password", async () => {
    const { email, password } = await addUser("viewer", "locked");
    const api = await newApi();
    for (let i = 0; i < 5; i++) {
      const response = await api.post("/api/auth/login", { data: { email, password: `wrong-${i}` }, headers: freshAddress() });
      expect(response.status()).toBe(401);
    }
    const locked = await api.post("/api/auth/login", { data: { email, password }, headers: freshAddress() });
    expect(locked.status()).toBe(429);
    const retryAfter = Number(locked.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await locked.json()).toMatchObject({ error: { code: "rate_limited" }, correlationId: expect.any(String) });
    expect(locked.headers()["set-cookie"]).toBeUndefined();
    await api.dispose();
  });

  test("twenty failures from one address lock that address, not others", async () => {
    const api = await newApi();
    const address = { "X-Forwarded-For": `203.0.113.${Date.now() % 250}` };
    for (let i = 0; i < 20; i++) {
      expect((await api.post("/api/auth/login", { data: { email: `spray-${i}@credit-desk.example`, password: "x" }, headers: address })).status()).toBe(401);
    }
    const refused = await api.post("/api/auth/login", { data: e2e.users.viewer, headers: address });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await api.post("/api/auth/login", { data: e2e.users.viewer, headers: freshAddress() })).status()).toBe(200);
    await api.dispose();
  });
});

test.describe("first run", () => {
  test("the set-up page and endpoint do not exist once a user does", async ({ page, request }) => {
    const response = await page.goto("/setup");
    expect(response?.status()).toBe(404);
    expect((await page.goto("/setup?token=guessed-token-value"))?.status()).toBe(404);
    const api = await newApi();
    const late = { email: "late@credit-desk.example", name: "Late", password: "late-password-1" };
    expect((await api.post("/api/setup", { data: late })).status()).toBe(404);
    expect((await api.post("/api/setup", { data: { ...late, token: "guessed-token-value" } })).status()).toBe(404);
    await api.dispose();
    expect((await request.get("/api/users")).status()).toBe(200);
  });
});

test.describe("administration", () => {
  test("an admin adds a user, re-roles and disables them, and the audit view shows who did it", async ({ page }) => {
    const email = `ui-${Date.now()}@credit-desk.example`;
    await page.goto("/settings/users");
    const form = page.getByRole("form", { name: "Νέος χρήστης" });
    await form.getByLabel("Όνομα").fill("Νίκος UI");
    await form.getByLabel("E-mail").fill(email);
    await form.getByLabel("Ρόλος").selectOption("viewer");
    await form.getByLabel("Κωδικός").fill("ui-user-password-1");
    await form.getByRole("button", { name: "Προσθήκη" }).click();
    const row = page.getByTestId(`user-${email}`);
    await expect(row).toContainText("Νίκος UI");
    await row.getByRole("combobox").selectOption("clerk");
    await expect(row.getByRole("combobox")).toHaveValue("clerk");
    await row.getByRole("button", { name: /Απενεργοποίηση/ }).click();
    await expect(row).toContainText("απενεργοποιημένος");

    const api = await newApi();
    expect((await api.post("/api/auth/login", { data: { email, password: "ui-user-password-1" }, headers: freshAddress() })).status()).toBe(401);
    await api.dispose();

    await page.goto(`/settings/audit?action=user.&actor=${encodeURIComponent(e2e.users.admin.email)}`);
    const table = page.getByRole("table");
    await expect(table.getByRole("row").filter({ hasText: email })).toHaveCount(3);
    await expect(table).toContainText("user.create");
    await expect(table).toContainText('{"role":"clerk"}');
    await expect(table).toContainText('{"disabled":true}');
    await page.getByRole("search").getByLabel("Ενέργεια").selectOption("auth.login_failed");
    await page.getByRole("button", { name: "Εφαρμογή φίλτρων" }).click();
    await expect(page).toHaveURL(/action=auth\.login_failed/);
  });

  test("sign-ins, failures with the e-mail tried, and sign-outs are in the audit log", async ({ request }) => {
    const api = await newApi();
    await api.post("/api/auth/login", { data: { email: "nobody@credit-desk.example", password: "guess" }, headers: freshAddress() });
    const token = cookieOf((await api.post("/api/auth/login", { data: e2e.users.viewer })).headers()["set-cookie"]);
    await api.post("/api/auth/logout", { headers: { Cookie: `cd_session=${token}` } });
    await api.dispose();
    const failed = await (await request.get("/api/audit?action=auth.login_failed&actor=nobody")).json();
    expect(failed.items[0]).toMatchObject({ actor: "nobody@credit-desk.example", target: "nobody@credit-desk.example", detail: { reason: "unknown_user" } });
    expect(JSON.stringify(failed)).not.toContain("guess");
    const logout = await (await request.get(`/api/audit?action=auth.logout&actor=${encodeURIComponent(e2e.users.viewer.email)}`)).json();
    expect(logout.items[0]).toMatchObject({ action: "auth.logout", correlationId: expect.any(String) });
    expect(Date.parse(logout.items[0].at)).toBeGreaterThan(Date.now() - 60_000);
  });

  test("a viewer sees no admin links and gets 404 for the admin pages", async ({ browser }) => {
    const context = await browser.newContext({ storageState: e2e.statePath("viewer") });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toContainText("E2E Viewer");
    await expect(page.getByRole("link", { name: "Χρήστες" })).toHaveCount(0);
    expect((await page.goto("/settings/users"))?.status()).toBe(404);
    expect((await page.goto("/settings/audit"))?.status()).toBe(404);
    await context.close();
  });
});
