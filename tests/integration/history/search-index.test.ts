import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateTo, migrateToLatest } from "@/lib/db/migrate";
import type { Db } from "@/lib/db/schema";
import { listTransmissions, type TransmissionFilter } from "@/lib/history/queries";
import { foldForSearch } from "@/lib/domain/search-text";
import { seedHistory } from "@/lib/seed/seed-history";
import { openEmptyTestDb, openTestDb, testEngines, type TestDb } from "@/tests/support/db";

const ROWS = 6_000;
const at = "2025-03-24T08:00:00.000Z";

class CaptureQueries implements KyselyPlugin {
  nodes: RootOperationNode[] = [];
  transformQuery(args: { node: RootOperationNode }): RootOperationNode {
    this.nodes.push(args.node);
    return args.node;
  }
  async transformResult<T>(args: { result: T }): Promise<T> {
    return args.result;
  }
}

async function planOf(db: Db, engine: string, params: TransmissionFilter & { limit: number }): Promise<string> {
  const capture = new CaptureQueries();
  await listTransmissions(db.withPlugin(capture), params);
  const node = capture.nodes.at(-1);
  if (node === undefined) throw new Error("no query captured");
  const compiled = db.getExecutor().compileQuery(node, { queryId: "plan" } as never);
  const explain = CompiledQuery.raw(`${engine === "postgres" ? "explain " : "explain query plan "}${compiled.sql}`, [...compiled.parameters]);
  // On a test-sized table PostgreSQL's sampled statistics may price a sequential scan of a few
  // thousand rows below any index; with sequential scans priced out, the plan shows which index
  // can serve the query (the 100,000-document bench shows the planner choosing it on its own).
  const result = engine === "postgres"
    ? await db.transaction().execute(async (trx) => {
      await trx.executeQuery(CompiledQuery.raw("set local enable_seqscan = off"));
      return trx.executeQuery<Record<string, unknown>>(explain);
    })
    : await db.executeQuery<Record<string, unknown>>(explain);
  return result.rows.map((row) => String(row["QUERY PLAN"] ?? row.detail)).join("\n");
}

async function allMatches(db: Db, filter: TransmissionFilter): Promise<{ series: string; number: string; counterpartyName: string | null; mark: string | null }[]> {
  const found: { series: string; number: string; counterpartyName: string | null; mark: string | null }[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listTransmissions(db, { ...filter, cursor, limit: 200 });
    found.push(...page.items);
    if (page.nextCursor === null) return found;
    cursor = page.nextCursor;
  }
}

describe.each(testEngines())("history search through the search index (%s)", (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedHistory(t.db, { documents: ROWS, providerBaseUrl: "http://127.0.0.1:4010", batchSize: 1000, analyze: true, seed: 5 });
  }, 240_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it("finds ΠΤ/n by typing pt/n, and exactly the documents a scan of the folded texts finds", async () => {
    const target = await t.db.selectFrom("documents").select(["series", "number"]).where("series", "=", "ΠΤ").orderBy("created_at").executeTakeFirstOrThrow();
    const query = `pt/${target.number}`;
    const found = await allMatches(t.db, { q: query });
    expect(found.map((row) => `${row.series}/${row.number}`)).toContain(`ΠΤ/${target.number}`);
    const scanned = (await t.db.selectFrom("documents").select(["series", "number", "search_text", "mark"]).execute())
      .filter((row) => row.search_text.includes(foldForSearch(query)) || (row.mark ?? "").includes(query));
    expect(found.map((row) => `${row.series}/${row.number}`).sort()).toEqual(scanned.map((row) => `${row.series}/${row.number}`).sort());
  });

  it("ignores accents and case, and folds look-alike letters both ways", async () => {
    const omega = await allMatches(t.db, { q: "ΩΜΕΓΑ ΕΜΠΟΡΙΚΗ" });
    expect(omega.length).toBeGreaterThan(0);
    expect(omega.every((row) => row.counterpartyName === "Ωμέγα Εμπορική Α.Ε.")).toBe(true);
    expect(await allMatches(t.db, { q: "ωμεγα εμπορικη" })).toHaveLength(omega.length);
    expect(await allMatches(t.db, { q: "omega empopikh" })).toHaveLength(omega.length);
    expect(await allMatches(t.db, { counterparty: "ΩΜΈΓΑ" })).toHaveLength(omega.length);
  });

  it("finds a MARK by any part of it, also one set after the document was written", async () => {
    const row = await t.db.selectFrom("documents").select(["id", "series", "number"]).where("mark", "is", null).orderBy("id").executeTakeFirstOrThrow();
    await t.db.updateTable("documents").set({ mark: "987654321098765" }).where("id", "=", row.id).execute();
    const found = await allMatches(t.db, { q: "7654321098" });
    expect(found.map((item) => `${item.series}/${item.number}`)).toEqual([`${row.series}/${row.number}`]);
    await t.db.updateTable("documents").set({ mark: null }).where("id", "=", row.id).execute();
    expect(await allMatches(t.db, { q: "7654321098" })).toEqual([]);
  });

  it("answers a search that matches nothing, and one of two letters, without errors", async () => {
    expect(await allMatches(t.db, { q: "zzq-nothing" })).toEqual([]);
    expect(await allMatches(t.db, { q: 'a"b' })).toEqual([]);
    expect((await listTransmissions(t.db, { q: "pt", limit: 5 })).items).toHaveLength(5);
  });

  it("reads a search of three letters or more from the search index, not by reading every document", async () => {
    for (const q of ["zzq-nothing", "pt-xon/1", "7654321098"]) {
      const plan = await planOf(t.db, engine, { q, limit: 50 });
      if (engine === "postgres") {
        expect(plan, plan).toMatch(/Bitmap Index Scan on documents_search_trgm/);
        // A MARK is searched only by digits.
        if (/^\d+$/.test(q)) expect(plan, plan).toMatch(/Bitmap Index Scan on documents_mark_trgm/);
        else expect(plan, plan).not.toMatch(/documents_mark_trgm/);
        expect(plan, plan).not.toMatch(/Seq Scan on documents/);
        expect(plan, plan).not.toMatch(/Index Scan using documents_created_keyset/);
      } else {
        expect(plan, plan).toMatch(/SCAN documents_search VIRTUAL TABLE INDEX/);
        expect(plan, plan).not.toMatch(/^SCAN documents$/m);
      }
    }
  });
});

describe.each(testEngines())("migration 011 folds stored search texts again (%s)", (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await openEmptyTestDb(engine);
    await migrateTo(t.db, "007-append-only");
    const base = { issuer_vat: "EL094259216", kind: "compose" as const, payload_json: "{}", payload_sha256: "x", status: "accepted" as const, deadline_at: at, created_at: at, updated_at: at, issued_at: "2025-03-24T10:00:00" };
    // The search text as the earlier folding stored it: Greek kept, final sigma as sigma.
    await t.db.insertInto("documents").values([
      { ...base, id: "d-1", internal_document_id: "i-1", series: "ΠΤ", number: "2", counterparty_name: "Ωμέγα Α.Ε.", search_text: "πτ 2 πτ/2 ωμεγα α.ε.  i-1" },
      { ...base, id: "d-2", internal_document_id: "i-2", series: "CN", number: "7", counterparty_name: "Müller GmbH", mark: "400001234567890", search_text: "cn 7 cn/7 muller gmbh  i-2" },
    ]).execute();
    await sql`insert into counterparties (id, name, vat, code, country_code, city, street, postal_code, emails_json, created_at, updated_at, search_text)
      values ('c-1', 'ΦΑΡΔΙΑ Ο.Ε.', '094259216', null, 'GR', 'ΑΘΗΝΑ', 'ΟΔΟΣ 1', '10551', '[]', ${at}, ${at}, 'φαρδια ο.ε. 094259216 ')`.execute(t.db);
    expect((await migrateToLatest(t.db)).map((result) => result.migrationName)).toContain("011-search-index");
  }, 120_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it("finds the documents stored before it by the new folding, and keeps the index current after it", async () => {
    expect((await listTransmissions(t.db, { q: "pt/2", limit: 10 })).items.map((row) => row.id)).toEqual(["d-1"]);
    expect((await listTransmissions(t.db, { q: "00012345", limit: 10 })).items.map((row) => row.id)).toEqual(["d-2"]);
    await t.db.insertInto("documents").values({
      id: "d-3", internal_document_id: "i-3", issuer_vat: "EL094259216", kind: "compose", payload_json: "{}", payload_sha256: "x", status: "queued",
      deadline_at: at, created_at: at, updated_at: at, issued_at: "2025-03-24T10:00:00", series: "ΤΔΑ", number: "15", search_text: "tda 15 tda/15",
    }).execute();
    expect((await listTransmissions(t.db, { q: "TDA/1", limit: 10 })).items.map((row) => row.id)).toEqual(["d-3"]);
  });

  it("folds the address book's search text the same way", async () => {
    const row = await sql<{ search_text: string }>`select search_text from counterparties where id = 'c-1'`.execute(t.db);
    expect(row.rows[0]?.search_text).toBe("fapdia o.e. 094259216 ");
  });
});
