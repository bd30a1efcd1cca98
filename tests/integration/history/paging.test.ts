import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHistory } from "@/lib/seed/seed-history";
import { HISTORY_SORTS, type HistorySort } from "@/lib/validation/history-sorts";
import { exportTransmissionRows, listTransmissions, type TransmissionFilter } from "@/lib/history/queries";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";

const ROWS = 700;

/** The order a sort promises, computed here from the rows themselves. */
function expectedOrder(rows: { id: string; created_at: string; gross_cents: number | null }[], sort: HistorySort): string[] {
  const key = (row: (typeof rows)[number]): string | number => (sort.startsWith("gross") ? Number(row.gross_cents ?? -1) : row.created_at);
  const sign = sort.endsWith("_desc") ? -1 : 1;
  return [...rows]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
      return (a.id < b.id ? -1 : 1) * sign;
    })
    .map((row) => row.id);
}

async function walk(t: TestDb, filter: TransmissionFilter, limit: number) {
  const pages: { ids: string[]; next: string | null; prev: string | null }[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTransmissions(t.db, { ...filter, cursor, limit });
    pages.push({ ids: page.items.map((item) => item.id), next: page.nextCursor, prev: page.prevCursor });
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

describe.each(testEngines())("keyset paging of the history on %s", (engine) => {
  let t: TestDb;
  let rows: { id: string; created_at: string; gross_cents: number | null; status: string; created_by: string | null; counterparty_vat: string | null; counterparty_name: string | null }[];

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedHistory(t.db, { documents: ROWS, providerBaseUrl: "http://127.0.0.1:4010", seed: 3, spanDays: 20 });
    rows = (await t.db.selectFrom("documents").select(["id", "created_at", "gross_cents", "status", "created_by", "counterparty_vat", "counterparty_name"]).execute())
      .map((row) => ({ ...row, gross_cents: row.gross_cents === null ? null : Number(row.gross_cents) }));
  }, 120_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it.each(HISTORY_SORTS)("walks every row once in %s order, forward and then back", async (sort) => {
    const pages = await walk(t, { sort }, 64);
    expect(pages.flatMap((page) => page.ids)).toEqual(expectedOrder(rows, sort));
    expect(pages[0]?.prev).toBeNull();
    expect(pages.at(-1)?.next).toBeNull();
    // Back from the last page, one previous page at a time, gives the same pages.
    let cursor = pages.at(-1)?.prev ?? null;
    for (let index = pages.length - 2; index >= 0; index -= 1) {
      const page = await listTransmissions(t.db, { sort, cursor: cursor ?? undefined, limit: 64 });
      expect(page.items.map((item) => item.id)).toEqual(pages[index]?.ids);
      cursor = page.prevCursor;
    }
    expect(cursor).toBeNull();
  });

  it("answers a previous page that would come out short with the first page", async () => {
    const pages = await walk(t, {}, 50);
    const second = await listTransmissions(t.db, { cursor: pages[1]?.prev ?? undefined, limit: 50 });
    expect(second.items.map((item) => item.id)).toEqual(pages[0]?.ids);
    expect(second.prevCursor).toBeNull();
    // From page 2 with a larger page size, fewer rows lie before it than a page holds.
    const wider = await listTransmissions(t.db, { cursor: pages[1]?.prev ?? undefined, limit: 80 });
    expect(wider.items.map((item) => item.id)).toEqual(expectedOrder(rows, "created_desc").slice(0, 80));
  });

  it("refuses a cursor made for another order, or forged", async () => {
    const [first] = await walk(t, { sort: "gross_desc" }, 100);
    await expect(listTransmissions(t.db, { sort: "created_desc", cursor: first?.next ?? "", limit: 10 })).rejects.toThrow(RangeError);
    await expect(listTransmissions(t.db, { cursor: Buffer.from(JSON.stringify(["p", "created_desc", 0, 5, "x"])).toString("base64url"), limit: 10 })).rejects.toThrow(RangeError);
  });

  it("filters by issuer of the document and by counterparty name or VAT number", async () => {
    const byStaff = rows.filter((row) => row.created_by === "eleni.konstantinou@example.gr").length;
    expect((await walk(t, { createdBy: "eleni.konstantinou@example.gr" }, 200)).flatMap((page) => page.ids)).toHaveLength(byStaff);
    const vat = rows.find((row) => row.counterparty_vat?.startsWith("EL"))?.counterparty_vat ?? "";
    const withVat = rows.filter((row) => row.counterparty_vat === vat).length;
    expect((await walk(t, { counterparty: vat }, 200)).flatMap((page) => page.ids)).toHaveLength(withVat);
    expect((await walk(t, { counterparty: vat.slice(2) }, 200)).flatMap((page) => page.ids)).toHaveLength(withVat);
    const omega = rows.filter((row) => row.counterparty_name === "Ωμέγα Εμπορική Α.Ε.").length;
    expect(omega).toBeGreaterThan(0);
    expect((await walk(t, { counterparty: "ΩΜΕΓΑ εμπορικη" }, 200)).flatMap((page) => page.ids)).toHaveLength(omega);
  });

  it("exports the filtered rows in the table's order", async () => {
    const filter: TransmissionFilter = { status: ["accepted", "rejected"], sort: "gross_asc", minGrossCents: 5_000 };
    const shown = (await walk(t, filter, 33)).flatMap((page) => page.ids);
    const exported: string[] = [];
    for await (const row of exportTransmissionRows(t.db, filter, 17)) exported.push(row.id);
    expect(exported).toEqual(shown);
  });
});
