import { expect, test } from "@playwright/test";
import { sampleDraft } from "../fixtures/sample-draft";
import { adminApi, DEMO_ISSUER, ensureDemoIssuer } from "./compose-fixtures";
import { e2eSettings } from "./global-setup";

// Signed in as a clerk (the role that composes and previews), from the state the global setup stored.
test.use({ storageState: e2eSettings().statePath("clerk") });

test("the overview shows the environment loudly and reaches the provider", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Επισκόπηση" })).toBeVisible();
  await expect(page.getByRole("status", { name: "environment" })).toContainText("SANDBOX");
  await expect(page.getByTestId("provider-reachable")).toHaveText("ναι");
});

test("the first Tab on the overview lands on the skip link, which jumps to the content", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Επισκόπηση" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Μετάβαση στο περιεχόμενο" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
  await expect(page.locator("main#main-content")).toBeFocused();
});

test("the first page load finds its icon and logs no console error", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const icons: number[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/favicon.ico") icons.push(response.status());
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Επισκόπηση" })).toBeVisible();
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/favicon\.ico/);
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/");
  await page.waitForLoadState("networkidle");
  expect(icons.every((status) => status === 200)).toBe(true);
  expect(errors).toEqual([]);
});

test("health answers 200 with the database and provider state", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ ok: true, database: { ok: true, engine: "sqlite" }, provider: { reachable: true, keyConfigured: true } });
  expect(JSON.stringify(body)).not.toContain(process.env.E2E_API_KEY ?? "sandbox-demo-key");
});

test("preview of the draft of docs/DRAFT.md yields the provider sample's amounts", async ({ request }) => {
  // The administrator defines the sample's issuer and series; the clerk only chooses them.
  const admin = await adminApi();
  await ensureDemoIssuer(admin);
  expect([201, 409]).toContain((await admin.post("/api/series", { data: { issuerVat: DEMO_ISSUER.vat, code: sampleDraft().series } })).status());
  const response = await request.post("/api/credit-notes/preview", { data: { draft: sampleDraft() } });
  expect(response.status()).toBe(200);
  const { document, totals } = await response.json();
  expect(document.InvoiceTypeCode).toBe("5.2");
  expect(document.Details[0]).toMatchObject({ NetTotal: 6.44, VATTotal: 1.55, Total: 7.99 });
  expect(document.Summaries).toEqual({ TotalNetAmount: 6.44, TotalVATAmount: 1.55, TotalGrossValue: 7.99 });
  expect(totals).toMatchObject({ netCents: 644, vatCents: 155, grossCents: 799 });
});

test("a bad draft gets 422 with field errors in the caller's language", async ({ request }) => {
  const draft = sampleDraft();
  draft.issuer.vat = "EL123456789";
  const greek = await request.post("/api/credit-notes/preview", { data: { draft } });
  expect(greek.status()).toBe(422);
  expect((await greek.json()).errors).toContainEqual({
    path: "draft.issuer.vat", code: "afm_check_digit", message: "ΑΦΜ εκδότη: μη έγκυρος ΑΦΜ (λάθος ψηφίο ελέγχου)",
  });
  const english = await request.post("/api/credit-notes/preview", { data: { draft }, headers: { "Accept-Language": "en-GB,en;q=0.9" } });
  expect((await english.json()).errors[0].message).toBe("Issuer VAT number: invalid Greek VAT number (AFM): wrong check digit");
});

test("malformed JSON is a 400, never a 500", async ({ request }) => {
  const response = await request.post("/api/credit-notes/preview", {
    headers: { "Content-Type": "application/json" },
    // A Buffer is sent as is (Playwright would JSON-encode a string that does not parse).
    data: Buffer.from("{not json"),
  });
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ error: { code: "invalid_body" }, correlationId: expect.any(String) });
});
