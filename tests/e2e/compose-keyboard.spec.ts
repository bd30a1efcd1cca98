import { expect, test, type Page } from "@playwright/test";
import { DEMO_ISSUER, prepareComposeData, sandboxDocuments, screenshot, settledTransmission, stateOf } from "./compose-fixtures";

// Composing is a clerk's job: these specs run signed in as the suite's clerk.
test.use({ storageState: stateOf("clerk") });

/** The lines step's tools (toggle, exemption, classification, paste, Enter) and the keyboard-only path. */

async function openLinesStep(page: Page, series: string) {
  await page.goto("/credit-notes/new");
  await page.getByLabel("Προφίλ εκδότη").selectOption({ label: `${DEMO_ISSUER.name} — ${DEMO_ISSUER.vat}` });
  await page.getByLabel("Σειρά", { exact: true }).selectOption(series);
  await page.getByRole("button", { name: "Επόμενο →" }).click();
  await page.getByLabel("Επωνυμία αντισυμβαλλόμενου").fill("ΠΕΛΑΤΗΣ ΑΕ");
  await page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου").fill("094014201");
  await expect(page.getByTestId("vat-check")).toHaveText("✓ Έγκυρο: EL094014201");
  await page.getByLabel("Οδός αντισυμβαλλόμενου").fill("ΕΡΜΟΥ 1");
  await page.getByLabel("Τ.Κ. αντισυμβαλλόμενου").fill("10563");
  await page.getByLabel("Πόλη αντισυμβαλλόμενου").fill("ΑΘΗΝΑ");
  await page.getByRole("button", { name: "Επόμενο →" }).click();
  await expect(page.getByRole("heading", { name: "Γραμμές", level: 2 })).toBeVisible();
}

/** Fires a paste of `text` on the focused element, as a spreadsheet's Ctrl+V does. */
async function pasteInto(page: Page, label: string, text: string) {
  await page.getByLabel(label).focus();
  await page.getByLabel(label).evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

test.describe("lines and keyboard", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test("net/gross toggle, exemption only at 0%, 5.2 classifications only, Enter adds a line", async ({ page }) => {
    const { series } = await prepareComposeData();
    await openLinesStep(page, series);

    await page.getByLabel("Περιγραφή (γραμμή 1)").fill("Ζώνη");
    await page.getByLabel("Τιμή μονάδας (γραμμή 1)").fill("7,99");
    await expect(page.getByTestId("totals-gross")).toHaveText("9,91 €");
    await expect(page.getByTestId("totals-vat")).toHaveText("1,92 €");
    await page.getByLabel("με ΦΠΑ (μικτές)").check();
    await expect(page.getByTestId("totals-net")).toHaveText("6,44 €");
    await expect(page.getByTestId("totals-vat")).toHaveText("1,55 €");
    await expect(page.getByTestId("totals-gross")).toHaveText("7,99 €");
    await page.getByLabel("χωρίς ΦΠΑ (καθαρές)").check();
    await expect(page.getByTestId("totals-gross")).toHaveText("9,91 €");

    await expect(page.getByLabel("Αιτία εξαίρεσης ΦΠΑ (γραμμή 1)")).toHaveCount(0);
    await page.getByLabel("Κατηγορία ΦΠΑ (γραμμή 1)").selectOption("7");
    const exemption = page.getByLabel("Αιτία εξαίρεσης ΦΠΑ (γραμμή 1)");
    await expect(exemption).toBeVisible();
    expect(await exemption.locator("option").count()).toBe(32);
    await page.getByLabel("Κατηγορία ΦΠΑ (γραμμή 1)").selectOption("2");
    await expect(page.getByLabel("Αιτία εξαίρεσης ΦΠΑ (γραμμή 1)")).toHaveCount(0);

    const category = page.getByLabel("Κατηγορία χαρακτηρισμού (γραμμή 1)");
    const type = page.getByLabel("Τύπος χαρακτηρισμού (γραμμή 1)");
    expect(await category.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
      "category1_1", "category1_2", "category1_3", "category1_4", "category1_5", "category1_7", "category1_8", "category1_9", "category1_95",
    ]);
    expect(await type.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
      "E3_561_001", "E3_561_002", "E3_561_005", "E3_561_006", "E3_561_007",
    ]);
    await category.selectOption("category1_4");
    await expect(type).toHaveValue("E3_880_001");
    expect(await type.locator("option").count()).toBe(3);

    // Enter on the last line adds one and moves there; Enter elsewhere goes to the next line.
    await page.getByLabel("Ποσότητα (γραμμή 1)").press("Enter");
    await expect(page.getByLabel("Περιγραφή (γραμμή 2)")).toBeFocused();
    await page.keyboard.type("Δεύτερη");
    await page.getByLabel("Περιγραφή (γραμμή 1)").press("Enter");
    await expect(page.getByLabel("Περιγραφή (γραμμή 2)")).toBeFocused();
    await expect(page.getByLabel("Περιγραφή (γραμμή 3)")).toHaveCount(0);
    // Duplicate, move and delete from the keyboard.
    await page.getByLabel("Περιγραφή (γραμμή 2)").press("Alt+d");
    await expect(page.getByLabel("Περιγραφή (γραμμή 3)")).toHaveValue("Δεύτερη");
    await page.getByLabel("Περιγραφή (γραμμή 3)").press("Alt+ArrowUp");
    await page.getByLabel("Περιγραφή (γραμμή 2)").fill("Μετακινήθηκε");
    await page.getByLabel("Περιγραφή (γραμμή 2)").press("Alt+Delete");
    await expect(page.getByLabel("Περιγραφή (γραμμή 3)")).toHaveCount(0);
    await expect(page.getByLabel("Περιγραφή (γραμμή 2)")).toHaveValue("Δεύτερη");
  });

  test("pasting 50 spreadsheet rows creates 50 lines", async ({ page }) => {
    const { series } = await prepareComposeData();
    await openLinesStep(page, series);
    const rows = Array.from({ length: 50 }, (_, i) => `Είδος ${i + 1}\t${(i % 3) + 1}\t${i + 1},50\t${i % 2 === 0 ? "24" : "13%"}`).join("\r\n");
    await pasteInto(page, "Περιγραφή (γραμμή 1)", `${rows}\r\n`);
    await expect(page.getByText("Προστέθηκαν 50 γραμμές από την επικόλληση.")).toBeVisible();
    await expect(page.getByTestId("lines-grid").locator("fieldset")).toHaveCount(50);
    await expect(page.getByText("Γραμμές: 50", { exact: true })).toBeVisible();
    // A long note: the last line, out of view, is a summary of its description and amounts; scrolled
    // into view it has its controls, filled from the values the form kept.
    const last = page.locator('[data-line-index="49"]');
    await expect(last).toHaveAttribute("data-line-summary", "");
    await expect(last).toContainText("Είδος 50");
    await expect(last.getByLabel("Περιγραφή (γραμμή 50)")).toHaveCount(0);
    await last.scrollIntoViewIfNeeded();
    await expect(page.getByLabel("Περιγραφή (γραμμή 50)")).toHaveValue("Είδος 50");
    await expect(page.getByLabel("Τιμή μονάδας (γραμμή 50)")).toHaveValue("50,50");
    await expect(page.getByLabel("Κατηγορία ΦΠΑ (γραμμή 50)")).toHaveValue("2");
    await expect(last).not.toHaveAttribute("data-line-summary");
    // Each drawn line's controls belong to that line's own empty form, never to the wizard's form:
    // the browser's per-keystroke work over a control's form stays the size of one line.
    const owners = await page.evaluate(() => {
      const wizard = document.querySelector<HTMLFormElement>("form[aria-labelledby=step-title]");
      const lines = [...document.querySelectorAll<HTMLFieldSetElement>("[data-testid=lines-grid] fieldset:not([data-line-summary])")];
      return {
        inWizardForm: [...(wizard?.elements ?? [])].filter((element) => element.closest("[data-testid=lines-grid]")).length,
        lines: lines.map((line) => {
          const controls = [...line.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>("input, select, button")];
          const forms = new Set(controls.map((control) => control.form));
          const [form] = forms;
          // The form lists the line's fieldset too.
          return { controls: controls.length, forms: forms.size, formControls: form?.elements.length ?? 0, formHidden: form?.hidden ?? false };
        }),
        summaries: document.querySelectorAll("[data-testid=lines-grid] fieldset[data-line-summary]").length,
      };
    });
    expect(owners.inWizardForm).toBe(0);
    expect(owners.summaries).toBeGreaterThan(20);
    expect(owners.lines.length).toBe(50 - owners.summaries);
    for (const line of owners.lines) expect(line).toEqual({ controls: 12, forms: 1, formControls: 13, formHidden: true });
    // Typing in a 50-line note: from the keystroke to the totals panel showing the new total.
    const before = await page.getByTestId("totals-gross").textContent();
    const started = Date.now();
    await page.getByLabel("Τιμή μονάδας (γραμμή 50)").fill("1000");
    await expect(page.getByTestId("totals-gross")).not.toHaveText(before ?? "");
    const elapsed = Date.now() - started;
    console.log(`[compose] 50 lines: keystroke to new total ${elapsed} ms`);
    expect(elapsed).toBeLessThan(1_000);
    await screenshot(page, "compose-paste-50");
    await page.getByRole("button", { name: "Επόμενο →" }).click();
    await expect(page.getByRole("heading", { name: "ΦΠΑ & πληρωμή", level: 2 })).toBeVisible();
  });

  test("a long note: lines out of view are summaries, yet Tab and the errors of leaving the step reach them", async ({ page }) => {
    const { series } = await prepareComposeData();
    await openLinesStep(page, series);
    // 60 rows; lines 45 and 52 have no unit price.
    const rows = Array.from({ length: 60 }, (_, i) => `Είδος ${i + 1}\t1\t${i === 44 || i === 51 ? "" : "2,00"}\t24`).join("\r\n");
    await pasteInto(page, "Περιγραφή (γραμμή 1)", rows);
    await expect(page.getByText("Γραμμές: 60", { exact: true })).toBeVisible();
    const line = (n: number) => page.locator(`[data-line-index="${n - 1}"]`);
    await expect(line(45)).toHaveAttribute("data-line-summary", "");
    await expect(line(45)).toContainText("Είδος 45");

    // The keyboard's line and two either side keep their controls when scrolled away, so Tab
    // goes on into the next line.
    await line(31).scrollIntoViewIfNeeded();
    await line(31).getByRole("button", { name: "Διαγραφή — Γραμμή 31" }).focus();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(line(36)).toHaveAttribute("data-line-summary", "");
    for (const n of [29, 30, 31, 32, 33]) await expect(line(n)).not.toHaveAttribute("data-line-summary");
    // Past line 31's "other taxes" disclosure, on into line 32.
    await page.keyboard.press("Tab");
    await expect(line(31).getByText("Άλλοι φόροι", { exact: false })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Περιγραφή (γραμμή 32)")).toBeFocused();

    // Leaving the step with lines 45 and 52 (summaries) in error: both are counted, the first is drawn
    // with the keyboard on its field; once it is mended, the next attempt goes to line 52.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole("button", { name: "Επόμενο →" }).click();
    await expect(page.getByText("Διορθώστε τα πεδία με σφάλμα για να συνεχίσετε (2).")).toBeVisible();
    const price = page.getByLabel("Τιμή μονάδας (γραμμή 45)");
    await expect(price).toBeFocused();
    await expect(price).toHaveAttribute("aria-invalid", "true");
    await expect(price).toBeInViewport();
    await price.fill("3,00");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole("button", { name: "Επόμενο →" }).click();
    await expect(page.getByText("Διορθώστε τα πεδία με σφάλμα για να συνεχίσετε (1).")).toBeVisible();
    await expect(page.getByLabel("Τιμή μονάδας (γραμμή 52)")).toBeFocused();
    await page.getByLabel("Τιμή μονάδας (γραμμή 52)").fill("4,00");
    await page.getByRole("button", { name: "Επόμενο →" }).click();
    await expect(page.getByRole("heading", { name: "ΦΠΑ & πληρωμή", level: 2 })).toBeVisible();
    // Back on the lines step every line kept its values.
    await page.getByRole("button", { name: "← Πίσω" }).click();
    await line(60).scrollIntoViewIfNeeded();
    await expect(page.getByLabel("Περιγραφή (γραμμή 60)")).toHaveValue("Είδος 60");
    await line(45).scrollIntoViewIfNeeded();
    await expect(page.getByLabel("Τιμή μονάδας (γραμμή 45)")).toHaveValue("3,00");
    // At the end of a long note: Enter on the last line adds line 61 and moves there; Alt+↑ takes
    // it up one line, the keyboard with it.
    await line(60).scrollIntoViewIfNeeded();
    await page.getByLabel("Περιγραφή (γραμμή 60)").press("Enter");
    await expect(page.getByLabel("Περιγραφή (γραμμή 61)")).toBeFocused();
    await page.getByLabel("Περιγραφή (γραμμή 61)").fill("Τελευταία");
    await page.keyboard.press("Alt+ArrowUp");
    await expect(page.getByLabel("Περιγραφή (γραμμή 60)")).toBeFocused();
    await expect(page.getByLabel("Περιγραφή (γραμμή 60)")).toHaveValue("Τελευταία");
    await expect(page.getByLabel("Περιγραφή (γραμμή 61)")).toHaveValue("Είδος 60");
    await page.getByLabel("Τιμή μονάδας (γραμμή 60)").fill("1,00");
    // Every line, summarised or not, goes into the document, to the cent: 58 × 2,00 + 3,00 + 4,00 + 1,00 net.
    await page.getByRole("button", { name: "Επόμενο →" }).click();
    await expect(page.getByRole("heading", { name: "ΦΠΑ & πληρωμή", level: 2 })).toBeVisible();
    // The payment was filled on the first visit (152,52 €); the line added since needs "the rest".
    await page.getByRole("button", { name: "Υπόλοιπο — Ποσό πληρωμής (πληρωμή 1)" }).click();
    await expect(page.getByLabel("Ποσό πληρωμής (πληρωμή 1)", { exact: true })).toHaveValue("153,76");
    const previewResponse = page.waitForResponse((r) => r.url().endsWith("/api/credit-notes/preview") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Επόμενο →" }).click();
    const preview = await (await previewResponse).json();
    expect(preview.document.Details).toHaveLength(61);
    expect(preview.document.Summaries).toEqual({ TotalNetAmount: 124, TotalVATAmount: 29.76, TotalGrossValue: 153.76 });
  });

  test("the whole wizard without a mouse; pressing Enter twice on Issue sends one document", async ({ page }) => {
    const { admin, series } = await prepareComposeData();
    await admin.post("/api/counterparties", {
      data: { name: "FOREIGN COMPANY", vat: "DE123456789", code: "00001", address: { countryCode: "DE", city: "Reutlingen", street: "STREET NUMBER", postalCode: "12345" }, emails: [] },
    });
    await page.goto("/credit-notes/new");

    // One programmatic focus to start in the form; from here on only keys.
    await page.getByLabel("Προφίλ εκδότη").focus();
    await page.keyboard.type("BEST");
    await expect(page.getByLabel("Προφίλ εκδότη")).toHaveValue(/[0-9a-f-]{36}/);
    await page.keyboard.press("Tab"); // branch
    await page.keyboard.press("Tab"); // series
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(series);
    await page.keyboard.press("Enter");

    await expect(page.getByRole("combobox", { name: /Αναζήτηση στο ευρετήριο/ })).toBeFocused();
    await page.keyboard.type("foreign");
    await expect(page.getByRole("option", { name: /FOREIGN COMPANY/ })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου")).toHaveValue("DE123456789");
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { name: "Γραμμές", level: 2 })).toBeVisible();
    await expect(page.getByLabel("χωρίς ΦΠΑ (καθαρές)")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByLabel("με ΦΠΑ (μικτές)")).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Περιγραφή (γραμμή 1)")).toBeFocused();
    await page.keyboard.type("Φαρδιά ζώνη cowboy");
    await page.keyboard.press("Tab"); // quantity (1)
    await page.keyboard.press("Tab"); // unit
    await page.keyboard.press("Tab"); // unit price
    await page.keyboard.type("7,99");
    await expect(page.getByTestId("totals-gross")).toHaveText("7,99 €");
    await page.keyboard.press("ControlOrMeta+Enter");

    await expect(page.getByRole("heading", { name: "ΦΠΑ & πληρωμή", level: 2 })).toBeVisible();
    await expect(page.getByLabel("Τρόπος πληρωμής (πληρωμή 1)")).toBeFocused();
    await expect(page.getByLabel("Ποσό πληρωμής (πληρωμή 1)", { exact: true })).toHaveValue("7,99");
    await page.keyboard.press("ControlOrMeta+Enter");

    await expect(page.getByTestId("document-summaries")).toContainText("7,99 €");
    const issue = page.getByRole("button", { name: /Έκδοση πιστωτικού/ });
    for (let i = 0; i < 5 && !(await issue.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press("Tab");
    await expect(issue).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
    const detail = await settledTransmission(page.request, page.url().split("/").pop() ?? "");
    expect(detail.status).toBe("accepted");
    expect((await sandboxDocuments()).filter((d) => d.series === series)).toHaveLength(1);
    const history = await (await page.request.get(`/api/transmissions?series=${series}`)).json();
    expect(history.items).toHaveLength(1);
  });
});
