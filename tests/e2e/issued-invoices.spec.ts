import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { erpInvoice, freshSeries, prepareComposeData, SANDBOX_URL, sandboxDocuments, screenshot, settledTransmission, stateOf } from "./compose-fixtures";

// Crediting issued invoices is a clerk's job.
test.use({ storageState: stateOf("clerk") });

type Erp = Awaited<ReturnType<typeof erpInvoice>>;

/** Finds an ERP invoice on "Issued invoices" by its series and opens it. */
async function openFromList(page: Page, invoice: Erp) {
  await page.goto("/issued-invoices");
  await page.getByRole("link", { name: "Εκδοθέντα τιμολόγια" }).first().waitFor();
  await page.getByLabel("Αριθμός, σειρά, ΑΦΜ αντισυμβαλλόμενου, ΜΑΡΚ ή κωδικός").fill(invoice.series);
  await page.getByRole("button", { name: "Αναζήτηση" }).click();
  const row = page.locator(`tr[data-mark="${invoice.mark}"]`);
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: /Προβολή/ }).click();
  await expect(page.getByTestId("original-mark")).toHaveText(invoice.mark);
}

async function creditAll(page: Page, series: string) {
  const panel = page.locator('section[aria-labelledby="credit-all-title"]');
  await panel.getByLabel("Σειρά του πιστωτικού").fill(series);
  await panel.getByRole("button", { name: "Έλεγχος πίστωσης" }).click();
  const dialog = page.getByRole("dialog", { name: "Επιβεβαίωση πίστωσης" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function creditPart(page: Page, quantity: string, series: string) {
  const panel = page.locator('section[aria-labelledby="credit-part-title"]');
  await panel.getByLabel("Ποσότητα προς πίστωση (γραμμή 1)").fill(quantity);
  await panel.getByLabel("Σειρά του πιστωτικού").fill(series);
  return panel;
}

test("an ERP invoice is found in Issued invoices, credited in full once, and a second full credit is refused with the amounts", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { admin } = await prepareComposeData();
  const series = await freshSeries(admin, "IF");
  const invoice = await erpInvoice("1043");

  // A pasted code with spaces and in lower case finds it too.
  await page.goto(`/issued-invoices?q=${encodeURIComponent(` ${invoice.authenticationCode.slice(0, 12).toLowerCase()} ${invoice.authenticationCode.slice(12)}`)}`);
  await expect(page.locator(`tr[data-mark="${invoice.mark}"]`)).toHaveCount(1);

  await openFromList(page, invoice);
  await expect(page.getByTestId("original-gross")).toHaveText("7,99 €");
  await expect(page.getByRole("cell", { name: "Φαρδιά ζώνη cowboy" })).toBeVisible();
  const dialog = await creditAll(page, series);
  await expect(dialog.getByTestId("credit-all-summary")).toContainText(`ΜΑΡΚ ${invoice.mark}`);
  await expect(dialog.getByTestId("credit-all-summary")).toContainText("καθαρή αξία 6,44 €, ΦΠΑ 1,55 €, σύνολο 7,99 €");
  await screenshot(page, "issued-credit-all-confirm");
  await dialog.getByRole("button", { name: "Έκδοση πιστωτικού" }).click();
  await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
  const credit = await settledTransmission(page.request, page.url().split("/").pop() ?? "");
  expect(credit).toMatchObject({ status: "accepted", series, number: "1", netCents: 644, vatCents: 155, grossCents: 799 });

  // History and its CSV carry the amounts.
  await page.goto(`/transmissions?q=${encodeURIComponent(series)}`);
  await expect(page.locator("tbody tr").filter({ hasText: `${series}/1` })).toContainText("7,99");
  const csv = await (await page.request.get(`/api/transmissions/export.csv?q=${encodeURIComponent(series)}`)).text();
  const line = csv.split("\n").find((row) => row.includes(series)) ?? "";
  expect(line).toContain("6,44");
  expect(line).toContain("1,55");
  expect(line).toContain("7,99");

  // Again: refused with the amounts, no number used.
  await openFromList(page, invoice);
  await expect(page.getByTestId("original-credited")).toContainText("7,99 € από 7,99 €");
  const again = await creditAll(page, series);
  await again.getByRole("button", { name: "Έκδοση πιστωτικού" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Έχει ήδη πιστωθεί 7,99 από 7,99 €");
  await screenshot(page, "issued-credit-all-refused");
  const next = await (await admin.get("/api/series")).json() as { items: { code: string; nextNumber: number }[] };
  expect(next.items.find((s) => s.code === series)?.nextNumber).toBe(2);
});

test("crediting 2 of 10 items composes a correlated 5.1 that is accepted; the remaining 8 can be credited, then nothing more", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { admin } = await prepareComposeData();
  const series = await freshSeries(admin, "IP");
  const invoice = await erpInvoice("1042");
  // The customer is in the address book, so the composed credit names it.
  const party = await page.request.post("/api/counterparties", {
    data: { name: "ΞΕΝΟΔΟΧΕΙΑ ΑΙΓΑΙΟΥ Ο.Ε.", vat: "EL800512413", address: { countryCode: "GR", city: "ΡΟΔΟΣ", street: "ΑΚΤΗ ΜΙΑΟΥΛΗ 3", postalCode: "85100" }, emails: [] },
  });
  expect([201, 409]).toContain(party.status());

  await openFromList(page, invoice);
  const panel = await creditPart(page, "2", series);
  await expect(panel.getByTestId("credit-part-total")).toHaveText("Θα πιστωθούν: καθαρή 20,00 €, ΦΠΑ 4,80 €, σύνολο 24,80 €");
  await panel.getByRole("button", { name: "Σύνταξη πιστωτικού 5.1" }).click();
  await page.waitForURL(/\/credit-notes\/new\?draft=/);
  await expect(page.getByRole("heading", { name: "Έλεγχος & έκδοση", level: 2 })).toBeVisible();
  await expect(page.getByTestId("correlated-mark")).toContainText(invoice.mark);
  await expect(page.getByTestId("preview-json")).toContainText('"InvoiceTypeCode": "5.1"');
  await screenshot(page, "issued-credit-part-review");
  await page.getByRole("button", { name: "Έκδοση πιστωτικού" }).click();
  await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
  const first = await settledTransmission(page.request, page.url().split("/").pop() ?? "");
  expect(first).toMatchObject({ status: "accepted", netCents: 2000, vatCents: 480, grossCents: 2480 });
  const payload = JSON.parse(String((await (await page.request.get(`/api/transmissions/${String(first.id)}`)).json()).payloadJson ?? "{}")) as { CorrelatedInvoices?: number[] };
  expect(payload.CorrelatedInvoices).toEqual([Number(invoice.mark)]);
  expect((await sandboxDocuments()).filter((d) => d.series === series)).toEqual([expect.objectContaining({ invoiceType: "5.1", totals: { net: 20, vat: 4.8, gross: 24.8 } })]);

  // A full credit now would exceed what remains.
  await openFromList(page, invoice);
  await expect(page.getByTestId("original-credited")).toContainText("24,80 € από 124,00 €");
  const full = await creditAll(page, series);
  await full.getByRole("button", { name: "Έκδοση πιστωτικού" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Έχει ήδη πιστωθεί 24,80 από 124,00 €");

  // The remaining 8 items.
  await openFromList(page, invoice);
  const rest = await creditPart(page, "8", series);
  await rest.getByRole("button", { name: "Σύνταξη πιστωτικού 5.1" }).click();
  await page.waitForURL(/\/credit-notes\/new\?draft=/);
  await page.getByRole("button", { name: "Έκδοση πιστωτικού" }).click();
  await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
  const second = await settledTransmission(page.request, page.url().split("/").pop() ?? "");
  expect(second).toMatchObject({ status: "accepted", grossCents: 9920 });

  // Nothing is left.
  await openFromList(page, invoice);
  await expect(page.getByTestId("original-credited")).toContainText("124,00 € από 124,00 €");
  const more = await creditPart(page, "1", series);
  await more.getByRole("button", { name: "Σύνταξη πιστωτικού 5.1" }).click();
  await expect(more.getByText(/ξεπερνά την ποσότητα της γραμμής του αρχικού \(0\)/).first()).toBeVisible();
});

test("two clerks crediting the same invoice at the same moment through the API: one credit, the other refused with the amounts", async ({ page, browser }) => {
  const { admin } = await prepareComposeData();
  const series = await freshSeries(admin, "IC");
  const invoice = await erpInvoice("1041");
  const other = await browser.newContext({ storageState: stateOf("clerk") });
  const body = { authenticationCode: invoice.authenticationCode.toLowerCase(), mark: invoice.mark, relateCredit: true, series };
  const [a, b] = await Promise.all([
    page.request.post("/api/credit-notes/credit-existing", { data: body, headers: { "Idempotency-Key": `a-${series}` } }),
    other.request.post("/api/credit-notes/credit-existing", { data: body, headers: { "Idempotency-Key": `b-${series}` } }),
  ]);
  const statuses = [a.status(), b.status()].sort();
  expect(statuses).toEqual([202, 409]);
  const refused = a.status() === 409 ? a : b;
  expect((await refused.json()).error).toMatchObject({ code: "already_credited", message: expect.stringContaining("187,18 από 187,18 €") });
  await other.close();
  const next = await (await admin.get("/api/series")).json() as { items: { code: string; nextNumber: number }[] };
  expect(next.items.find((s) => s.code === series)?.nextNumber).toBe(2);
});

/** Queues a sandbox fault for the next credit through /Invoice/credit. */
async function faultNextCredit(mode: string) {
  const api = await playwrightRequest.newContext();
  const response = await api.post(`${SANDBOX_URL}/__control/faults`, { data: { mode, paths: ["credit"] } });
  expect(response.ok(), await response.text()).toBe(true);
  await api.dispose();
}

test("credit part by amount: 12,40 € of one line is composed as a 5.1 line of that net and accepted; more than is left of the line is refused", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { admin } = await prepareComposeData();
  const series = await freshSeries(admin, "IA");
  const invoice = await erpInvoice("310");
  const party = await page.request.post("/api/counterparties", {
    data: { name: "ΓΡΑΦΕΙΟ ΜΕΛΕΤΩΝ Ι.Κ.Ε.", vat: "EL800512486", address: { countryCode: "GR", city: "ΠΑΤΡΑ", street: "ΜΑΙΖΩΝΟΣ 41", postalCode: "26221" }, emails: [] },
  });
  expect([201, 409]).toContain(party.status());

  await openFromList(page, invoice);
  const panel = page.locator('section[aria-labelledby="credit-part-title"]');
  await panel.getByRole("radio", { name: "κατά ποσό", exact: true }).check();
  await expect(panel.getByText("(≤ 80,00 €)")).toBeVisible();
  await panel.getByLabel("Καθαρό ποσό προς πίστωση σε € (γραμμή 3)").fill("12,40");
  await panel.getByLabel("Σειρά του πιστωτικού").fill(series);
  await expect(panel.getByTestId("credit-part-total")).toHaveText("Θα πιστωθούν: καθαρή 12,40 €, ΦΠΑ 1,61 €, σύνολο 14,01 €");
  await screenshot(page, "issued-credit-part-by-amount");
  await panel.getByRole("button", { name: "Σύνταξη πιστωτικού 5.1" }).click();
  await page.waitForURL(/\/credit-notes\/new\?draft=/);
  await expect(page.getByTestId("correlated-mark")).toContainText(invoice.mark);
  await page.getByRole("button", { name: "Έκδοση πιστωτικού" }).click();
  await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
  const credit = await settledTransmission(page.request, page.url().split("/").pop() ?? "");
  expect(credit).toMatchObject({ status: "accepted", netCents: 1240, vatCents: 161, grossCents: 1401 });
  expect((await sandboxDocuments()).filter((d) => d.series === series)).toEqual([expect.objectContaining({ invoiceType: "5.1", totals: { net: 12.4, vat: 1.61, gross: 14.01 } })]);

  // 67,60 € are left of the line: 67,61 is refused on its field.
  await openFromList(page, invoice);
  await panel.getByRole("radio", { name: "κατά ποσό", exact: true }).check();
  await expect(panel.getByText("(≤ 67,60 €)")).toBeVisible();
  await panel.getByLabel("Καθαρό ποσό προς πίστωση σε € (γραμμή 3)").fill("67,61");
  await panel.getByLabel("Σειρά του πιστωτικού").fill(series);
  await panel.getByRole("button", { name: "Σύνταξη πιστωτικού 5.1" }).click();
  await expect(panel.getByText(/ξεπερνά την καθαρή αξία που απομένει από τη γραμμή του αρχικού \(67,6/).first()).toBeVisible();
});

test("a credit refused by myDATA shows plain Greek with AADE's words beside it, and is corrected and resent with its own number", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { admin } = await prepareComposeData();
  const series = await freshSeries(admin, "IR");
  const invoice = await erpInvoice("1043");
  await faultNextCredit("FAKE_IAPR_VALIDATION_ERROR");

  await openFromList(page, invoice);
  const dialog = await creditAll(page, series);
  await dialog.getByRole("button", { name: "Έκδοση πιστωτικού" }).click();
  await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop() ?? "";
  expect(await settledTransmission(page.request, id)).toMatchObject({ status: "rejected", series, number: "1" });

  // The plain-words panel: plain Greek first, AADE's own words kept beside it.
  await page.reload();
  const plain = page.getByTestId("plain-error");
  await expect(plain).toHaveText(/^[Α-Ωά-ώ][^A-Za-z]+$/);
  await expect(plain).not.toContainText("Fake validation error");
  const panel = page.getByRole("main").locator("div", { has: plain }).filter({ hasText: "Κείμενο του παρόχου" }).last();
  await panel.getByText("Τεχνικές λεπτομέρειες (για την υποστήριξη)").click();
  await expect(panel).toContainText("Fake validation error");
  await screenshot(page, "issued-credit-rejected-plain-words");

  // Correct & resend: the code pasted with spaces and in lower case; the same number, now accepted.
  await page.getByRole("button", { name: "Διόρθωση & επαναποστολή πίστωσης" }).click();
  const form = page.getByRole("form", { name: "Διόρθωση & επαναποστολή πίστωσης" });
  await expect(form).toContainText(`${series}/1`);
  await form.getByLabel("Κωδικός αυθεντικοποίησης του αρχικού").fill(` ${invoice.authenticationCode.slice(0, 20).toLowerCase()} ${invoice.authenticationCode.slice(20)} `);
  await form.getByRole("button", { name: "Επαναποστολή" }).click();
  await expect.poll(async () => (await (await page.request.get(`/api/transmissions/${id}`)).json()).status, { timeout: 30_000 }).toBe("accepted");
  expect(await settledTransmission(page.request, id)).toMatchObject({ status: "accepted", series, number: "1", grossCents: 799 });
  expect((await sandboxDocuments()).filter((d) => d.series === series)).toEqual([expect.objectContaining({ number: "1", totals: { net: 6.44, vat: 1.55, gross: 7.99 } })]);
  const next = await (await admin.get("/api/series")).json() as { items: { code: string; nextNumber: number }[] };
  expect(next.items.find((s) => s.code === series)?.nextNumber).toBe(2);
});
