import { expect, test } from "@playwright/test";
import { adminApi, ensureDemoIssuer } from "./compose-fixtures";
import { e2eSettings } from "./global-setup";
import { insertDocument, outboxDocument, sandboxControl } from "./history-fixtures";

const e2e = e2eSettings();
const sandboxUrl = `http://127.0.0.1:${e2e.sandboxPort}`;

// Actions are for clerks; the specs that need a viewer say so.
test.use({ storageState: e2eSettings().statePath("clerk") });

test("a rejected document shows its errors next to the right fields, and Fix & resend gets it accepted with the same number", async ({ page }) => {
  // The line's VAT as a faulty sender would have written it: myDATA answers 229 on Details[0].VATTotal.
  const doc = outboxDocument("E2EFIX", (payload) => {
    const [line] = payload.Details;
    if (line) line.VATTotal = 1.45;
  });
  // Its issuer is one the administrator defined (Fix & resend checks it, as issuing does).
  await ensureDemoIssuer(await adminApi());
  insertDocument(e2e.databasePath, doc, { status: "queued", nextAction: "send", nextAttemptAt: new Date().toISOString(), createdBy: e2e.users.clerk.email });
  await page.goto(`/transmissions/${doc.id}`);
  const heading = page.getByRole("heading", { name: `Παραστατικό E2EFIX/${doc.number}` });
  await expect(heading).toBeVisible();
  // The page follows the document by itself while it moves: queued → sending → rejected.
  await expect(page.getByText("Απορρίφθηκε", { exact: true }).first()).toBeVisible({ timeout: 20_000 });

  const lines = page.locator('[data-step="lines"]');
  await expect(lines.getByRole("heading", { name: /Βήμα 3 · Γραμμές/ })).toContainText("⚠");
  await expect(page.locator('[data-field="lines.0.vatCategory"]')).toHaveClass(/bg-red-50/);
  await expect(page.locator('[data-line-errors="1"]')).toContainText("Κατηγορία ΦΠΑ (γραμμή 1)");
  await expect(page.locator('[data-line-errors="1"]')).toContainText("[229]");
  await expect(page.locator('[data-line-errors="1"]')).toContainText("Details[0].VATTotal");
  await expect(page.locator('[data-step="counterparty"]')).not.toContainText("⚠");
  await expect(page.getByRole("button", { name: "Ανανέωση κατάστασης" })).toHaveCount(0);

  await page.getByRole("link", { name: "Διόρθωση & επαναποστολή" }).click();
  await expect(page.getByRole("heading", { name: `Διόρθωση & επαναποστολή E2EFIX/${doc.number}` })).toBeVisible();
  // The compose wizard in fix mode: the identity shown and locked, opened on the step the provider's error is in.
  await expect(page.getByTestId("fix-identity")).toHaveText(`E2EFIX/${doc.number}`);
  await expect(page.getByRole("heading", { level: 2, name: "Γραμμές" })).toBeVisible();
  const vatCategory = page.getByLabel("Κατηγορία ΦΠΑ (γραμμή 1)");
  await expect(vatCategory).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/Ο πάροχος: \[229\]/)).toBeVisible();
  await expect(page.getByTestId("totals-gross")).toBeVisible();
  await page.getByRole("button", { name: "1. Εκδότης" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Εκδότης" })).toBeVisible();
  await expect(page.getByLabel(/^Σειρά/)).toHaveCount(0);
  await expect(page.getByTestId("fix-issuer-vat")).toHaveText(/^EL\d{9}$/);
  await page.getByRole("button", { name: "2. Αντισυμβαλλόμενος" }).click();
  await page.getByLabel("Επωνυμία αντισυμβαλλόμενου").fill("Ωμέγα Εμπορική Α.Ε. (διόρθωση)");
  await page.getByRole("button", { name: "5. Έλεγχος & έκδοση" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Έλεγχος & έκδοση" })).toBeVisible();
  await expect(page.getByTestId("preview-json")).toContainText(`"Number": "${doc.number}"`);
  await page.getByRole("button", { name: /^Διόρθωση & επαναποστολή/ }).click();

  await expect(page).toHaveURL(new RegExp(`/transmissions/${doc.id}$`));
  await expect(page.getByText("Εγκρίθηκε", { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await expect(heading).toBeVisible();
  await expect(page.getByTestId("detail-mark")).toHaveText(/^\d{15}$/);
  // The QR's text alternative says what it opens and gives the link itself, also shown under it.
  const qr = page.getByRole("img", { name: /^QR κωδικός που ανοίγει το παραστατικό στην ΑΑΔΕ: https?:\/\/\S+$/ });
  await expect(qr).toBeVisible();
  const qrLink = ((await qr.getAttribute("aria-label")) ?? "").replace(/^.*: /, "");
  await expect(page.getByRole("link", { name: qrLink, exact: true }).first()).toBeVisible();
  // A credit note is never offered for crediting; closing out is only for rejected or needs-attention entries.
  await expect(page.getByRole("button", { name: "Πίστωση αυτού του παραστατικού" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Κλείσιμο χωρίς έκδοση" })).toHaveCount(0);
  await expect(page.locator('[data-event="fixed"]')).toHaveCount(1);

  const pdf = await page.request.get(`/api/transmissions/${doc.id}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.goto(`/transmissions?q=${encodeURIComponent(`E2EFIX/${doc.number}`)}`);
  const row = page.locator("tbody tr").filter({ hasText: `E2EFIX/${doc.number}` });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-status", "accepted");
  await expect(row).toContainText("(διόρθωση)");
});

test("an unknown document becomes accepted after Refresh status against the sandbox", async ({ page }) => {
  const doc = outboxDocument("E2EUNK");
  // Sent, and the provider stored it, but no answer came back: accept_then_hang, and the caller gave up.
  await sandboxControl(sandboxUrl, "faults", { mode: "accept_then_hang", times: 1, paths: ["json"] });
  await fetch(`${sandboxUrl}/Invoice/json`, {
    method: "POST", headers: { "Content-Type": "application/json", APIKey: e2e.apiKey }, body: doc.payloadJson, signal: AbortSignal.timeout(1_000),
  }).catch(() => undefined);
  // The worker will not look it up on its own for an hour; only a person's Refresh does.
  insertDocument(e2e.databasePath, doc, { status: "unknown", nextAction: "lookup", nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString(), createdBy: e2e.users.clerk.email });
  // The sandbox reports it as processing until its processing window (3 s here) has passed.
  await page.waitForTimeout(3_500);

  await page.goto(`/transmissions/${doc.id}`);
  await expect(page.getByText("Άγνωστη έκβαση", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("detail-mark")).toHaveText("Δεν υπάρχει ακόμη ΜΑΡΚ.");
  await expect(page.getByRole("button", { name: "Επανάληψη αποστολής" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Διόρθωση & επαναποστολή" })).toHaveCount(0);
  await page.getByRole("button", { name: "Ανανέωση κατάστασης" }).click();
  await expect(page.getByText("Εγκρίθηκε", { exact: true }).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("detail-mark")).toHaveText(/^\d{15}$/);
  await expect(page.locator('[data-event="lookup"]')).toHaveCount(1);
});

test.describe("as a viewer", () => {
  test.use({ storageState: e2eSettings().statePath("viewer") });

  test("reads a document but is offered no action, and cannot open Fix & resend", async ({ page }) => {
    const doc = outboxDocument("E2EVIEW");
    insertDocument(e2e.databasePath, doc, { status: "unknown", nextAction: "lookup", nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString(), createdBy: e2e.users.clerk.email });
    await page.goto(`/transmissions/${doc.id}`);
    await expect(page.getByRole("heading", { name: `Παραστατικό E2EVIEW/${doc.number}` })).toBeVisible();
    // The reason is the role, and the viewer is told so (not "nothing allowed in this state").
    await expect(page.getByTestId("no-actions")).toHaveText(/^Ο ρόλος σας \(αναγνώστης\) επιτρέπει να βλέπετε και να κατεβάζετε/);
    await expect(page.getByRole("button", { name: "Ανανέωση κατάστασης" })).toHaveCount(0);
    const fix = await page.goto(`/transmissions/${doc.id}/fix`);
    expect(fix?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Η σελίδα δεν βρέθηκε" })).toBeVisible();
    expect((await page.request.post(`/api/transmissions/${doc.id}/refresh`, { headers: { Origin: e2e.baseURL } })).status()).toBe(403);
  });
});

test("the overview counts today's documents and lists what needs attention", async ({ page }) => {
  const doc = outboxDocument("E2EOVR");
  insertDocument(e2e.databasePath, doc, { status: "unknown", nextAction: "lookup", nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString(), createdBy: e2e.users.clerk.email });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Επισκόπηση" })).toBeVisible();
  await expect(page.getByTestId("provider-reachable")).toHaveText("ναι");
  await expect(page.getByTestId("attention-unknown")).not.toHaveText("0");
  const item = page.getByRole("list", { name: "Χρειάζονται ενέργεια" }).getByRole("link", { name: `E2EOVR/${doc.number}` });
  await expect(item).toBeVisible();
  await expect(page.getByTestId("count-today-unknown")).not.toHaveText("0");
  await page.getByTestId("attention-unknown").click();
  await expect(page).toHaveURL(/\/transmissions\?status=unknown$/);
  await expect(page.locator("tbody tr").first()).toHaveAttribute("data-status", "unknown");
});

test("history rows still moving refresh themselves, and the polling stops once nothing moves", async ({ page }) => {
  const doc = outboxDocument("E2EPOLL");
  const polls: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/transmissions") polls.push(request.url());
  });
  // Due in a few seconds: the table shows it waiting first, then the worker sends it.
  insertDocument(e2e.databasePath, doc, { status: "queued", nextAction: "send", nextAttemptAt: new Date(Date.now() + 4_000).toISOString(), createdBy: e2e.users.clerk.email });
  await page.goto(`/transmissions?series=E2EPOLL`);
  const row = page.locator("tbody tr").filter({ hasText: `E2EPOLL/${doc.number}` });
  await expect(row).toHaveAttribute("data-status", "queued");
  await expect(page.getByText("Οι γραμμές που κινούνται ακόμη ενημερώνονται αυτόματα.")).toBeVisible();
  await expect(row).toHaveAttribute("data-status", "accepted", { timeout: 20_000 });
  await expect(row.locator("td").nth(7)).toHaveText(/^\d{15}$/);
  expect(polls.length).toBeGreaterThan(0);
  const settled = polls.length;
  await page.waitForTimeout(7_000);
  expect(polls.length).toBe(settled);
});
