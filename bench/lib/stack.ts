/**
 * One running Credit Desk for a measurement: a fresh sandbox provider (child process), a
 * database, and the production server started on a free port against both, with an admin
 * created from ADMIN_EMAIL / ADMIN_PASSWORD at start.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import type { BenchDatabase } from "./databases";
import { freePort } from "./http";
import { appServer, type ManagedProcess } from "./processes";
import { ApiSession, type Credentials } from "./session";

/** The admin every benchmark server creates at start. */
export const BENCH_ADMIN: Credentials = { email: "bench-admin@credit-desk.example", password: "bench-admin-password-1" };

export interface StackOptions {
  buildDir: string;
  workDir: string;
  database: BenchDatabase;
  /** Run the server's own send worker (off for read-only measurements). */
  worker: boolean;
  /** Sandbox "processing" window; the sandbox default when omitted. */
  processingWindowMs?: number;
  env?: Record<string, string>;
  name: string;
}

export interface Stack {
  sandbox: TestSandbox;
  server: ManagedProcess & { url: string };
  database: BenchDatabase;
  /** Environment the server runs with (workers started beside it reuse it). */
  env: Record<string, string>;
  signIn(credentials?: Credentials): Promise<ApiSession>;
  stop(): Promise<void>;
}

/** Starts sandbox and server; stops whatever started when a later step fails. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const sandbox = await startTestSandbox(options.processingWindowMs === undefined ? {} : { processingWindowMs: options.processingWindowMs });
  try {
    const port = await freePort();
    const env: Record<string, string> = {
      DATABASE_URL: options.database.url,
      IMPACT_BASE_URL: sandbox.baseUrl,
      IMPACT_API_KEY: sandbox.apiKey,
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      CREDIT_DESK_WORKER: options.worker ? "1" : "0",
      ...options.env,
    };
    const server = appServer({ buildDir: options.buildDir, port, env, logFile: join(options.workDir, `${options.name}-server.log`), name: `${options.name}-server` });
    await server.start();
    return {
      sandbox,
      server,
      database: options.database,
      env,
      signIn: (credentials = BENCH_ADMIN) => ApiSession.signIn(server.url, credentials),
      stop: async () => {
        await server.stop();
        await sandbox.stop();
      },
    };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}
