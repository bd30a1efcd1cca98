import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A PostgreSQL database that exists until `stop()`. */
export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

const PG_BIN = "/usr/lib/postgresql/15/bin";

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function asPostgres(args: string[]): void {
  execFileSync("runuser", ["-u", "postgres", "--", ...args], { stdio: "pipe" });
}

/** Creates `t_<random>` inside the cluster at `clusterUrl`; stop() drops it. */
async function createDatabaseIn(clusterUrl: string): Promise<TestPostgres> {
  const name = `t_${Math.random().toString(36).slice(2, 12)}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: clusterUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Starts a throw-away PostgreSQL 15 cluster (trust auth, fsync off) on a free port. */
async function startCluster(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "credit-desk-pg-"));
  execFileSync("chown", ["postgres:postgres", dir]);
  const data = join(dir, "data");
  const port = await freePort();
  const stop = async (): Promise<void> => {
    try {
      asPostgres([`${PG_BIN}/pg_ctl`, "-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped or never started
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPostgres([`${PG_BIN}/initdb`, "-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
    asPostgres([
      `${PG_BIN}/pg_ctl`, "-D", data, "-l", join(dir, "pg.log"), "-w",
      "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "start",
    ]);
    asPostgres([`${PG_BIN}/createdb`, "-h", "127.0.0.1", "-p", String(port), "app"]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/app`, stop };
}

/**
 * A fresh PostgreSQL database for one test file: a new database inside the shared cluster named
 * by TEST_DATABASE_URL when that is set (so many files share one cluster), otherwise a private
 * throw-away cluster.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const shared = process.env.TEST_DATABASE_URL;
  if (shared !== undefined && /^postgres(ql)?:\/\//.test(shared)) return createDatabaseIn(shared);
  return startCluster();
}
