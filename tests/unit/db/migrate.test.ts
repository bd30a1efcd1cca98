import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/connect";
import { listMigrationNames, migrateToLatest } from "@/lib/db/migrate";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestPostgres } from "@/tests/support/postgres";

const run = promisify(execFile);
const CHILD = join(__dirname, "migrate-child.ts");

function migrateInChild(url: string, startAt: number): Promise<{ stdout: string }> {
  return run(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD, url, String(startAt)], { cwd: join(__dirname, "../../..") });
}

const TABLES = ["attempts", "audit_log", "counterparties", "documents", "drafts", "events", "issuer_branches", "issuer_profiles", "series", "sessions", "users"];

describe.each(testEngines())("migrations on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("creates every table", async () => {
    const tables = (await t.db.introspection.getTables()).map((table) => table.name).sort();
    expect(tables).toEqual(expect.arrayContaining(TABLES));
  });

  it("is idempotent: a second run applies nothing", async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it("keeps one number per issuer and series, one document per draft", async () => {
    const base = {
      kind: "compose" as const, issuer_vat: "EL094259216", series: "A", issued_at: "2025-01-01T10:00:00", payload_json: "{}", payload_sha256: "x",
      status: "queued" as const, deadline_at: "2099-01-01T00:00:00.000Z", created_at: "2025-01-01T08:00:00.000Z", updated_at: "2025-01-01T08:00:00.000Z",
    };
    await t.db.insertInto("documents").values({ ...base, id: "d1", internal_document_id: "i1", number: "1", draft_id: "draft-1" }).execute();
    await expect(t.db.insertInto("documents").values({ ...base, id: "d2", internal_document_id: "i2", number: "1" }).execute()).rejects.toThrow();
    await expect(t.db.insertInto("documents").values({ ...base, id: "d3", internal_document_id: "i3", number: "2", draft_id: "draft-1" }).execute()).rejects.toThrow();
    await expect(t.db.insertInto("documents").values({ ...base, id: "d4", internal_document_id: "i1", number: "3" }).execute()).rejects.toThrow();
    await expect(t.db.insertInto("documents").values({ ...base, id: "d5", internal_document_id: "i5", number: "4", status: "bogus" as "queued" }).execute()).rejects.toThrow();
    await t.db.insertInto("documents").values({ ...base, id: "d6", internal_document_id: "i6", number: "1", series: "B" }).execute();
    await expect(t.db.insertInto("attempts").values({ document_id: "missing", seq: 1, started_at: base.created_at, request_sha256: "x" }).execute()).rejects.toThrow();
  });

  if (engine === "sqlite") {
    it("opens SQLite durable: WAL, synchronous=FULL, foreign keys, busy timeout", async () => {
      const pragma = async (name: string) => (await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(t.db)).rows[0];
      expect(await pragma("journal_mode")).toEqual({ journal_mode: "wal" });
      expect(await pragma("synchronous")).toEqual({ synchronous: 2 });
      expect(await pragma("foreign_keys")).toEqual({ foreign_keys: 1 });
      expect(await pragma("busy_timeout")).toEqual({ timeout: 5000 });
    });
  }
});

describe("migrations started by several processes at once", () => {
  it("SQLite: four processes on one new file → applied once, all succeed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-desk-migrate-"));
    try {
      const url = `file:${join(dir, "nested", "db.sqlite")}`;
      const startAt = Date.now() + 2_500;
      const outputs = await Promise.all([1, 2, 3, 4].map(() => migrateInChild(url, startAt)));
      const applied = outputs.flatMap(({ stdout }) => (JSON.parse(stdout) as { applied: string[] }).applied);
      expect(applied.sort()).toEqual(listMigrationNames());
      const db = openDatabase(url);
      const rows = await db.selectFrom("kysely_migration" as "documents").selectAll().execute();
      await db.destroy();
      expect(rows).toHaveLength(listMigrationNames().length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.runIf(testEngines().includes("postgres"))("PostgreSQL: three handles on one new database → applied once, all succeed", async () => {
    const pg = await startTestPostgres();
    const handles = [1, 2, 3].map(() => openDatabase(pg.url, { maxConnections: 2 }));
    try {
      const results = await Promise.all(handles.map((db) => migrateToLatest(db)));
      expect(results.flat().map((r) => r.migrationName).sort()).toEqual(listMigrationNames());
    } finally {
      await Promise.all(handles.map((db) => db.destroy()));
      await pg.stop();
    }
  }, 60_000);
});
