import "server-only";
import { getEnv } from "@/lib/env";
import { openDatabase } from "@/lib/db/connect";
import type { Db } from "@/lib/db/schema";

export { openDatabase, isPostgresUrl } from "@/lib/db/connect";
export { migrateToLatest, MigrationError } from "@/lib/db/migrate";
export type { Db, Database, DocumentStatus, DocumentKind, NextAction } from "@/lib/db/schema";

/** Kept on globalThis so that every bundle of the server (routes, instrumentation) shares one handle. */
const holder = globalThis as typeof globalThis & { creditDeskDb?: Db };

/** The process-wide handle on DATABASE_URL; only for route handlers and instrumentation. */
export function getDb(): Db {
  holder.creditDeskDb ??= openDatabase(getEnv().databaseUrl);
  return holder.creditDeskDb;
}
