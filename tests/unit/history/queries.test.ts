import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countTransmissionsByStatus, exportTransmissionRows, listTransmissions } from "@/lib/history/queries";
import { issueCreditNote } from "@/lib/sending/issue";
import { getTransmission } from "@/lib/history/transmission-views";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { sampleCreditNoteInput, sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";

const T0 = Date.parse("2025-05-01T08:00:00.000Z");
const COUNT = 130;

describe.each(testEngines())("transmission history on %s", (engine) => {
  let t: TestDb;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await openTestDb(engine);
    for (let i = 0; i < COUNT; i += 1) {
      const name = i % 10 === 0 ? "Ωμέγα Εμπορική" : i % 2 === 0 ? "ACME Trading" : "Foreign Company";
      const input = sampleCreditNoteInput();
      const request = sampleIssueRequest({ series: i < 100 ? "H1" : "H2", input: { ...input, counterparty: { ...input.counterparty, name } } });
      // Every third pair shares a timestamp: the id breaks the tie.
      const result = await issueCreditNote(t.db, request, { now: new Date(T0 + Math.floor(i / 2) * 60_000), actor: "clerk" });
      ids.push(result.id);
    }
    await t.db.updateTable("documents").set({ status: "accepted", mark: "400000000000777" }).where("id", "=", ids[5] ?? "").execute();
    await t.db.updateTable("documents").set({ status: "rejected" }).where("id", "in", ids.slice(10, 13)).execute();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("walks every document exactly once, newest first, by keyset cursor", async () => {
    const seen: { createdAt: string; id: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listTransmissions(t.db, { cursor, limit: 50 });
      seen.push(...page.items.map((item) => ({ createdAt: item.createdAt, id: item.id })));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(COUNT);
    expect(new Set(seen.map((s) => s.id)).size).toBe(COUNT);
    const sorted = [...seen].sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
    expect(seen).toEqual(sorted);
  });

  it("filters by status, series, MARK, date range and amount", async () => {
    expect((await listTransmissions(t.db, { status: "rejected", limit: 50 })).items.map((i) => i.id).sort()).toEqual(ids.slice(10, 13).sort());
    expect((await listTransmissions(t.db, { status: ["accepted", "rejected"], limit: 50 })).items).toHaveLength(4);
    expect((await listTransmissions(t.db, { series: "H2", limit: 200 })).items).toHaveLength(30);
    expect((await listTransmissions(t.db, { mark: "400000000000777", limit: 5 })).items.map((i) => i.id)).toEqual([ids[5]]);
    const from = new Date(T0 + 10 * 60_000).toISOString();
    const to = new Date(T0 + 12 * 60_000).toISOString();
    expect((await listTransmissions(t.db, { from, to, limit: 50 })).items).toHaveLength(4);
    expect((await listTransmissions(t.db, { minGrossCents: 799, maxGrossCents: 799, limit: 1 })).items[0]?.grossCents).toBe(799);
    expect((await listTransmissions(t.db, { minGrossCents: 800, limit: 1 })).items).toHaveLength(0);
  });

  it("searches counterparty names case-insensitively, series/number, and treats % literally", async () => {
    expect((await listTransmissions(t.db, { q: "acme", limit: 200 })).items).toHaveLength(52);
    expect((await listTransmissions(t.db, { q: "Ωμέγα", limit: 200 })).items).toHaveLength(13);
    expect((await listTransmissions(t.db, { q: "ωμεγα εμπορικη", limit: 200 })).items).toHaveLength(13);
    expect((await listTransmissions(t.db, { q: "ΕΜΠΟΡΙΚΉ", limit: 200 })).items).toHaveLength(13);
    expect((await listTransmissions(t.db, { q: "400000000000777", limit: 200 })).items.map((i) => i.id)).toEqual([ids[5]]);
    expect((await listTransmissions(t.db, { q: "H2/3", limit: 200 })).items.map((i) => `${i.series}/${i.number}`)).toContain("H2/3");
    expect((await listTransmissions(t.db, { q: "%", limit: 200 })).items).toHaveLength(0);
  });

  it("refuses a forged cursor", async () => {
    await expect(listTransmissions(t.db, { cursor: "bm9wZQ", limit: 5 })).rejects.toThrow(RangeError);
  });

  it("exports every filtered row and counts by status", async () => {
    const rows = [];
    for await (const row of exportTransmissionRows(t.db, { series: "H1" }, 7)) rows.push(row);
    expect(rows).toHaveLength(100);
    expect(await countTransmissionsByStatus(t.db)).toEqual({ queued: 126, sending: 0, accepted: 1, rejected: 3, unknown: 0, needs_attention: 0 });
  });

  it("details carry the payload, attempts and the timeline", async () => {
    const detail = await getTransmission(t.db, ids[0] ?? "");
    expect(detail).toMatchObject({ status: "queued", series: "H1", number: "1", netCents: 644, vatCents: 155, grossCents: 799, createdBy: "clerk", attempts: [] });
    expect(detail?.events).toMatchObject([{ type: "queued", actor: "clerk" }]);
    expect(JSON.parse(detail?.payloadJson ?? "{}")).toMatchObject({ Series: "H1", Number: "1", InvoiceTypeCode: "5.2" });
    expect(await getTransmission(t.db, randomUUID())).toBeNull();
  });
});
