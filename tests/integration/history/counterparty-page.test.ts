import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCounterpartyPage } from "@/lib/history/counterparty-page";
import { seedHistory } from "@/lib/seed/seed-history";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";

describe.each(testEngines())("customer page (%s)", (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedHistory(t.db, { documents: 800, providerBaseUrl: "http://127.0.0.1:4010", batchSize: 400, seed: 3 });
  }, 120_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it("lists every document of a customer by VAT, and its monthly totals add up to its accepted documents", async () => {
    const top = await t.db.selectFrom("documents").select(["counterparty_vat", (eb) => eb.fn.countAll<number>().as("n")])
      .where("counterparty_vat", "is not", null).groupBy("counterparty_vat").orderBy("n", "desc").executeTakeFirstOrThrow();
    const vat = String(top.counterparty_vat);
    const page = await loadCounterpartyPage(t.db, vat);
    expect(page).not.toBeNull();
    if (page === null) return;
    expect(page.documents).toHaveLength(Number(top.n));
    expect(page.documents.every((doc) => doc.counterpartyVat === vat)).toBe(true);
    const accepted = page.documents.filter((doc) => doc.status === "accepted");
    expect(page.total.count).toBe(accepted.length);
    expect(page.total.grossCents).toBe(accepted.reduce((sum, doc) => sum + (doc.grossCents ?? 0), 0));
    expect(page.months.reduce((sum, m) => sum + m.grossCents, 0)).toBe(page.total.grossCents);
    for (const month of page.months) {
      const inMonth = accepted.filter((doc) => doc.issuedAt.startsWith(month.month));
      expect(month.count).toBe(inMonth.length);
      expect(month.netCents).toBe(inMonth.reduce((sum, doc) => sum + (doc.netCents ?? 0), 0));
    }
    expect([...page.months].map((m) => m.month)).toEqual([...page.months].map((m) => m.month).sort().reverse());
  });

  it("finds a Greek customer with or without EL, and answers null for an unknown one", async () => {
    const greek = await t.db.selectFrom("documents").select("counterparty_vat").where("counterparty_vat", "like", "EL%").executeTakeFirstOrThrow();
    const vat = String(greek.counterparty_vat);
    const withPrefix = await loadCounterpartyPage(t.db, vat);
    const without = await loadCounterpartyPage(t.db, vat.slice(2));
    expect(without?.documents.map((doc) => doc.id)).toEqual(withPrefix?.documents.map((doc) => doc.id));
    expect(await loadCounterpartyPage(t.db, "EL000000000")).toBeNull();
    expect(await loadCounterpartyPage(t.db, "8f0e6a52-5d7e-4c55-9a63-2b6b8d1f0c11")).toBeNull();
  });
});
