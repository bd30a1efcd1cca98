import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_ISSUER, prepareComposeData, screenshot, stateOf } from "./compose-fixtures";

// Composing is a clerk's job.
test.use({ storageState: stateOf("clerk") });

/** Work is never lost silently: limits with counters, a failing autosave says why and keeps a copy, a reload keeps every line. */

function threeLineDraft(id: string, series: string, profileId: string) {
  return {
    step: 2,
    draft: {
      id,
      issuerProfileId: profileId,
      issuer: { vat: DEMO_ISSUER.vat, name: DEMO_ISSUER.name, branchCode: 0, address: DEMO_ISSUER.address },
      series,
      issuedAt: null,
      counterparty: { name: "ΠΕΛΑΤΗΣ ΑΕ", vat: "EL094014201", code: "", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΕΡΜΟΥ 1", postalCode: "10563" }, emails: [] },
      priceEntry: "gross",
      lines: ["Πρώτη γραμμή", "Δεύτερη γραμμή", "Τρίτη γραμμή"].map((description) => ({
        description, quantity: "1", unitCode: 1, unitPrice: "12,40", discountPercent: "", vatCategory: 1, vatExemptionCategory: null,
        incomeClassification: { category: "category1_1", type: "E3_561_001" },
      })),
      payments: [{ methodCode: 3, amount: "37,20" }],
      emails: [],
      reference: "",
      notes: "",
    },
  };
}

test("an over-long description shows its counter and named limit, the failing autosave a banner with the reason, and a reload keeps every line", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const { series, profileId } = await prepareComposeData();
  const id = randomUUID();
  expect((await page.request.put(`/api/drafts/${id}`, { data: threeLineDraft(id, series, profileId) })).status()).toBe(200);
  await page.goto(`/credit-notes/new?draft=${id}`);
  const grid = page.getByTestId("lines-grid");
  await expect(grid.locator("[data-line-index]")).toHaveCount(3);

  // A fourth line, then the third line's description typed well past its limit of 300.
  await page.getByRole("button", { name: "+ Γραμμή" }).click();
  await expect(grid.locator("[data-line-index]")).toHaveCount(4);
  const fourth = grid.locator('[data-line-index="3"]');
  await fourth.getByPlaceholder("Περιγραφή").fill("Τέταρτη γραμμή");
  await fourth.getByPlaceholder("Ποσότητα").fill("2");
  await fourth.getByPlaceholder("Τιμή μονάδας").fill("6,20");
  const third = grid.locator('[data-line-index="2"]');
  const long = `${"Πολύ μεγάλη περιγραφή ".repeat(14)}τέλος`;
  expect(long.length).toBeGreaterThan(300);
  await third.getByPlaceholder("Περιγραφή").fill(long);

  // The counter and the error name the limit.
  await expect(third.getByTestId("char-counter")).toHaveText(`${long.length} / 300 χαρακτήρες — ${long.length - 300} παραπάνω από το όριο`);
  await expect(third.getByText("επιτρέπονται έως 300 χαρακτήρες")).toBeVisible();

  // The server refuses the autosave: a banner that stays, with the server's reason.
  const banner = page.getByTestId("autosave-failure");
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText("Το πρόχειρο δεν αποθηκεύεται στον διακομιστή.");
  await expect(banner).toContainText("γραμμή 3");
  await expect(banner).toContainText("300");
  await expect(banner).toContainText("Ένα αντίγραφο κρατιέται σε αυτόν τον browser");
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-state", "error");
  const gross = await page.getByTestId("totals-gross").textContent();
  expect(gross).toContain("49,60");
  await screenshot(page, "draft-safety-banner");

  // Leaving asks first; the reload then brings back all four lines, the long text included.
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toContain("beforeunload");
  await expect(page.getByText(/Επαναφέρθηκε το αντίγραφο αυτού του browser/)).toBeVisible();
  await expect(grid.locator("[data-line-index]")).toHaveCount(4);
  await expect(grid.locator('[data-line-index="2"]').getByPlaceholder("Περιγραφή")).toHaveValue(long);
  await expect(grid.locator('[data-line-index="3"]').getByPlaceholder("Περιγραφή")).toHaveValue("Τέταρτη γραμμή");
  await expect(page.getByTestId("totals-gross")).toHaveText(gross ?? "");
  // Still too long for the server: the banner is back.
  await expect(page.getByTestId("autosave-failure")).toBeVisible({ timeout: 15_000 });

  // Shortened: saved on the server, the banner goes, and the server's copy has all four lines.
  await grid.locator('[data-line-index="2"]').getByPlaceholder("Περιγραφή").fill("Τρίτη γραμμή, συντομότερη");
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await expect(page.getByTestId("autosave-failure")).toBeHidden();
  const stored = (await (await page.request.get("/api/drafts")).json()) as { items: { id: string }[] };
  expect(stored.items.some((item) => item.id === id)).toBe(true);
  dialogs.length = 0;
  await page.reload();
  expect(dialogs).toEqual([]);
  await expect(grid.locator("[data-line-index]")).toHaveCount(4);
  await expect(page.getByText(/Επαναφέρθηκε το αντίγραφο/)).toBeHidden();
  await expect(grid.locator('[data-line-index="2"]').getByPlaceholder("Περιγραφή")).toHaveValue("Τρίτη γραμμή, συντομότερη");
});
