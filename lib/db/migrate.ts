import "server-only";
import { Migrator, type Migration, type MigrationProvider, type MigrationResult, type MigrationResultSet } from "kysely";
import { engineOf, type Engine } from "@/lib/db/dialect-helpers";
import { initialMigration } from "@/lib/db/migrations/001-initial";
import { authMigration } from "@/lib/db/migrations/002-auth";
import { composeMigration } from "@/lib/db/migrations/003-compose";
import { historyIndexesMigration } from "@/lib/db/migrations/004-history-indexes";
import { storedDraftMigration } from "@/lib/db/migrations/005-stored-draft";
import { providerAnswerMigration } from "@/lib/db/migrations/006-provider-answer";
import { appendOnlyMigration } from "@/lib/db/migrations/007-append-only";
import { creditLedgerMigration } from "@/lib/db/migrations/008-credit-ledger";
import { requestOwnerMigration } from "@/lib/db/migrations/010-request-owner";
import { searchIndexMigration } from "@/lib/db/migrations/011-search-index";
import { providerCircuitMigration } from "@/lib/db/migrations/012-provider-circuit";
import type { Db } from "@/lib/db/schema";

/** Every migration in order; names sort lexically, so keep the numeric prefix. */
function allMigrations(engine: Engine): Record<string, Migration> {
  return {
    "001-initial": initialMigration(engine),
    "002-auth": authMigration(engine),
    "003-compose": composeMigration(engine),
    "004-history-indexes": historyIndexesMigration(engine),
    "005-stored-draft": storedDraftMigration(engine),
    "006-provider-answer": providerAnswerMigration(engine),
    "007-append-only": appendOnlyMigration(engine),
    "008-credit-ledger": creditLedgerMigration(engine),
    "010-request-owner": requestOwnerMigration(engine),
    "011-search-index": searchIndexMigration(engine),
    "012-provider-circuit": providerCircuitMigration(engine),
  };
}

/** Names of all migrations, in the order they apply. */
export function listMigrationNames(): string[] {
  return Object.keys(allMigrations("sqlite")).sort();
}

class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return allMigrations(this.engine);
  }
}

/** Thrown when the schema could not be brought up to date; the database is left as it was. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Brings the schema up to date. Idempotent, and safe when several processes start at once: on
 * PostgreSQL the migrator holds an advisory lock, on SQLite the run is one `BEGIN IMMEDIATE`
 * transaction, so the second process waits and then finds nothing left to do.
 */
export async function migrateToLatest(db: Db): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(engineOf(db)) });
  return resultsOf(await migrator.migrateToLatest());
}

/**
 * Brings the schema up (or down) to the named migration and no further: for tests of a
 * migration against a database as an older version left it.
 */
export async function migrateTo(db: Db, name: string): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(engineOf(db)) });
  return resultsOf(await migrator.migrateTo(name));
}

function resultsOf({ error, results }: MigrationResultSet): MigrationResult[] {
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new MigrationError(`migration ${failed ?? "setup"} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results ?? [];
}
