import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { adminApi, DEMO_ISSUER, ensureDemoIssuer, prepareComposeData, stateOf } from "./compose-fixtures";
import { e2eSettings } from "./global-setup";
import { insertDocument, outboxDocument } from "./history-fixtures";

const e2e = e2eSettings();

test.describe("as a viewer", () => {
  test.use({ storageState: stateOf("viewer") });

  test("an unknown address or document gets a 404 page in the reader's language", async ({ page, context }) => {
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Η σελίδα δεν βρέθηκε" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Στην επισκόπηση" })).toBeVisible();
    const document = await page.goto(`/transmissions/${randomUUID()}`);
    expect(document?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await context.addCookies([{ name: "locale", value: "en", url: e2e.baseURL }]);
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("This address is not a page or document of Credit Desk.")).toBeVisible();
  });

  test("a document whose sending is in doubt is explained in plain words, the technical detail folded away", async ({ page }) => {
    const doc = outboxDocument("E2EPLAIN");
    insertDocument(e2e.databasePath, doc, { status: "unknown", nextAction: "lookup", nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString(), createdBy: e2e.users.clerk.email });
    await page.goto(`/transmissions/${doc.id}`);
    await expect(page.getByTestId("problem-words")).toHaveText(/^Δεν ξέρουμε ακόμη αν ο πάροχος παρέλαβε το παραστατικό/);
    // The provider's own words and the attempts' HTTP/latency columns are there, but only on request.
    const technical = page.getByTestId("technical-details").first();
    await expect(technical.getByText("no answer in time")).toBeHidden();
    await expect(page.getByRole("columnheader", { name: "Χρόνος (ms)" })).toBeHidden();
    await technical.locator("summary").click();
    await expect(technical.getByText("no answer in time")).toBeVisible();
    await page.getByTestId("attempts-details").locator("summary").click();
    await expect(page.getByRole("columnheader", { name: "Χρόνος (ms)" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "άγνωστο αν παραλήφθηκε" })).toBeVisible();
    // Nothing on the page says "ambiguous" outside a disclosure.
    const visibleText = await page.locator("main").evaluate((main) => {
      const clone = main.cloneNode(true) as HTMLElement;
      clone.querySelectorAll("details:not([open])").forEach((details) => details.querySelectorAll(":scope > :not(summary)").forEach((el) => el.remove()));
      return clone.innerText;
    });
    expect(visibleText).not.toMatch(/ambiguous|latencyMs|HTTP \d{3}/);
  });
});

test("history's Issuer column names the issuing company, not the user who pressed Issue", async ({ page }) => {
  await ensureDemoIssuer(await adminApi());
  const doc = outboxDocument("E2EISS");
  insertDocument(e2e.databasePath, doc, { status: "unknown", nextAction: "lookup", nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString(), createdBy: e2e.users.clerk.email });
  await page.goto("/transmissions?series=E2EISS");
  const issuer = page.getByTestId("history-issuer").first();
  await expect(issuer).toContainText(DEMO_ISSUER.name);
  await expect(issuer).toContainText(DEMO_ISSUER.vat);
  await expect(issuer).not.toContainText(e2e.users.clerk.email);
});

test.describe("as a clerk", () => {
  test.use({ storageState: stateOf("clerk") });

  test("the drafts list shows each draft's age", async ({ page }) => {
    const { series, profileId } = await prepareComposeData();
    const id = randomUUID();
    const saved = await page.request.put(`/api/drafts/${id}`, { data: { step: 0, draft: { id, issuerProfileId: profileId, series, counterparty: { name: `ΗΛΙΚΙΑ ${series}` } } } });
    expect(saved.status()).toBe(200);
    await page.goto("/credit-notes/drafts");
    await expect(page.locator(`[data-draft-id="${id}"]`).getByTestId("draft-age")).toHaveText("σήμερα");
  });
});

test.describe("as a clerk, old drafts", () => {
  test.use({ storageState: stateOf("clerk") });

  test("drafts untouched for over a month are counted and deleted together on request, recent ones kept", async ({ page }) => {
    const db = new Database(e2e.databasePath, { timeout: 10_000 });
    const old = randomUUID();
    const recent = randomUUID();
    try {
      const { id: owner } = db.prepare("select id from users where email = ?").get(e2e.users.clerk.email) as { id: string };
      const snapshot = (id: string, name: string) => JSON.stringify({ step: 1, draft: { id, counterparty: { name } } });
      const longAgo = new Date(Date.now() - 45 * 86_400_000).toISOString();
      const insert = db.prepare("insert into drafts (id, owner, json, created_at, updated_at) values (?, ?, ?, ?, ?)");
      insert.run(old, owner, snapshot(old, "ΠΑΛΙΟ ΠΡΟΧΕΙΡΟ"), longAgo, longAgo);
      insert.run(recent, owner, snapshot(recent, "ΝΕΟ ΠΡΟΧΕΙΡΟ"), new Date().toISOString(), new Date().toISOString());
    } finally {
      db.close();
    }
    await page.goto("/credit-notes/drafts");
    await expect(page.locator(`[data-draft-id="${old}"]`).getByTestId("draft-age")).toHaveText("45 ημέρες");
    await expect(page.getByTestId("old-drafts")).toContainText("δεν έχουν αλλάξει πάνω από 30 ημέρες");
    await page.getByRole("button", { name: "Διαγραφή των παλιών προχείρων" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Διαγραφή των παλιών προχείρων" }).click();
    await expect(page.locator(`[data-draft-id="${old}"]`)).toHaveCount(0);
    await expect(page.locator(`[data-draft-id="${recent}"]`)).toBeVisible();
    await expect(page.getByTestId("old-drafts")).toHaveCount(0);
  });
});

test.describe("as a clerk in English", () => {
  test.use({ storageState: stateOf("clerk") });

  test("English mode accepts 1,234.56 as typed and shows amounts the English way throughout", async ({ page, context }) => {
    const { series } = await prepareComposeData();
    await context.addCookies([{ name: "locale", value: "en", url: e2e.baseURL }]);
    await page.goto("/credit-notes/new");
    await page.getByLabel("Issuer profile").selectOption({ label: `${DEMO_ISSUER.name} — ${DEMO_ISSUER.vat}` });
    await page.getByLabel("Series", { exact: true }).selectOption(series);
    await page.getByRole("button", { name: /^Next/ }).click();
    await page.getByLabel("Counterparty name").fill("ENGLISH CUSTOMER LTD");
    await page.getByLabel("Counterparty VAT number").fill("094014201");
    await page.getByLabel("Counterparty street").fill("ERMOU 1");
    await page.getByLabel("Counterparty postal code").fill("10563");
    await page.getByLabel("Counterparty city").fill("ATHENS");
    await page.getByRole("button", { name: /^Next/ }).click();
    await page.getByLabel("Description (line 1)").fill("Consulting");
    await page.getByLabel("Quantity (line 1)").fill("1");
    const price = page.getByLabel("Unit price (line 1)");
    await price.fill("1,234.56");
    await price.blur();
    await expect(price).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("totals-net")).toHaveText("1,234.56 €");
  });
});

