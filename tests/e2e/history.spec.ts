import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { e2eSettings } from "./global-setup";
import { parseCsv } from "../support/csv";
import { runSeed, signIn, startServer, stopServer } from "./history-fixtures";

/**
 * The history with 100,000 seeded documents, on a dashboard instance of its own (its own SQLite
 * file, sending off so that nothing moves under the assertions), next to the suite's sandbox.
 */
const e2e = e2eSettings();
const PORT = Number(process.env.E2E_HISTORY_PORT ?? e2e.port + 20);
const DOCUMENTS = Number(process.env.E2E_HISTORY_DOCUMENTS ?? 100_000);
const databasePath = join(e2e.runDir, "history-seeded.sqlite");
const admin = { email: "history-admin@credit-desk.example", password: "history-admin-password-1" };

let server: ChildProcess | undefined;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: `http://127.0.0.1:${PORT}`, storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  const env = { DATABASE_URL: `file:${databasePath}`, IMPACT_BASE_URL: `http://127.0.0.1:${e2e.sandboxPort}`, IMPACT_API_KEY: e2e.apiKey };
  const started = Date.now();
  const output = await runSeed(env, DOCUMENTS);
  console.log(`[history] ${output.trim().split("\n").at(-1)} (wall ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  server = await startServer(PORT, { ...env, CREDIT_DESK_WORKER: "0", ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password });
});

test.afterAll(() => {
  stopServer(server);
  rmSync(databasePath, { force: true });
  rmSync(`${databasePath}-wal`, { force: true });
  rmSync(`${databasePath}-shm`, { force: true });
});

test.beforeEach(async ({ page }) => {
  await signIn(page.request, admin.email, admin.password);
});

/** "series/number" of every row on the page, in order. */
async function rowKeys(page: Page): Promise<string[]> {
  return page.locator("tbody tr td:nth-child(2) a").allInnerTexts();
}

async function timed(label: string, action: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await action();
  console.log(`[history] ${label}: ${Date.now() - started} ms`);
}

test("filters, pages forward and back with the state in the URL, and opens a detail", async ({ page }) => {
  await timed("first page, 100k documents", () => page.goto("/transmissions"));
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(50);

  await page.getByLabel("Κατάσταση").selectOption("rejected");
  await page.getByLabel("Σειρά").selectOption("ΠΤ");
  await timed("filter rejected + ΠΤ", async () => {
    await page.getByRole("button", { name: "Εφαρμογή" }).click();
    await expect(page).toHaveURL(/\/transmissions\?status=rejected&series=%CE%A0%CE%A4$/);
  });
  await expect(rows).toHaveCount(50);
  const first = await rowKeys(page);
  expect(first.every((key) => key.startsWith("ΠΤ/"))).toBe(true);
  expect(await rows.evaluateAll((all) => all.every((row) => row.getAttribute("data-status") === "rejected"))).toBe(true);

  const next = page.getByRole("link", { name: "Επόμενη σελίδα →" });
  const previous = page.getByRole("link", { name: "← Προηγούμενη σελίδα" });
  await expect(previous).toHaveCount(0);
  await next.click();
  await expect(page).toHaveURL(/cursor=/);
  await expect.poll(() => rowKeys(page)).not.toEqual(first);
  const second = await rowKeys(page);
  const secondUrl = page.url();
  expect(second.filter((key) => first.includes(key))).toEqual([]);
  // Newest first: the second page's numbers come before the first page's in the series.
  expect(Math.max(...second.map((key) => Number(key.split("/")[1])))).toBeLessThan(Math.min(...first.map((key) => Number(key.split("/")[1]))));
  await next.click();
  await expect.poll(() => rowKeys(page)).not.toEqual(second);
  const third = await rowKeys(page);

  await previous.click();
  await expect.poll(() => rowKeys(page)).toEqual(second);
  // The browser's own back and forward walk the same pages.
  await page.goBack();
  await expect.poll(() => rowKeys(page)).toEqual(third);
  await page.goBack();
  await expect.poll(() => rowKeys(page)).toEqual(second);
  await page.goBack();
  await expect.poll(() => rowKeys(page)).toEqual(first);
  await page.goForward();
  await expect.poll(() => rowKeys(page)).toEqual(second);
  expect(page.url()).toBe(secondUrl);

  // A shared link opens the same page in another tab.
  const shared = await page.context().newPage();
  await shared.goto(secondUrl);
  await expect.poll(() => rowKeys(shared)).toEqual(second);
  await expect(shared.getByLabel("Κατάσταση")).toHaveValue("rejected");
  await shared.close();

  const target = second[0] ?? "";
  await timed("open a detail", async () => {
    await page.getByRole("link", { name: target, exact: true }).click();
    await expect(page.getByRole("heading", { name: `Παραστατικό ${target}` })).toBeVisible();
  });
  await expect(page.getByText("Απορρίφθηκε", { exact: true }).first()).toBeVisible();
  await expect(page.locator("[data-step].border-red-300").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Διόρθωση & επαναποστολή" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(secondUrl);
  await expect.poll(() => rowKeys(page)).toEqual(second);
});

test("reads a deep page oldest first and sorts by amount, both on their indexes", async ({ page }) => {
  await page.goto("/transmissions");
  await timed("sort oldest first", async () => {
    await page.getByRole("link", { name: /Ημ\/νία έκδοσης/ }).click();
    await expect(page).toHaveURL(/sort=created_asc/);
  });
  await expect(page.getByRole("columnheader", { name: /Ημ\/νία έκδοσης/ })).toHaveAttribute("aria-sort", "ascending");
  for (let i = 0; i < 5; i += 1) {
    const before = await rowKeys(page);
    await page.getByRole("link", { name: "Επόμενη σελίδα →" }).click();
    await expect.poll(() => rowKeys(page)).not.toEqual(before);
  }
  await timed("deep page (cursor) reload", () => page.reload());
  await expect(page.locator("tbody tr")).toHaveCount(50);

  await page.getByRole("link", { name: /Σύνολο/ }).click();
  await expect(page).toHaveURL(/sort=gross_desc/);
  const amounts = async () => (await page.locator("tbody tr td:nth-child(7)").allInnerTexts()).map((text) => (text === "—" ? -1 : Number(text.replace(/[^\d,]/g, "").replace(",", "."))));
  const descending = await amounts();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  await page.getByRole("link", { name: /Σύνολο/ }).click();
  await expect(page).toHaveURL(/sort=gross_asc/);
  await expect.poll(amounts).not.toEqual(descending);
  const ascending = await amounts();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
});

test("the CSV export of a filter holds exactly the rows the table shows, Greek intact", async ({ page }) => {
  await page.goto("/transmissions?status=needs_attention&series=CN&sort=gross_desc");
  const shown: string[] = [];
  for (;;) {
    const cells = await page.locator("tbody tr").evaluateAll((rows) =>
      rows.map((row) => `${row.querySelector("td:nth-child(2) a")?.textContent ?? ""}|${row.querySelector("td:nth-child(4) span")?.textContent ?? ""}`));
    shown.push(...cells);
    const next = page.getByRole("link", { name: "Επόμενη σελίδα →" });
    if ((await next.count()) === 0) break;
    const before = await rowKeys(page);
    await next.click();
    await expect.poll(() => rowKeys(page)).not.toEqual(before);
  }
  // With the full 100,000 this filter spans several pages (about 150 rows).
  expect(shown.length).toBeGreaterThan(DOCUMENTS >= 50_000 ? 50 : 0);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Εξαγωγή CSV/ }).click();
  const file = await readFile(await (await download).path());
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // A Greek reader gets the Greek dialect: `;`, Greek headers and status names.
  const [header = [], ...rows] = parseCsv(file.subarray(3).toString("utf8"), ";");
  const at = (name: string) => header.indexOf(name);
  expect(rows.map((cells) => `${cells[at("Σειρά")]}/${cells[at("Αριθμός")]}|${cells[at("Αντισυμβαλλόμενος")]}`)).toEqual(shown);
  expect(new Set(rows.map((cells) => cells[at("Κατάσταση")]))).toEqual(new Set(["Θέλει προσοχή"]));
  expect(shown.some((row) => /[Α-Ωα-ω]/.test(row.split("|")[1] ?? ""))).toBe(true);
});

test("the Excel export of a filter is a real spreadsheet holding the CSV's rows", async ({ page }) => {
  await page.goto("/transmissions?status=accepted&series=CN&sort=gross_desc");
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: /Εξαγωγή CSV/ }).click();
  const [header = [], ...csvRows] = parseCsv((await readFile(await (await csvDownload).path())).subarray(3).toString("utf8"), ";");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Excel/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^transmissions-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile(await file.path());
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  const cells = (row: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1);
  expect(cells(1)).toEqual(header);
  expect(sheet.rowCount - 1).toBe(csvRows.length);
  expect(csvRows.length).toBeGreaterThan(0);
  const at = (name: string) => header.indexOf(name);
  const keyOf = (values: unknown[]) => `${String(values[at("Σειρά")])}/${String(values[at("Αριθμός")])}|${String(values[at("Αντισυμβαλλόμενος")] ?? "")}`;
  expect(csvRows.map((_, index) => keyOf(cells(index + 2)))).toEqual(csvRows.map((row) => keyOf(row)));
  for (let index = 0; index < Math.min(csvRows.length, 50); index += 1) {
    const values = cells(index + 2);
    expect(values[at("Κατάσταση")]).toBe("Εγκρίθηκε");
    expect(values[at("Ημ/νία έκδοσης")]).toBeInstanceOf(Date);
    expect(values[at("Καταχωρίστηκε")]).toBeInstanceOf(Date);
    const gross = csvRows[index]?.[at("Σύνολο")] ?? "";
    if (gross !== "") expect((values[at("Σύνολο")] as number).toFixed(2).replace(".", ",")).toBe(gross);
  }
});
