import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_ISSUER, prepareComposeData, sandboxDocuments, screenshot, settledTransmission, stateOf } from "./compose-fixtures";

// Composing is a clerk's job: these specs run signed in as the suite's clerk.
test.use({ storageState: stateOf("clerk") });

/** Drafts: saved as the clerk types, restored after a reload, listed to resume, duplicate or delete. */

function sampleSnapshot(id: string, series: string, profileId: string, counterpartyName: string) {
  return {
    step: 4,
    draft: {
      id,
      issuerProfileId: profileId,
      issuer: { vat: DEMO_ISSUER.vat, name: DEMO_ISSUER.name, branchCode: 0, address: DEMO_ISSUER.address },
      series,
      issuedAt: null,
      counterparty: { name: counterpartyName, vat: "DE123456789", code: "00001", address: { countryCode: "DE", city: "Reutlingen", street: "STREET NUMBER", postalCode: "12345" }, emails: [] },
      priceEntry: "gross",
      lines: [{ description: "Φαρδιά ζώνη cowboy", quantity: "1", unitCode: 1, unitPrice: "7,99", discountPercent: "", vatCategory: 1, vatExemptionCategory: null, incomeClassification: { category: "category1_1", type: "E3_561_001" } }],
      payments: [{ methodCode: 3, amount: "7,99" }],
      emails: ["COMPANY@company.com"],
      reference: "A9439 / 50",
      notes: "",
    },
  };
}

test.describe("drafts", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test("the draft is saved as the clerk types and a reload mid-wizard restores it, step included", async ({ page }) => {
    const { series } = await prepareComposeData();
    await page.goto("/credit-notes/new");
    await expect(page).toHaveURL(/\/credit-notes\/new\?draft=[0-9a-f-]{36}$/);
    const url = page.url();
    await page.getByLabel("Προφίλ εκδότη").selectOption({ label: `${DEMO_ISSUER.name} — ${DEMO_ISSUER.vat}` });
    await page.getByLabel("Σειρά", { exact: true }).selectOption(series);
    await page.getByRole("button", { name: "Επόμενο →" }).click();
    await page.getByLabel("Επωνυμία αντισυμβαλλόμενου").fill("ΑΠΟΘΗΚΕΥΜΕΝΟ ΠΡΟΧΕΙΡΟ ΑΕ");
    await page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου").fill("0940142");
    await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-state", "saved");
    await expect(page.getByTestId("autosave-status")).toContainText("Το πρόχειρο αποθηκεύτηκε");

    await page.reload();
    expect(page.url()).toBe(url);
    await expect(page.getByText("Συνεχίζετε ένα αποθηκευμένο πρόχειρο.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Αντισυμβαλλόμενος", level: 2 })).toBeVisible();
    await expect(page.getByLabel("Επωνυμία αντισυμβαλλόμενου")).toHaveValue("ΑΠΟΘΗΚΕΥΜΕΝΟ ΠΡΟΧΕΙΡΟ ΑΕ");
    await expect(page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου")).toHaveValue("0940142");
    await page.getByRole("button", { name: "← Πίσω" }).click();
    await expect(page.getByLabel("Σειρά", { exact: true })).toHaveValue(series);
  });

  test("the drafts list resumes, duplicates and deletes drafts", async ({ page }) => {
    const { series, profileId } = await prepareComposeData();
    const name = `ΛΙΣΤΑ ${series}`;
    const id = randomUUID();
    const saved = await page.request.put(`/api/drafts/${id}`, { data: sampleSnapshot(id, series, profileId, name) });
    expect(saved.status()).toBe(200);

    await page.goto("/credit-notes/drafts");
    const rows = page.getByRole("row").filter({ hasText: name });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("7,99 €");
    await expect(rows.first()).toContainText("Έλεγχος & έκδοση");
    await page.getByRole("button", { name: `Αντίγραφο — ${name}` }).click();
    await expect(rows).toHaveCount(2);
    await screenshot(page, "drafts-list");

    await page.getByRole("button", { name: `Διαγραφή — ${name}` }).first().click();
    const dialog = page.getByRole("dialog", { name: `Διαγραφή του πρόχειρου «${name}»;` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Άκυρο" }).click();
    await expect(rows).toHaveCount(2);
    await page.getByRole("button", { name: `Διαγραφή — ${name}` }).first().click();
    await dialog.getByRole("button", { name: "Διαγραφή" }).click();
    await expect(rows).toHaveCount(1);

    await page.getByRole("link", { name: `Συνέχεια — ${name}` }).click();
    await expect(page.getByRole("heading", { name: "Έλεγχος & έκδοση", level: 2 })).toBeVisible();
    await expect(page.getByTestId("document-view")).toContainText(name);
    await expect(page.getByTestId("totals-gross")).toHaveText("7,99 €");
  });

  test("a double-click on Issue sends one document, and the issued draft leaves the list", async ({ page }) => {
    const { series, profileId } = await prepareComposeData();
    const name = `ΔΙΠΛΟ ΚΛΙΚ ${series}`;
    const id = randomUUID();
    expect((await page.request.put(`/api/drafts/${id}`, { data: sampleSnapshot(id, series, profileId, name) })).status()).toBe(200);

    await page.goto(`/credit-notes/new?draft=${id}`);
    await expect(page.getByTestId("document-summaries")).toContainText("7,99 €");
    await page.getByRole("button", { name: /Έκδοση πιστωτικού/ }).dblclick();
    await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
    const detail = await settledTransmission(page.request, page.url().split("/").pop() ?? "");
    expect(detail.status).toBe("accepted");
    expect((await sandboxDocuments()).filter((d) => d.series === series)).toHaveLength(1);
    expect((await (await page.request.get(`/api/transmissions?series=${series}`)).json()).items).toHaveLength(1);

    // Issued: the draft is gone from the list, cannot be saved again, and its address opens the document.
    await page.goto("/credit-notes/drafts");
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
    expect((await page.request.put(`/api/drafts/${id}`, { data: sampleSnapshot(id, series, profileId, name) })).status()).toBe(409);
    const again = await page.request.post("/api/credit-notes", { data: { draft: sampleSnapshot(id, series, profileId, name).draft } });
    expect(again.status()).toBe(202);
    expect((await again.json()).id).toBe(detail.id);
  });

  test("a sent document copied as a new draft opens in the wizard with its parties, lines and payments", async ({ page }) => {
    const { series, profileId } = await prepareComposeData();
    const name = `ΑΝΤΙΓΡΑΦΟ ${series}`;
    const draft = { ...sampleSnapshot(randomUUID(), series, profileId, name).draft, id: undefined };
    const issued = await page.request.post("/api/credit-notes", { data: { draft } });
    expect(issued.status()).toBe(202);
    const { id } = await issued.json();

    await page.goto(`/credit-notes/new?from=${id}`);
    await expect(page).toHaveURL(/\/credit-notes\/new\?draft=[0-9a-f-]{36}$/);
    await expect(page.getByText("Συνεχίζετε ένα αποθηκευμένο πρόχειρο.")).toBeVisible();
    await expect(page.getByLabel("Σειρά", { exact: true })).toHaveValue(series);
    await page.getByRole("button", { name: "Επόμενο →" }).click();
    await expect(page.getByLabel("Επωνυμία αντισυμβαλλόμενου")).toHaveValue(name);
    await page.getByRole("button", { name: "Επόμενο →" }).click();
    await expect(page.getByLabel("Περιγραφή (γραμμή 1)")).toHaveValue("Φαρδιά ζώνη cowboy");
    // The copy keeps how the price was typed: the sample's gross 7,99, not the net 6,44 derived from it.
    await expect(page.getByLabel("Τιμή μονάδας (γραμμή 1)")).toHaveValue("7,99");
    await expect(page.getByTestId("totals-gross")).toHaveText("7,99 €");
  });
});
