import { expect, test, type Page } from "@playwright/test";
import { DEMO_ISSUER, erpInvoice, freshSeries, prepareComposeData, sandboxDocuments, screenshot, settledTransmission, stateOf } from "./compose-fixtures";

// Composing is a clerk's job: these specs run signed in as the suite's clerk.
test.use({ storageState: stateOf("clerk") });

/** Crediting an issued invoice (one the ERP sent) by its authentication code and MARK, as 5.2 and as 5.1. */

async function creditThroughPage(page: Page, original: { mark: string; authenticationCode: string }, kind: "5.2" | "5.1", series: string) {
  await page.goto("/credit-notes/credit-existing");
  await page.getByLabel("Κωδικός αυθεντικοποίησης αρχικού").fill(original.authenticationCode);
  await page.getByLabel("ΜΑΡΚ αρχικού").fill(original.mark);
  await page.getByLabel(kind === "5.2" ? /^5\.2 — μη συσχετιζόμενο/ : /^5\.1 — συσχετιζόμενο/).check();
  await page.getByLabel("Εκδότης", { exact: true }).selectOption(DEMO_ISSUER.vat);
  await page.getByLabel("Σειρά του νέου πιστωτικού").fill(series);
  await screenshot(page, `credit-existing-${kind}`);
  await page.getByRole("button", { name: "Αποστολή πίστωσης" }).click();
  await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
  return settledTransmission(page.request, page.url().split("/").pop() ?? "");
}

test("issued invoices are credited by authentication code and MARK, as 5.2 and as a related 5.1; a second full credit is refused", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { admin } = await prepareComposeData();
  const unrelatedSeries = await freshSeries(admin, "K");
  const relatedSeries = await freshSeries(admin, "R");
  const original = await erpInvoice("1042");
  const other = await erpInvoice("1042");

  // Errors first: nothing typed.
  await page.goto("/credit-notes/credit-existing");
  await page.getByRole("button", { name: "Αποστολή πίστωσης" }).click();
  await expect(page.getByLabel("Κωδικός αυθεντικοποίησης αρχικού")).toHaveAccessibleDescription("είναι υποχρεωτικό");
  await expect(page.getByLabel("ΜΑΡΚ αρχικού")).toHaveAccessibleDescription("επιτρέπονται μόνο ψηφία (έως 50)");

  const unrelated = await creditThroughPage(page, original, "5.2", unrelatedSeries);
  expect(unrelated.status).toBe("accepted");
  const related = await creditThroughPage(page, other, "5.1", relatedSeries);
  expect(related.status).toBe("accepted");
  expect(related).toMatchObject({ netCents: 10000, vatCents: 2400, grossCents: 12400 });

  // The first invoice again: refused with the amounts, and no number used.
  await page.goto("/credit-notes/credit-existing");
  await page.getByLabel("Κωδικός αυθεντικοποίησης αρχικού").fill(original.authenticationCode);
  await page.getByLabel("ΜΑΡΚ αρχικού").fill(original.mark);
  await page.getByLabel("Εκδότης", { exact: true }).selectOption(DEMO_ISSUER.vat);
  await page.getByLabel("Σειρά του νέου πιστωτικού").fill(unrelatedSeries);
  await page.getByRole("button", { name: "Αποστολή πίστωσης" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Έχει ήδη πιστωθεί 124,00 από 124,00 €");

  const documents = await sandboxDocuments();
  expect(documents.filter((d) => d.series === unrelatedSeries)).toEqual([expect.objectContaining({ invoiceType: "5.2", number: "1", totals: { net: 100, vat: 24, gross: 124 } })]);
  expect(documents.filter((d) => d.series === relatedSeries)).toEqual([expect.objectContaining({ invoiceType: "5.1", number: "1" })]);
});

test("a history row's link prefills the credit form", async ({ page }) => {
  await prepareComposeData();
  await page.goto(`/credit-notes/credit-existing?authenticationCode=ABC123&mark=400001000000001&series=D9439&relateCredit=true`);
  await expect(page.getByLabel("Κωδικός αυθεντικοποίησης αρχικού")).toHaveValue("ABC123");
  await expect(page.getByLabel("ΜΑΡΚ αρχικού")).toHaveValue("400001000000001");
  await expect(page.getByLabel("Σειρά του νέου πιστωτικού")).toHaveValue("D9439");
  await expect(page.getByLabel(/^5\.1 — συσχετιζόμενο/)).toBeChecked();
});
