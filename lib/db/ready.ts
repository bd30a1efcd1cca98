import "server-only";
import { getDb } from "@/lib/db";
import { migrateToLatest } from "@/lib/db/migrate";
import type { Db } from "@/lib/db/schema";

const holder = globalThis as typeof globalThis & { creditDeskDbReady?: Promise<Db> };

/**
 * The process-wide database, migrated once before first use — also on instances that run
 * without the send worker (which otherwise migrates at start).
 */
export function getReadyDb(): Promise<Db> {
  holder.creditDeskDbReady ??= (async () => {
    const db = getDb();
    await migrateToLatest(db);
    return db;
  })();
  holder.creditDeskDbReady.catch(() => {
    holder.creditDeskDbReady = undefined;
  });
  return holder.creditDeskDbReady;
}
