import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_ISSUER, prepareComposeData, settledTransmission, stateOf } from "./compose-fixtures";

test.use({ storageState: stateOf("clerk") });

test("the detail page of a note with 20 % withholding and stamp duty shows each line's taxes, the tax totals and the payable amount", async ({ page }) => {
  const { series } = await prepareComposeData();
  // 1 × 100,00 € net at 24 %, withholding 3 (20 %) and stamp duty 1 (1,2 %): payable 100 + 24 − 20 + 1,20 = 105,20.
  const draft = {
    id: randomUUID(),
    issuer: { vat: DEMO_ISSUER.vat, name: DEMO_ISSUER.name, branchCode: 0, address: DEMO_ISSUER.address },
    series,
    counterparty: { name: "ΣΥΜΒΟΥΛΟΙ Α.Ε.", vat: "EL094019245", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΣΤΑΔΙΟΥ 10", postalCode: "10564" }, emails: [] },
    priceEntry: "net",
    lines: [{
      description: "Συμβουλευτικές υπηρεσίες", quantity: "1", unitCode: 1, unitPrice: "100", discountPercent: "0", vatCategory: 1,
      incomeClassification: { category: "category1_1", type: "E3_561_001" }, withheldCategory: 3, stampDutyCategory: 1,
    }],
    payments: [{ methodCode: 3, amount: "105,20" }],
  };
  const answer = await page.request.post("/api/credit-notes", { data: { draft } });
  expect(answer.status(), await answer.text()).toBe(202);
  const id = String((await answer.json()).id);
  expect((await settledTransmission(page.request, id)).status).toBe("accepted");

  await page.goto(`/transmissions/${id}`);
  const taxes = page.locator('[data-line-taxes="1"]');
  await expect(taxes).toContainText(/Παρακράτηση φόρου \(κατ\. 3 — [^)]+\): 20,00 €/);
  await expect(taxes).toContainText(/Χαρτόσημο \(κατ\. 1 — [^)]+\): 1,20 €/);
  await expect(page.getByTestId("line-1-payable")).toHaveText("πληρωτέο γραμμής 105,20 €");
  const totals = page.getByTestId("sent-tax-totals");
  await expect(totals).toContainText("Παρακράτηση φόρου: 20,00 €");
  await expect(totals).toContainText("Χαρτόσημο: 1,20 €");
  await expect(totals).toContainText("Πληρωτέο: 105,20 €");
});
