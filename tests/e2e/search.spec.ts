import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_ISSUER, adminApi, freshSeries, settledTransmission, stateOf } from "./compose-fixtures";

test.use({ storageState: stateOf("clerk") });

test('the history search finds "ΠΤ…/1" typed as "pt…/1" in Latin lower case, and a customer typed without accents', async ({ page }) => {
  const admin = await adminApi();
  const series = await freshSeries(admin, "ΠΤ");
  await admin.dispose();
  const name = `Ωμέγα Δοκιμή ${series}`;
  const draft = {
    id: randomUUID(),
    issuer: { vat: DEMO_ISSUER.vat, name: DEMO_ISSUER.name, branchCode: 0, address: DEMO_ISSUER.address },
    series,
    counterparty: { name, vat: "EL094014201", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΕΡΜΟΥ 1", postalCode: "10563" }, emails: [] },
    priceEntry: "net",
    lines: [{ description: "Υπηρεσία", quantity: "1", unitCode: 1, unitPrice: "10", discountPercent: "0", vatCategory: 1, incomeClassification: { category: "category1_3", type: "E3_561_001" } }],
    payments: [{ methodCode: 3, amount: "12,40" }],
  };
  const issued = await page.request.post("/api/credit-notes", { data: { draft } });
  expect(issued.status(), await issued.text()).toBe(202);
  expect((await settledTransmission(page.request, String((await issued.json()).id))).status).toBe("accepted");

  const latin = `pt${series.slice(2).toLowerCase()}/1`;
  await page.goto("/transmissions");
  await page.getByLabel("Αναζήτηση").fill(latin);
  await page.getByRole("button", { name: "Εφαρμογή" }).click();
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: `${series}/1` })).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(1);

  await page.getByLabel("Αναζήτηση").fill(`omega dokimh pt${series.slice(2).toLowerCase()}`);
  await page.getByRole("button", { name: "Εφαρμογή" }).click();
  await expect(table.getByRole("link", { name: `${series}/1` })).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(1);
});
