import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_ISSUER, prepareComposeData, SANDBOX_URL, screenshot, settledTransmission, stateOf } from "./compose-fixtures";

test.use({ storageState: stateOf("clerk") });

/** At issue the provider may e-mail the PDF (one e-mail); the detail page prints it and says why it cannot send it again. */

test("the e-mail option reaches the sandbox in the sent document, and the detail page offers Print and says why it cannot send again", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const { series, profileId } = await prepareComposeData();
  const id = randomUUID();
  const recipient = `accounts-${id.slice(0, 8)}@customer.example`;
  const draft = {
    id, issuerProfileId: profileId,
    issuer: { vat: DEMO_ISSUER.vat, name: DEMO_ISSUER.name, branchCode: 0, address: DEMO_ISSUER.address },
    series, issuedAt: null,
    counterparty: { name: "ΠΕΛΑΤΗΣ ΑΕ", vat: "EL094014201", code: "", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΕΡΜΟΥ 1", postalCode: "10563" }, emails: [] },
    priceEntry: "gross",
    lines: [{ description: "Υπηρεσία", quantity: "1", unitCode: 1, unitPrice: "12,40", discountPercent: "", vatCategory: 1, vatExemptionCategory: null, incomeClassification: { category: "category1_3", type: "E3_561_001" } }],
    payments: [{ methodCode: 3, amount: "12,40" }],
    emails: [recipient], reference: "", notes: "",
  };
  expect((await page.request.put(`/api/drafts/${id}`, { data: { step: 3, draft } })).status()).toBe(200);
  await page.goto(`/credit-notes/new?draft=${id}`);
  const option = page.getByLabel(/Αποστολή του PDF με e-mail στους παραλήπτες/);
  await expect(option).not.toBeChecked();
  await option.check();
  await page.getByRole("button", { name: "Επόμενο →" }).click();
  await page.getByRole("button", { name: "Έκδοση πιστωτικού" }).click();
  await page.waitForURL(/\/transmissions\/[0-9a-f-]{36}$/);
  const documentId = page.url().split("/").pop() ?? "";
  const detail = await settledTransmission(page.request, documentId);
  expect(detail.status).toBe("accepted");

  // The provider received the option with the recipients: one PDF e-mail, on registration.
  const sandbox = await page.request.get(`${SANDBOX_URL}/__control/documents`);
  const documents = (await sandbox.json()) as { series: string; number: string; pdfEmail: { to: string[] } | null }[];
  const sent = documents.filter((doc) => doc.series === series);
  expect(sent).toHaveLength(1);
  expect(sent[0]?.pdfEmail).toEqual({ to: [recipient] });

  await page.reload();
  await expect(page.getByTestId("pdf-emailed-to")).toHaveText(`PDF με e-mail σε: ${recipient}`);
  const print = page.getByTestId("print-pdf");
  await expect(print).toHaveText("Εκτύπωση (PDF παρόχου)");
  const pdf = await page.request.get((await print.getAttribute("href")) ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  const again = page.getByRole("button", { name: "Αποστολή ξανά σε…" });
  await expect(again).toBeDisabled();
  await expect(again).toHaveAccessibleDescription(/δεν προσφέρει .* τρόπο να ξαναστείλει/);
  await screenshot(page, "detail-print-email");
});

test("a draft that asks for the PDF e-mail without an address is refused on the e-mail field", async ({ page }) => {
  const { series } = await prepareComposeData();
  const answer = await page.request.post("/api/credit-notes/preview", {
    headers: { "accept-language": "en" },
    data: { draft: {
      issuer: { vat: DEMO_ISSUER.vat, name: DEMO_ISSUER.name, branchCode: 0, address: DEMO_ISSUER.address }, series,
      counterparty: { name: "ΠΕΛΑΤΗΣ ΑΕ", vat: "EL094014201", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΕΡΜΟΥ 1", postalCode: "10563" } },
      priceEntry: "net", lines: [{ description: "x", quantity: "1", unitPrice: "10", vatCategory: 1, incomeClassification: { category: "category1_3", type: "E3_561_001" } }],
      payments: [{ methodCode: 3, amount: "12.40" }], sendPdf: true,
    } },
  });
  expect(answer.status()).toBe(422);
  const body = (await answer.json()) as { errors: { path: string; code: string; message: string }[] };
  expect(body.errors).toContainEqual(expect.objectContaining({ path: "draft.emails", code: "pdf_needs_email" }));
});
