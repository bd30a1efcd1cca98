import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/lib/db/connect";
import { migrateToLatest } from "@/lib/db/migrate";
import type { Db } from "@/lib/db/schema";
import { startTestPostgres } from "@/tests/support/postgres";

export type TestEngine = "sqlite" | "postgres";

/** A migrated database for one test file, its URL (for child processes) and its cleanup. */
export interface TestDb {
  db: Db;
  engine: TestEngine;
  url: string;
  cleanup(): Promise<void>;
}

/**
 * Engines the integration tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL names a
 * cluster (the full suite starts one; start one yourself with the toolchain recipe locally).
 */
export function testEngines(): TestEngine[] {
  const shared = process.env.TEST_DATABASE_URL;
  return shared !== undefined && /^postgres(ql)?:\/\//.test(shared) ? ["sqlite", "postgres"] : ["sqlite"];
}

/** Opens and migrates a throw-away database: a temp SQLite file or a fresh PostgreSQL database. */
export async function openTestDb(engine: TestEngine): Promise<TestDb> {
  const t = await openEmptyTestDb(engine);
  await migrateToLatest(t.db);
  return t;
}

/** A throw-away database with no schema yet, for tests that migrate it step by step. */
export async function openEmptyTestDb(engine: TestEngine): Promise<TestDb> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "credit-desk-db-"));
    const url = `file:${join(dir, "test.sqlite")}`;
    const db = openDatabase(url);
    return {
      db,
      engine,
      url,
      async cleanup() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const postgres = await startTestPostgres();
  const db = openDatabase(postgres.url, { maxConnections: 25 });
  return {
    db,
    engine,
    url: postgres.url,
    async cleanup() {
      await db.destroy();
      await postgres.stop();
    },
  };
}
