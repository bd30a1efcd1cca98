import "server-only";
import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type DialectAdapter } from "kysely";

/** How long a writer waits for another process's write lock before failing, in ms. */
const BUSY_TIMEOUT_MS = 5_000;

/** Every transaction takes the write lock at BEGIN, so concurrent writers queue instead of failing mid-way. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/** SQLite runs DDL inside transactions; saying so lets the migrator hold one lock for a whole run. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

type SqliteDialectConfig = ConstructorParameters<typeof SqliteDialect>[0];

class DurableSqliteDialect extends SqliteDialect {
  readonly #driverConfig: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#driverConfig = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#driverConfig);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** `file:./data/x.sqlite` → absolute path; `file::memory:` stays in memory. */
export function sqlitePathFromUrl(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:(\/\/)?/, "");
  return path === ":memory:" ? path : resolve(path);
}

function isBusy(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && String((error as { code: unknown }).code).startsWith("SQLITE_BUSY");
}

/**
 * Switches a file to WAL once (the mode is stored in the file). Switching takes an exclusive
 * lock without going through the busy handler, so when several processes open a new file at
 * the same moment the losers wait and retry here.
 */
function enableWal(database: BetterSqlite3.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      if (database.pragma("journal_mode", { simple: true }) === "wal") return;
      database.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.floor(Math.random() * 20));
    }
  }
}

/**
 * Creates the database file readable and writable by its owner only (0600) before SQLite opens
 * it, and tightens an existing one; SQLite gives its -wal and -shm files the same mode. A new
 * folder is made 0700.
 */
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, "a", 0o600));
  chmodSync(path, 0o600);
}

/**
 * The embedded engine: one connection per process (Kysely serialises its use), WAL journal,
 * `synchronous=FULL` so a committed row survives a power cut, foreign keys enforced.
 */
export function createSqliteDialect(databaseUrl: string): SqliteDialect {
  const path = sqlitePathFromUrl(databaseUrl);
  if (path !== ":memory:") createPrivateFile(path);
  const database = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  enableWal(database);
  database.pragma("synchronous = FULL");
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.pragma("foreign_keys = ON");
  return new DurableSqliteDialect({ database });
}
