import "server-only";
import { connect } from "node:net";
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

type DatabaseCheck = () => Promise<void>;
let databaseCheck: DatabaseCheck | undefined;

/** Lets the database layer register how to test its connection. */
export function registerDatabaseCheck(check: DatabaseCheck): void {
  databaseCheck = check;
}

export async function checkHealth(): Promise<Health> {
  const env = getEnv();
  const engine = env.databaseUrl.startsWith("file:") ? "sqlite" : "postgres";
  let database: Health["database"] = { ok: true, engine };
  try {
    await databaseCheck?.();
  } catch (error) {
    database = { ok: false, engine, message: error instanceof Error ? error.name : "unavailable" };
  }
  const reachable = await canReach(env.provider.baseUrl, 1500);
  return {
    ok: database.ok,
    database,
    provider: { reachable, environment: env.provider.environment, keyConfigured: env.provider.apiKey.length > 0 },
  };
}
