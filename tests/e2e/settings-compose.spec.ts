import { expect, test } from "@playwright/test";
import { adminApi, screenshot, stateOf } from "./compose-fixtures";

/** Settings for issuer profiles, branches and series (administrators) and the address book (clerks). */

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
});

test("an administrator manages issuer profiles and their branches", async ({ page }) => {
  await page.goto("/settings");
  for (const section of ["Εκδότες και υποκαταστήματα", "Σειρές αρίθμησης", "Ευρετήριο αντισυμβαλλομένων", "Χρήστες και ρόλοι", "Ιστορικό ενεργειών"]) {
    await expect(page.getByRole("main").getByRole("link", { name: new RegExp(section) })).toBeVisible();
  }
  await page.getByRole("main").getByRole("link", { name: /Εκδότες και υποκαταστήματα/ }).click();
  const form = page.getByRole("form", { name: "Νέο προφίλ εκδότη" });
  const name = `ΔΟΚΙΜΗ ${Date.now()}`;
  await form.getByLabel("ΑΦΜ / VAT").fill("123456789");
  await form.getByLabel("Επωνυμία").fill(name);
  await form.getByRole("button", { name: "Προσθήκη" }).click();
  await expect(form.getByLabel("ΑΦΜ / VAT")).toHaveAccessibleDescription("μη έγκυρος ΑΦΜ (λάθος ψηφίο ελέγχου)");
  await expect(form.getByLabel("Πόλη")).toHaveAccessibleDescription("είναι υποχρεωτικό");
  await form.getByLabel("ΑΦΜ / VAT").fill(`EL${["800123456", "998877666", "123123128"][Date.now() % 3]}`);
  await form.getByLabel("Οδός και αριθμός").fill("ΤΣΙΜΙΣΚΗ 10");
  await form.getByLabel("Τ.Κ.").fill("54623");
  await form.getByLabel("Πόλη").fill("ΘΕΣΣΑΛΟΝΙΚΗ");
  await form.getByLabel(/Προεπιλεγμένος χαρακτηρισμός εσόδου/).selectOption("category1_3");
  await expect(form.getByLabel("Τύπος χαρακτηρισμού")).toHaveValue("E3_561_001");
  await form.getByRole("button", { name: "Προσθήκη" }).click();

  const card = page.getByRole("region", { name: new RegExp(name) });
  await expect(card).toBeVisible();
  await expect(card).toContainText("category1_3 / E3_561_001");
  const branchForm = card.getByRole("form", { name: `Προσθήκη υποκαταστήματος — ${name}` });
  await branchForm.getByLabel("Κωδικός υποκαταστήματος").fill("0");
  await branchForm.getByRole("button", { name: "Προσθήκη υποκαταστήματος" }).click();
  await expect(branchForm.getByLabel("Κωδικός υποκαταστήματος")).toHaveAccessibleDescription(/από 1 έως 999999/);
  await branchForm.getByLabel("Κωδικός υποκαταστήματος").fill("3");
  await branchForm.getByLabel("Ονομασία").fill("Υποκατάστημα Καλαμαριάς");
  await branchForm.getByRole("button", { name: "Προσθήκη υποκαταστήματος" }).click();
  await expect(card.getByRole("row", { name: /Υποκατάστημα Καλαμαριάς/ })).toBeVisible();
  await screenshot(page, "settings-issuers");

  await card.getByRole("button", { name: "Διαγραφή — Υποκατάστημα Καλαμαριάς" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Διαγραφή" }).click();
  await expect(card.getByRole("row", { name: /Υποκατάστημα Καλαμαριάς/ })).toHaveCount(0);

  await card.getByRole("button", { name: "Επεξεργασία" }).click();
  await card.getByRole("form", { name: `Επεξεργασία — ${name}` }).getByLabel("Επωνυμία").fill(`${name} ΑΕ`);
  await card.getByRole("button", { name: "Αποθήκευση" }).click();
  const renamed = page.getByRole("region", { name: new RegExp(`${name} ΑΕ`) });
  await expect(renamed).toBeVisible();
  await renamed.getByRole("button", { name: `Διαγραφή — ${name} ΑΕ` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Διαγραφή" }).click();
  await expect(renamed).toHaveCount(0);
});

test("an administrator adds a series, changes its next number and deletes it", async ({ page }) => {
  const admin = await adminApi();
  await admin.post("/api/issuer-profiles", {
    data: { vat: "EL094259216", name: "BEST SHOPPING", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" } },
  });
  await page.goto("/settings/series");
  const code = `S${Date.now().toString(36).toUpperCase()}`;
  const form = page.getByRole("form", { name: "Νέα σειρά" });
  await form.getByLabel("ΑΦΜ εκδότη").selectOption("EL094259216");
  await form.getByLabel("Κωδικός σειράς").fill(code);
  await form.getByLabel("Επόμενος αριθμός").fill("0");
  await form.getByRole("button", { name: "Προσθήκη" }).click();
  await expect(form.getByLabel("Επόμενος αριθμός")).toHaveAccessibleDescription(/από 1 και πάνω/);
  await form.getByLabel("Επόμενος αριθμός").fill("10");
  await form.getByRole("button", { name: "Προσθήκη" }).click();
  const row = page.locator(`tr[data-series="${code}"]`);
  await expect(row.getByLabel(`Επόμενος αριθμός — ${code}`)).toHaveValue("10");
  await row.getByLabel(`Επόμενος αριθμός — ${code}`).fill("42");
  await row.getByRole("button", { name: "Αποθήκευση" }).click();
  await expect.poll(async () => {
    const list = await (await page.request.get("/api/series?issuerVat=EL094259216")).json();
    return list.items.find((s: { code: string }) => s.code === code)?.nextNumber;
  }).toBe(42);
  await screenshot(page, "settings-series");
  await row.getByRole("button", { name: `Διαγραφή — ${code}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Διαγραφή" }).click();
  await expect(row).toHaveCount(0);
});

test.describe("as a clerk", () => {
  test.use({ storageState: stateOf("clerk") });

test("a clerk keeps the address book (search ignores case and accents) but cannot open issuer or series settings", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("main").getByRole("link", { name: /Ευρετήριο αντισυμβαλλομένων/ })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: /Εκδότες και υποκαταστήματα/ })).toHaveCount(0);
  expect((await page.request.get("/settings/issuers")).status()).toBe(404);
  expect((await page.request.get("/settings/series")).status()).toBe(404);
  const refused = await page.request.post("/api/issuer-profiles", { data: { vat: "EL094014201", name: "X", address: { countryCode: "GR", city: "A", street: "B", postalCode: "1" } } });
  expect(refused.status()).toBe(403);

  await page.goto("/settings/counterparties");
  const suffix = Date.now().toString(36).toUpperCase();
  const form = page.getByRole("form", { name: "Νέος αντισυμβαλλόμενος" });
  await form.getByLabel("Επωνυμία").fill(`ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ ${suffix}`);
  await form.getByLabel("ΑΦΜ / VAT").fill("800123456");
  await form.getByLabel("Οδός και αριθμός").fill("ΣΤΑΔΙΟΥ 5");
  await form.getByLabel("Τ.Κ.").fill("10562");
  await form.getByLabel("Πόλη").fill("ΑΘΗΝΑ");
  await form.getByLabel("E-mail").fill("a@omega.gr, bad-address");
  await form.getByRole("button", { name: "Προσθήκη" }).click();
  await expect(form.getByLabel("E-mail")).toHaveAccessibleDescription("δεν είναι έγκυρη διεύθυνση e-mail");
  await form.getByLabel("E-mail").fill("a@omega.gr, b@omega.gr");
  await form.getByRole("button", { name: "Προσθήκη" }).click();
  await expect(page.getByRole("cell", { name: `ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ ${suffix}`, exact: true })).toBeVisible();

  await page.getByRole("searchbox").fill(`ωμεγα εμπορικη ${suffix.toLowerCase()}`);
  await page.getByRole("button", { name: "Αναζήτηση" }).click();
  const rows = page.locator("tr[data-counterparty]");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("EL800123456");
  await expect(rows.first()).toContainText("a@omega.gr, b@omega.gr");
  await screenshot(page, "settings-counterparties");

  await page.getByRole("button", { name: `Επεξεργασία — ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ ${suffix}` }).click();
  const edit = page.getByRole("form", { name: `Επεξεργασία — ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ ${suffix}` });
  await edit.getByLabel("Πόλη").fill("ΠΕΙΡΑΙΑΣ");
  await edit.getByRole("button", { name: "Αποθήκευση" }).click();
  await expect(rows.first()).toContainText("ΠΕΙΡΑΙΑΣ");
  await page.getByRole("button", { name: `Διαγραφή — ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ ${suffix}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Διαγραφή" }).click();
  await expect(rows).toHaveCount(0);
});
});
