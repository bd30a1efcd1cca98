/**
 * Throw-away databases of a benchmark or drill run: SQLite files in the run's folder, and
 * PostgreSQL databases inside one throw-away cluster started on first use (trust auth,
 * fsync off, loopback only — see tests/support/postgres.ts).
 */
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "@/lib/db/connect";
import { migrateToLatest } from "@/lib/db/migrate";
import type { Db } from "@/lib/db/schema";
import { startTestPostgres, type TestPostgres } from "@/tests/support/postgres";
import type { Engine } from "./args";

export interface BenchDatabase {
  engine: Engine;
  url: string;
  /** Opens a migrated handle (one per process for SQLite). */
  open(): Promise<Db>;
}

/** Creates databases for one run and removes the PostgreSQL cluster at the end. */
export class DatabaseFactory {
  private cluster: Promise<TestPostgres> | undefined;
  private started: TestPostgres | undefined;
  private count = 0;

  constructor(private readonly workDir: string) {}

  /** A new empty database of `engine`. */
  async create(engine: Engine, name: string): Promise<BenchDatabase> {
    this.count += 1;
    const url = engine === "sqlite" ? `file:${join(this.workDir, `${name}-${this.count}.sqlite`)}` : await this.createPostgres(`${name.replace(/\W/g, "_")}_${this.count}`);
    return {
      engine,
      url,
      open: async () => {
        const db = openDatabase(url, { maxConnections: 4 });
        await migrateToLatest(db);
        return db;
      },
    };
  }

  /** The PostgreSQL server's version line, when a cluster was started. */
  async postgresVersion(): Promise<string | undefined> {
    if (this.cluster === undefined) return undefined;
    const client = new pg.Client({ connectionString: (await this.cluster).url });
    await client.connect();
    try {
      const result = await client.query<{ server_version: string }>("show server_version");
      return result.rows[0]?.server_version;
    } finally {
      await client.end();
    }
  }

  /** Stops the cluster (if one was started) and everything in it. */
  async close(): Promise<void> {
    if (this.cluster !== undefined) await (await this.cluster).stop();
    this.cluster = undefined;
    this.started = undefined;
  }

  /** On an interrupt: stops a started cluster at once (pg_ctl runs synchronously), without waiting for anything. */
  abandon(): void {
    void this.started?.stop();
    this.started = undefined;
  }

  private async createPostgres(name: string): Promise<string> {
    // A private cluster, even when the caller's shell names a shared one for the test suite.
    delete process.env.TEST_DATABASE_URL;
    this.cluster ??= startTestPostgres().then((cluster) => {
      this.started = cluster;
      return cluster;
    });
    const clusterUrl = (await this.cluster).url;
    const admin = new pg.Client({ connectionString: clusterUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(clusterUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }
}

/**
 * SQLite only: no fsync and a 512 MB page cache while a throw-away benchmark database is filled
 * on this connection (PostgreSQL's throw-away cluster runs without fsync anyway).
 */
export async function fastWrites(db: Db, engine: Engine): Promise<void> {
  if (engine !== "sqlite") return;
  await sql`pragma synchronous = off`.execute(db);
  await sql`pragma cache_size = -524288`.execute(db);
}

/** SQLite only: folds the WAL back into the main file so the server starts on a compact database. */
export async function checkpoint(db: Db, engine: Engine): Promise<void> {
  if (engine === "sqlite") await sql`pragma wal_checkpoint(truncate)`.execute(db);
}
