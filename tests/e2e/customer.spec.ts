import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ISSUER, prepareComposeData, screenshot, settledTransmission, stateOf } from "./compose-fixtures";

test.use({ storageState: stateOf("clerk") });

/** A Greek AFM with a right check digit, different in every run. */
function freshAfm(): string {
  for (;;) {
    const body = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
    const sum = [...body].reduce((total, digit, i) => total + Number(digit) * 2 ** (8 - i), 0);
    const check = (sum % 11) % 10;
    if (body[0] !== "0") return `${body}${check}`;
  }
}

function cents(text: string | null): number {
  const digits = (text ?? "").replace(/[^\d,]/g, "").replace(",", ".");
  return Math.round(Number(digits) * 100);
}

async function issue(page: Page, series: string, vat: string, name: string, price: string): Promise<string> {
  const draft = {
    id: randomUUID(),
    issuer: { vat: DEMO_ISSUER.vat, name: DEMO_ISSUER.name, branchCode: 0, address: DEMO_ISSUER.address },
    series,
    counterparty: { name, vat: `EL${vat}`, address: { countryCode: "GR", city: "ΠΑΤΡΑ", street: "ΚΟΡΙΝΘΟΥ 5", postalCode: "26221" }, emails: [] },
    priceEntry: "gross",
    lines: [{ description: "Επιστροφή", quantity: "1", unitCode: 1, unitPrice: price, discountPercent: "0", vatCategory: 1, incomeClassification: { category: "category1_1", type: "E3_561_001" } }],
    payments: [{ methodCode: 3, amount: price }],
  };
  const answer = await page.request.post("/api/credit-notes", { data: { draft } });
  expect(answer.status(), await answer.text()).toBe(202);
  const id = String((await answer.json()).id);
  expect((await settledTransmission(page.request, id)).status).toBe("accepted");
  return id;
}

test("the customer page, reached from the address book and from the history, shows its documents and credited totals that equal their sum", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const { series } = await prepareComposeData();
  const vat = freshAfm();
  const name = `ΠΕΛΑΤΗΣ ${vat} Α.Ε.`;
  const created = await page.request.post("/api/counterparties", {
    data: { name, vat: `EL${vat}`, code: "", address: { countryCode: "GR", city: "ΠΑΤΡΑ", street: "ΚΟΡΙΝΘΟΥ 5", postalCode: "26221" }, emails: [] },
  });
  expect(created.status(), await created.text()).toBe(201);
  await issue(page, series, vat, name, "12,40");
  await issue(page, series, vat, name, "37,20");

  // From the address book.
  await page.goto(`/settings/counterparties?q=${vat}`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/counterparties\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const documents = page.getByTestId("customer-documents").locator("li");
  await expect(documents).toHaveCount(2);
  const grosses = await page.getByTestId("customer-documents").getByTestId("document-gross").allTextContents();
  const sum = grosses.map(cents).reduce((a, b) => a + b, 0);
  expect(sum).toBe(4960);
  expect(cents(await page.getByTestId("total-gross").textContent())).toBe(sum);
  const months = await page.getByTestId("credited-months").getByTestId("month-gross").allTextContents();
  expect(months.map(cents).reduce((a, b) => a + b, 0)).toBe(sum);
  await screenshot(page, "customer-page");

  // Each document opens; the history's counterparty links to the same customer.
  await documents.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/transmissions\/[0-9a-f-]{36}$/);
  await page.goto(`/transmissions?${new URLSearchParams({ counterparty: vat })}`);
  await page.getByRole("table").getByRole("link", { name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/counterparties/EL${vat}$`));
  await expect(page.getByTestId("total-gross")).toHaveText(/49,60/);
});

test("typing a known VAT number in the wizard fills the counterparty from the address book", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const { series, profileId } = await prepareComposeData();
  const vat = freshAfm();
  const name = `ΓΝΩΣΤΟΣ ${vat} Ο.Ε.`;
  expect((await page.request.post("/api/counterparties", {
    data: { name, vat: `EL${vat}`, code: "C-9", address: { countryCode: "GR", city: "ΛΑΡΙΣΑ", street: "ΠΑΠΑΦΛΕΣΣΑ 3", postalCode: "41222" }, emails: ["books@known.example"] },
  })).status()).toBe(201);
  const id = randomUUID();
  const draft = {
    id, issuerProfileId: profileId, issuer: { vat: DEMO_ISSUER.vat, name: DEMO_ISSUER.name, branchCode: 0, address: DEMO_ISSUER.address }, series, issuedAt: null,
    counterparty: { name: "", vat: "", code: "", address: { countryCode: "GR", city: "", street: "", postalCode: "" }, emails: [] },
    priceEntry: "gross", lines: [], payments: [], emails: [], reference: "", notes: "",
  };
  expect((await page.request.put(`/api/drafts/${id}`, { data: { step: 1, draft } })).status()).toBe(200);
  await page.goto(`/credit-notes/new?draft=${id}`);
  await page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου").fill(vat);
  await expect(page.getByLabel("Επωνυμία αντισυμβαλλόμενου")).toHaveValue(name);
  await expect(page.getByLabel("Οδός αντισυμβαλλόμενου")).toHaveValue("ΠΑΠΑΦΛΕΣΣΑ 3");
});
