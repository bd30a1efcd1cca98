import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/schema";
import { seedHistory } from "@/lib/seed/seed-history";
import { listTransmissions, type TransmissionFilter } from "@/lib/history/queries";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";

/** Enough rows that a planner with fresh statistics prefers an index to reading the table. */
const ROWS = 12_000;

/** Captures the statement of every query run through the handle it wraps. */
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

/** The plan of the statement listTransmissions runs for `params`, as text lines. */
async function planOf(db: Db, engine: string, params: TransmissionFilter & { cursor?: string; limit: number }): Promise<string[]> {
  const capture = new CaptureQueries();
  await listTransmissions(db.withPlugin(capture), params);
  const node = capture.nodes.at(-1);
  if (node === undefined) throw new Error("no query captured");
  const compiled = db.getExecutor().compileQuery(node, { queryId: "plan" } as never);
  const prefix = engine === "postgres" ? "explain " : "explain query plan ";
  const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`${prefix}${compiled.sql}`, [...compiled.parameters]));
  return result.rows.map((row) => String(row["QUERY PLAN"] ?? row.detail));
}

/** Asserts an index range read in order: no full scan of documents, no sort of the filtered rows. */
function expectIndexRead(engine: string, plan: string[], options: { range: boolean }): void {
  const text = plan.join("\n");
  if (engine === "postgres") {
    expect(text, text).toMatch(/Index (Only )?Scan( Backward)? using documents_\w+ on documents/);
    expect(text, text).not.toMatch(/Seq Scan on documents/);
    expect(text, text).not.toMatch(/^\s*(->\s*)?(Incremental )?Sort\b/m);
    if (options.range) expect(text, text).toMatch(/Index Cond:/);
  } else {
    expect(text, text).toMatch(/USING (COVERING )?INDEX documents_\w+/);
    expect(text, text).not.toMatch(/^SCAN documents$/m);
    expect(text, text).not.toMatch(/TEMP B-TREE/);
    if (options.range) expect(text, text).toMatch(/^SEARCH documents USING (COVERING )?INDEX documents_\w+ \(/m);
  }
}

/** The cursor of the page `depth` pages in, walked page by page. */
async function cursorAt(db: Db, params: TransmissionFilter, depth: number): Promise<string> {
  let cursor: string | undefined;
  for (let page = 0; page < depth; page += 1) {
    const result = await listTransmissions(db, { ...params, cursor, limit: 200 });
    if (result.nextCursor === null) break;
    cursor = result.nextCursor;
  }
  if (cursor === undefined) throw new Error("no deep page");
  return cursor;
}

describe.each(testEngines())("history query plans on %s", (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await openTestDb(engine);
    await seedHistory(t.db, { documents: ROWS, providerBaseUrl: "http://127.0.0.1:4010", batchSize: 1000, analyze: true });
  }, 240_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it("reads the first page, newest first, in index order", async () => {
    expectIndexRead(engine, await planOf(t.db, engine, { limit: 50 }), { range: false });
  });

  it("reads a deep page as one index range, forward and back", async () => {
    const deep = await cursorAt(t.db, {}, Math.floor((ROWS / 200) * 0.9));
    expectIndexRead(engine, await planOf(t.db, engine, { cursor: deep, limit: 50 }), { range: true });
    const page = await listTransmissions(t.db, { cursor: deep, limit: 50 });
    expect(page.prevCursor).not.toBeNull();
    expectIndexRead(engine, await planOf(t.db, engine, { cursor: page.prevCursor ?? "", limit: 50 }), { range: true });
  });

  it("uses the status index for a status filter, on the first and a deep page", async () => {
    expectIndexRead(engine, await planOf(t.db, engine, { status: "rejected", limit: 50 }), { range: true });
    expectIndexRead(engine, await planOf(t.db, engine, { status: "unknown", limit: 50 }), { range: true });
    const deep = await cursorAt(t.db, { status: "accepted" }, Math.floor((ROWS / 200) * 0.8));
    expectIndexRead(engine, await planOf(t.db, engine, { status: "accepted", cursor: deep, limit: 50 }), { range: true });
  });

  it("sorts by amount and oldest first through their indexes", async () => {
    expectIndexRead(engine, await planOf(t.db, engine, { sort: "gross_desc", limit: 50 }), { range: false });
    const deepGross = await cursorAt(t.db, { sort: "gross_desc" }, Math.floor((ROWS / 200) * 0.7));
    expectIndexRead(engine, await planOf(t.db, engine, { sort: "gross_desc", cursor: deepGross, limit: 50 }), { range: true });
    const deepOldest = await cursorAt(t.db, { sort: "created_asc" }, Math.floor((ROWS / 200) * 0.7));
    expectIndexRead(engine, await planOf(t.db, engine, { sort: "created_asc", cursor: deepOldest, limit: 50 }), { range: true });
  });

  it("narrows by series, issuer of the document and counterparty VAT through their indexes", async () => {
    // A common value may be read along the date index and filtered: still in order, never sorted.
    expectIndexRead(engine, await planOf(t.db, engine, { series: "CN", limit: 50 }), { range: false });
    expectIndexRead(engine, await planOf(t.db, engine, { createdBy: "eleni.konstantinou@example.gr", limit: 50 }), { range: false });
    expectIndexRead(engine, await planOf(t.db, engine, { counterparty: "DE129274202", limit: 50 }), { range: false });
  });
});
