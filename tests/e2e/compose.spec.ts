import { expect, test, type Page } from "@playwright/test";
import { DEMO_ISSUER, prepareComposeData, sandboxDocuments, screenshot, settledTransmission, stateOf } from "./compose-fixtures";

// Composing is a clerk's job: these specs run signed in as the suite's clerk.
test.use({ storageState: stateOf("clerk") });

/** The provider's own 5.2 sample, typed by a clerk from scratch: issuer, counterparty, one gross-priced line. */

const next = (page: Page) => page.getByRole("button", { name: "Επόμενο →" }).click();

async function fillSampleIssuer(page: Page, series: string) {
  await page.getByLabel("Προφίλ εκδότη").selectOption({ label: `${DEMO_ISSUER.name} — ${DEMO_ISSUER.vat}` });
  await page.getByLabel("Σειρά", { exact: true }).selectOption(series);
  await expect(page.getByText("Επόμενος αριθμός: 1")).toBeVisible();
}

async function fillSampleCounterparty(page: Page) {
  await page.getByLabel("Επωνυμία αντισυμβαλλόμενου").fill("FOREIGN COMPANY");
  await page.getByLabel("Κωδικός αντισυμβαλλόμενου").fill("00001");
  await page.getByLabel("Χώρα αντισυμβαλλόμενου").selectOption("DE");
  await page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου").fill("DE123456789");
  await expect(page.getByTestId("vat-check")).toHaveText("✓ Έγκυρο: DE123456789");
  await page.getByLabel("Οδός αντισυμβαλλόμενου").fill("STREET NUMBER");
  await page.getByLabel("Τ.Κ. αντισυμβαλλόμενου").fill("12345");
  await page.getByLabel("Πόλη αντισυμβαλλόμενου").fill("Reutlingen");
}

test.describe("compose a credit note", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test("a clerk composes the provider's sample from scratch, typing the gross price 7,99, and issues exactly the previewed document", async ({ page }) => {
    const { series } = await prepareComposeData();
    await page.goto("/credit-notes/new");
    await expect(page).toHaveURL(/\/credit-notes\/new\?draft=[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Νέο πιστωτικό τιμολόγιο (5.2)" })).toBeVisible();

    await fillSampleIssuer(page, series);
    await screenshot(page, "compose-1-issuer");
    await next(page);

    await expect(page.getByRole("heading", { name: "Αντισυμβαλλόμενος", level: 2 })).toBeVisible();
    await fillSampleCounterparty(page);
    await screenshot(page, "compose-2-counterparty");
    await next(page);

    await expect(page.getByRole("heading", { name: "Γραμμές", level: 2 })).toBeVisible();
    await page.getByLabel("με ΦΠΑ (μικτές)").check();
    await page.getByLabel("Περιγραφή (γραμμή 1)").fill("Φαρδιά ζώνη cowboy");
    await expect(page.getByLabel("Ποσότητα (γραμμή 1)")).toHaveValue("1");
    await expect(page.getByLabel("Μονάδα μέτρησης (γραμμή 1)")).toHaveValue("1");
    await page.getByLabel("Τιμή μονάδας (γραμμή 1)").fill("7,99");
    await expect(page.getByLabel("Κατηγορία ΦΠΑ (γραμμή 1)")).toHaveValue("1");
    await expect(page.getByLabel("Κατηγορία χαρακτηρισμού (γραμμή 1)")).toHaveValue("category1_1");
    await expect(page.getByLabel("Τύπος χαρακτηρισμού (γραμμή 1)")).toHaveValue("E3_561_001");
    await expect(page.getByTestId("totals-net")).toHaveText("6,44 €");
    await expect(page.getByTestId("totals-vat")).toHaveText("1,55 €");
    await expect(page.getByTestId("totals-gross")).toHaveText("7,99 €");
    await screenshot(page, "compose-3-lines");
    await next(page);

    await expect(page.getByRole("heading", { name: "ΦΠΑ & πληρωμή", level: 2 })).toBeVisible();
    await expect(page.getByLabel("Τρόπος πληρωμής (πληρωμή 1)")).toHaveValue("3");
    await expect(page.getByLabel("Ποσό πληρωμής (πληρωμή 1)", { exact: true })).toHaveValue("7,99");
    await expect(page.getByTestId("vat-analysis")).toContainText("24%");
    await expect(page.getByTestId("vat-analysis")).toContainText("6,44 €");
    await page.getByLabel("Σχετικό παραστατικό (αναφορά)").fill("A9439 / 50");
    await page.getByLabel("E-mail λογιστηρίου για αποστολή").fill("COMPANY@company.com");
    await screenshot(page, "compose-4-payment");

    const previewResponse = page.waitForResponse((r) => r.url().endsWith("/api/credit-notes/preview") && r.request().method() === "POST");
    await next(page);
    const preview = await (await previewResponse).json();
    await expect(page.getByTestId("review-environment")).toContainText("SANDBOX");
    await expect(page.getByTestId("document-summaries")).toContainText("7,99 €");
    expect(preview.document.Summaries).toEqual({ TotalNetAmount: 6.44, TotalVATAmount: 1.55, TotalGrossValue: 7.99 });
    expect(preview.document.Details[0]).toMatchObject({ NetTotal: 6.44, VATTotal: 1.55, Total: 7.99, UnitPrice: 6.44, CatalogUnitPrice: 7.99 });
    await expect(page.getByTestId("totals-gross")).toHaveText("7,99 €");
    await page.getByText("Ακριβές JSON προς τον πάροχο").click();
    await expect(page.getByTestId("preview-json")).toContainText('"InvoiceTypeCode": "5.2"');
    await screenshot(page, "compose-5-review");

    await page.getByRole("button", { name: /Έκδοση πιστωτικού/ }).click();
    await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop() ?? "";
    const detail = await settledTransmission(page.request, id);
    expect(detail.status).toBe("accepted");
    expect(detail.mark).toMatch(/^\d{15}$/);

    // Exactly one document in the sandbox, equal to the preview except what issuing assigns.
    const held = (await sandboxDocuments()).filter((d) => d.series === series);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ number: "1", invoiceType: "5.2", mark: detail.mark, internalId: detail.internalDocumentId, totals: { net: 6.44, vat: 1.55, gross: 7.99 } });
    const sent = JSON.parse(String(detail.payloadJson));
    const identity = { Number: "1", DateIssued: sent.DateIssued, DistributionDetails: { InternalDocumentId: detail.internalDocumentId } };
    expect(sent).toEqual({ ...preview.document, ...identity });

    // The document's page (history/detail screens) shows the MARK and the QR code once it is accepted.
    await page.reload();
    expect((await page.request.get(page.url())).status()).toBe(200);
    await expect(page.getByText(String(detail.mark)).first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("img", { name: /QR/i }).first()).toBeVisible();
    await screenshot(page, "compose-6-issued");
  });

  test("five lines, two VAT rates, a 0% line, a discount and a foreign counterparty: every error sits next to its field, in Greek and in English", async ({ page }) => {
    const { series } = await prepareComposeData();
    await page.goto("/credit-notes/new");
    await fillSampleIssuer(page, series);
    await next(page);

    // Nothing typed: the step does not open the next one, and each field says why.
    await page.getByLabel("Χώρα αντισυμβαλλόμενου").selectOption("DE");
    await page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου").fill("DE12");
    await next(page);
    await expect(page.getByRole("heading", { name: "Αντισυμβαλλόμενος", level: 2 })).toBeVisible();
    await expect(page.getByLabel("Επωνυμία αντισυμβαλλόμενου")).toHaveAccessibleDescription("είναι υποχρεωτικό");
    await expect(page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου")).toHaveAccessibleDescription(/μη έγκυρη μορφή ΑΦΜ\/VAT για τη χώρα/);
    await expect(page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου")).toHaveValue("DE12");
    await expect(page.getByLabel("Επωνυμία αντισυμβαλλόμενου")).toBeFocused();
    await expect(page.getByRole("alert").filter({ hasText: "Διορθώστε τα πεδία" })).toBeVisible();

    // Switching the language rewords the same errors and keeps what was typed.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "New credit note (5.2)" })).toBeVisible();
    await expect(page.getByLabel("Counterparty name")).toHaveAccessibleDescription("is required");
    await expect(page.getByLabel("Counterparty VAT number")).toHaveAccessibleDescription(/invalid VAT number format for the country/);
    await expect(page.getByLabel("Counterparty VAT number")).toHaveValue("DE12");
    await page.getByRole("button", { name: "Ελληνικά" }).click();
    await expect(page.getByRole("heading", { name: "Νέο πιστωτικό τιμολόγιο (5.2)" })).toBeVisible();

    await fillSampleCounterparty(page);
    await page.getByLabel("Επωνυμία αντισυμβαλλόμενου").fill(`FOREIGN COMPANY ${series}`);
    await page.getByLabel("Αποθήκευση στο ευρετήριο αντισυμβαλλομένων").check();
    await next(page);
    await expect(page.getByText("Αποθηκεύτηκε στο ευρετήριο.")).toBeVisible();
    const book = await (await page.request.get(`/api/counterparties?q=${series}`)).json();
    expect(book.items).toEqual([expect.objectContaining({ name: `FOREIGN COMPANY ${series}`, vat: "DE123456789" })]);

    // Five lines: 24%, 13%, 0% (needs its exemption reason), 24% with 10% discount, and an ambiguous price.
    const lines: [string, string, string, string][] = [
      ["Ζώνη", "2", "10,00", "1"], ["Βιβλίο", "1", "5,50", "2"], ["Εξαγωγή", "1", "100", "7"], ["Καπέλο", "3", "4,00", "1"], ["Σακάκι", "1", "1.234", "1"],
    ];
    for (const [index, [description, quantity, price, vat]] of lines.entries()) {
      if (index > 0) await page.getByRole("button", { name: "+ Γραμμή" }).click();
      const n = index + 1;
      await page.getByLabel(`Περιγραφή (γραμμή ${n})`).fill(description);
      await page.getByLabel(`Ποσότητα (γραμμή ${n})`).fill(quantity);
      await page.getByLabel(`Τιμή μονάδας (γραμμή ${n})`).fill(price);
      await page.getByLabel(`Κατηγορία ΦΠΑ (γραμμή ${n})`).selectOption(vat);
    }
    await page.getByLabel("Έκπτωση % (γραμμή 4)").fill("10");
    // The exemption reason is offered on the 0% line only.
    await expect(page.getByLabel(/^Αιτία εξαίρεσης ΦΠΑ/)).toHaveCount(1);
    await next(page);
    await expect(page.getByLabel("Αιτία εξαίρεσης ΦΠΑ (γραμμή 3)")).toHaveAccessibleDescription("απαιτείται αιτία εξαίρεσης για ΦΠΑ 0%");
    await expect(page.getByLabel("Τιμή μονάδας (γραμμή 5)")).toHaveAccessibleDescription(/ασαφής μορφή αριθμού/);
    await expect(page.getByLabel("Τιμή μονάδας (γραμμή 5)")).toHaveValue("1.234");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByLabel("VAT exemption reason (line 3)")).toHaveAccessibleDescription("an exemption reason is required at 0% VAT");
    await expect(page.getByLabel("Unit price (line 5)")).toHaveAccessibleDescription(/ambiguous number format/);
    await page.getByRole("button", { name: "Ελληνικά" }).click();
    await expect(page.getByRole("heading", { name: "Νέο πιστωτικό τιμολόγιο (5.2)" })).toBeVisible();

    await page.getByLabel("Αιτία εξαίρεσης ΦΠΑ (γραμμή 3)").selectOption("14");
    await page.getByLabel("Τιμή μονάδας (γραμμή 5)").fill("1.234,00");
    await expect(page.getByTestId("totals-net")).toHaveText("1.370,30 €");
    await expect(page.getByTestId("totals-vat")).toHaveText("304,27 €");
    await expect(page.getByTestId("totals-gross")).toHaveText("1.674,57 €");
    await expect(page.getByTestId("line-3-amounts")).toContainText("Καθαρό 10,80 € · ΦΠΑ 2,59 € · Σύνολο 13,39 €");
    await next(page);

    // Payments: 1.000 by web banking (POS, 7, is not offered), the rest in cash; the VAT analysis has a row per category.
    await expect(page.getByTestId("vat-analysis").locator("tbody tr")).toHaveCount(4);
    await page.getByLabel("Τρόπος πληρωμής (πληρωμή 1)").selectOption("6");
    await page.getByLabel("Ποσό πληρωμής (πληρωμή 1)", { exact: true }).fill("1000");
    await page.getByRole("button", { name: "+ Τρόπος πληρωμής" }).click();
    await next(page);
    await expect(page.getByLabel("Ποσό πληρωμής (πληρωμή 2)", { exact: true })).toHaveAccessibleDescription("είναι υποχρεωτικό");
    await page.getByRole("button", { name: "Υπόλοιπο — Ποσό πληρωμής (πληρωμή 2)" }).click();
    await expect(page.getByLabel("Ποσό πληρωμής (πληρωμή 2)", { exact: true })).toHaveValue("674,57");
    await expect(page.getByTestId("totals-paid")).toHaveText("1.674,57 €");
    await next(page);

    await expect(page.getByTestId("document-summaries")).toContainText("1.674,57 €");
    await page.getByRole("button", { name: /Έκδοση πιστωτικού/ }).click();
    await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
    const detail = await settledTransmission(page.request, page.url().split("/").pop() ?? "");
    expect(detail.status).toBe("accepted");
    const held = (await sandboxDocuments()).filter((d) => d.series === series);
    expect(held).toHaveLength(1);
    expect(held[0]?.totals).toEqual({ net: 1370.3, vat: 304.27, gross: 1674.57 });
  });
});
