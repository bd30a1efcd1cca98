import "server-only";
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from "kysely";

/** The two engines behind the one query layer. */
export type Engine = "sqlite" | "postgres";

/**
 * Which engine a handle (or a transaction of it) talks to. Reads the dialect adapter, the same
 * way Kysely's own migrator does.
 */
export function engineOf<T>(db: Kysely<T>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** Column type of integer log ids: SQLite's rowid alias, PostgreSQL's identity. */
export function idColumnType(engine: Engine): "integer" | "bigint" {
  return engine === "postgres" ? "bigint" : "integer";
}

/** Constraints of an auto-numbered primary key on either engine. */
export function idColumn(engine: Engine): (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return engine === "postgres"
    ? (col) => col.primaryKey().generatedByDefaultAsIdentity()
    : (col) => col.primaryKey().autoIncrement();
}

/** True when a statement failed on a UNIQUE or PRIMARY KEY constraint (either engine). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** Case-insensitive LIKE operator: PostgreSQL's ILIKE, SQLite's LIKE (ASCII-insensitive already). */
export function likeOperator(engine: Engine): "ilike" | "like" {
  return engine === "postgres" ? "ilike" : "like";
}

/** Escapes %, _ and \\ so user text matches literally inside a LIKE pattern (ESCAPE '\\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
