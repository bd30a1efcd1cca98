import "server-only";
import { Kysely } from "kysely";
import { createPostgresDialect } from "@/lib/db/postgres-dialect";
import type { Database, Db } from "@/lib/db/schema";
import { createSqliteDialect } from "@/lib/db/sqlite-dialect";

/** True for `postgres://…` and `postgresql://…` URLs. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}

/**
 * Opens a handle on `DATABASE_URL`: PostgreSQL for `postgres://…`, the embedded SQLite file for
 * `file:…` (its folder is created). Within one process keep ONE SQLite handle per file: a second
 * connection would wait on the first one's write lock while blocking the event loop it needs.
 */
export function openDatabase(databaseUrl: string, options: { maxConnections?: number } = {}): Db {
  const dialect = isPostgresUrl(databaseUrl) ? createPostgresDialect(databaseUrl, options) : createSqliteDialect(databaseUrl);
  return new Kysely<Database>({ dialect });
}
