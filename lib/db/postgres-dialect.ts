import "server-only";
import { PostgresDialect } from "kysely";
import pg from "pg";

const INT8_OID = 20;

/** PostgreSQL through a pg Pool; 64-bit integers (identity ids, counts) come back as numbers. */
export function createPostgresDialect(databaseUrl: string, options: { maxConnections?: number } = {}): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection that the server ends (restart, failover, admin command) emits
  // "error" on the pool; unheard, that would crash the process. The pool drops the client and
  // the next query opens a fresh one.
  pool.on("error", (error) => {
    console.warn(`[db] idle PostgreSQL connection lost: ${error.message}`);
  });
  return new PostgresDialect({ pool });
}
