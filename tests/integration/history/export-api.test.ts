import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/transmissions/export.csv/route";
import { GET as exportXlsx } from "@/app/api/transmissions/export.xlsx/route";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import type { Db } from "@/lib/db/schema";
import { seedHistory } from "@/lib/seed/seed-history";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { parseCsv } from "@/tests/support/csv";
import { call, userWithSession } from "./helpers";

const holder = globalThis as typeof globalThis & { creditDeskDb?: Db; creditDeskDbReady?: Promise<Db> };
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(() => {
  process.env.SESSION_SECRET = "history-integration-secret-0123456789abcdef";
});

/** The first sheet of a downloaded workbook, read back with the library that wrote it. */
async function sheetOf(response: Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  return sheet;
}

/** The values of a row from column 1 on (exceljs keeps index 0 empty). */
function valuesOf(sheet: ExcelJS.Worksheet, rowNumber: number): ExcelJS.CellValue[] {
  const values = sheet.getRow(rowNumber).values as ExcelJS.CellValue[];
  return Array.from({ length: 14 }, (_, index) => values[index + 1] ?? null);
}

/** A spreadsheet cell as the Greek CSV writes it (dates as their wall-clock text), to compare row by row. */
function asCsvText(value: ExcelJS.CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 19);
  if (typeof value === "number") return value.toFixed(2).replace(".", ",");
  return String(value);
}

describe.each(testEngines())("history export as CSV and spreadsheet (%s)", (engine) => {
  let t: TestDb;
  let viewer: { email: string; token: string };

  beforeAll(async () => {
    t = await openTestDb(engine);
    holder.creditDeskDb = t.db;
    holder.creditDeskDbReady = undefined;
    viewer = await userWithSession(t.db, "viewer");
    await seedHistory(t.db, { documents: 450, providerBaseUrl: "http://127.0.0.1:9/sandbox", seed: 23 });
  }, 60_000);
  afterAll(async () => {
    holder.creditDeskDb = undefined;
    holder.creditDeskDbReady = undefined;
    await t.cleanup();
  });

  it("writes the Greek CSV with ;, decimal commas, Greek headers and status names, BOM kept", async () => {
    const response = await call(exportCsv, "/api/transmissions/export.csv?sort=gross_desc", { token: viewer.token });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], ...rows] = parseCsv(bytes.subarray(3).toString("utf8"), ";");
    expect(header.slice(0, 4)).toEqual(["Κατάσταση", "Σειρά", "Αριθμός", "Ημ/νία έκδοσης"]);
    expect(rows).toHaveLength(450);
    expect(rows.every((cells) => cells.length === 14)).toBe(true);
    expect(new Set(rows.map((cells) => cells[0]))).toContain("Εγκρίθηκε");
    const gross = rows.map((cells) => cells[header.indexOf("Σύνολο")] ?? "").filter((cell) => cell !== "");
    expect(gross.length).toBeGreaterThan(0);
    expect(gross.every((cell) => /^\d+,\d{2}$/.test(cell))).toBe(true);
  });

  it("keeps the English CSV's shape: commas, decimal points, column keys and status codes", async () => {
    const response = await call(exportCsv, "/api/transmissions/export.csv?sort=gross_desc", { token: viewer.token, headers: { "accept-language": "en" } });
    const [header = [], ...rows] = parseCsv(Buffer.from(await response.arrayBuffer()).subarray(3).toString("utf8"));
    expect(header).toEqual(["status", "series", "number", "issued_at", "counterparty", "counterparty_vat", "net", "vat", "gross", "mark", "uid", "internal_document_id", "issued_by", "created_at"]);
    expect(new Set(rows.map((cells) => cells[0]))).toContain("accepted");
    expect(rows.map((cells) => cells[8] ?? "").filter((cell) => cell !== "").every((cell) => /^\d+\.\d{2}$/.test(cell))).toBe(true);
  });

  it.each(["el", "en"] as const)("downloads the spreadsheet in %s: numbers are numbers, dates are dates, the rows are the CSV's", async (locale) => {
    const headers = { "accept-language": locale === "el" ? "el-GR" : "en-GB" };
    const query = new URLSearchParams({ status: "accepted", sort: "gross_desc" });
    const response = await call(exportXlsx, `/api/transmissions/export.xlsx?${query}`, { token: viewer.token, headers });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="transmissions-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const sheet = await sheetOf(response);

    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = valuesOf(sheet, 1);
    expect(header.slice(0, 3)).toEqual(locale === "el" ? ["Κατάσταση", "Σειρά", "Αριθμός"] : ["Status", "Series", "Number"]);
    expect(sheet.getColumn(5).width).toBeGreaterThan(20);

    const csvResponse = await call(exportCsv, `/api/transmissions/export.csv?${query}`, { token: viewer.token, headers: { "accept-language": "el-GR" } });
    const [, ...csvRows] = parseCsv(Buffer.from(await csvResponse.arrayBuffer()).subarray(3).toString("utf8"), ";");
    expect(sheet.rowCount - 1).toBe(csvRows.length);
    expect(csvRows.length).toBeGreaterThan(50);

    let amounts = 0;
    for (let index = 0; index < csvRows.length; index += 1) {
      const row = sheet.getRow(index + 2);
      const values = valuesOf(sheet, index + 2);
      const csv = csvRows[index] ?? [];
      expect(values[0]).toBe(locale === "el" ? "Εγκρίθηκε" : "Accepted");
      for (const column of [6, 7, 8]) {
        // A credit of an issued document has no totals of its own: an empty cell, as in the CSV.
        expect(typeof values[column]).toBe(csv[column] === "" ? "object" : "number");
        if (csv[column] !== "") amounts += 1;
        expect(row.getCell(column + 1).numFmt).toContain("€");
      }
      expect(values[3]).toBeInstanceOf(Date);
      expect(values[13]).toBeInstanceOf(Date);
      // Dates read back as Athens wall-clock time: issued_at as sent, created_at converted from UTC.
      expect(asCsvText(values[3] ?? null)).toBe(csv[3]);
      expect(asCsvText(values[13] ?? null)).toBe(formatAthensDateTime(new Date(csv[13] ?? "")));
      const comparable = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12];
      expect(comparable.map((column) => asCsvText(values[column] ?? null)), `row ${index + 2}`).toEqual(comparable.map((column) => csv[column]));
    }
    expect(amounts).toBeGreaterThan(50);
  }, 60_000);

  it("applies the list's filters to the spreadsheet and refuses a bad filter with 422", async () => {
    const none = await call(exportXlsx, "/api/transmissions/export.xlsx?series=NOSUCH", { token: viewer.token });
    expect((await sheetOf(none)).rowCount).toBe(1);
    const bad = await call(exportXlsx, "/api/transmissions/export.xlsx?status=lost", { token: viewer.token });
    expect(bad.status).toBe(422);
    const anonymous = await call(exportXlsx, "/api/transmissions/export.xlsx");
    expect(anonymous.status).toBe(401);
  });
});
