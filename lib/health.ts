import "server-only";
import { connect } from "node:net";
import { sql } from "kysely";
import { getReadyDb } from "@/lib/db/ready";
import { getEnv } from "@/lib/env";

export interface Health {
  ok: boolean;
  database: { ok: boolean; engine: "sqlite" | "postgres"; message?: string };
  provider: { reachable: boolean; environment: string; keyConfigured: boolean };
}

/** Opens (and closes) a TCP connection to the provider's host: reachability without spending a call. */
function canReach(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** A round trip to the database (after migrations), bounded in time. */
async function pingDatabase(timeoutMs: number): Promise<void> {
  const ping = (async () => {
    const db = await getReadyDb();
    await sql`select 1`.execute(db);
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database timeout")), timeoutMs);
  });
  try {
    await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<Health> {
  const env = getEnv();
  const engine = env.databaseUrl.startsWith("file:") ? "sqlite" : "postgres";
  let database: Health["database"] = { ok: true, engine };
  try {
    await pingDatabase(3000);
  } catch (error) {
    database = { ok: false, engine, message: error instanceof Error && error.message === "database timeout" ? "timeout" : "unavailable" };
  }
  const reachable = await canReach(env.provider.baseUrl, 1500);
  return {
    ok: database.ok,
    database,
    provider: { reachable, environment: env.provider.environment, keyConfigured: env.provider.apiKey.length > 0 },
  };
}
