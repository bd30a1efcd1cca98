/**
 * Runs the provider sandbox for tests: by default as a real child process
 * (`node --import tsx sandbox/server.ts`) on a free port with a throw-away data directory,
 * so tests talk to it over real HTTP exactly as the dashboard does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RequestLogEntry, StoredDocumentSummary } from "@/sandbox/control-types";
import { SANDBOX_DEFAULT_API_KEYS, SANDBOX_DEMO_API_KEY, SANDBOX_DEMO_VAT } from "@/sandbox/defaults";

export type { RequestLogEntry, StoredDocumentSummary };

/** Sandbox settings a test may shorten; each becomes its SANDBOX_* variable (or startSandbox option). */
export interface TestSandboxTimings {
  processingWindowMs?: number;
  /** Wait before the 408 of FAKE_IAPR_DELAYED_TIMEOUT. */
  delayedTimeoutMs?: number;
  /** When that document is registered, from its arrival. */
  delayedRegisterMs?: number;
  /** Lock of a series|number after the save-error 500. */
  resendLockMs?: number;
  /** Rows per page of GET /api/Invoice/GetDocuments. */
  documentsPageSize?: number;
  /** Lifetime of access tokens. */
  accessTokenTtlMs?: number;
}

const TIMING_VARIABLES: Record<keyof TestSandboxTimings, string> = {
  processingWindowMs: "SANDBOX_PROCESSING_WINDOW_MS",
  delayedTimeoutMs: "SANDBOX_DELAYED_TIMEOUT_MS",
  delayedRegisterMs: "SANDBOX_DELAYED_REGISTER_MS",
  resendLockMs: "SANDBOX_RESEND_LOCK_MS",
  documentsPageSize: "SANDBOX_DOCUMENTS_PAGE_SIZE",
  accessTokenTtlMs: "SANDBOX_ACCESS_TOKEN_TTL_MS",
};

export interface TestSandboxOptions extends TestSandboxTimings {
  /** "VAT:key,VAT:key"; the demo pair is used when omitted. */
  apiKeys?: string;
  /** Kept after stop(); a fresh temporary directory (removed on stop) when omitted. */
  dataDir?: string;
  /** false runs the sandbox inside the test process instead of a child process. */
  spawn?: boolean;
  /** The port to listen on; a free one when omitted. */
  port?: number;
  /** Store the invoices "sent by the ERP" (SANDBOX_SEED_ERP=1). */
  seedErp?: boolean;
}

export interface TestSandbox {
  baseUrl: string;
  /** The demo key. */
  apiKey: string;
  /** The demo VAT, EL094259216. */
  vat: string;
  dataDir: string;
  fault(f: { mode: string; times?: number; ms?: number; paths?: string[] }): Promise<void>;
  settings(s: TestSandboxTimings & { duplicateShape?: "409" | "2xx" }): Promise<void>;
  reset(opts?: { store?: boolean }): Promise<void>;
  requests(): Promise<RequestLogEntry[]>;
  documents(): Promise<StoredDocumentSummary[]>;
  /** Kills the sandbox (SIGKILL for a child process) and starts it again on the same port and data dir. */
  restart(): Promise<void>;
  /** Kills the sandbox (SIGKILL for a child process): its port refuses connections until up(). */
  down(): Promise<void>;
  /** Starts a sandbox killed by down() again, on the same port and data dir. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const START_TIMEOUT_MS = 30_000;
const LISTENING = /Sandbox provider listening on (http:\/\/\S+)/;

interface Runner {
  baseUrl: string;
  port: number;
  stop(hard: boolean): Promise<void>;
}

const liveChildren = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of liveChildren) child.kill("SIGKILL");
});

function spawnSandbox(env: Record<string, string>): Promise<Runner> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.SANDBOX_PUBLIC_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/server.ts"], {
    cwd: REPO_ROOT, env: childEnv, stdio: ["ignore", "pipe", "pipe"],
  });
  liveChildren.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => {
    liveChildren.delete(child);
    resolve();
  }));
  let output = "";
  return new Promise<Runner>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`sandbox did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      const match = LISTENING.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      const baseUrl = match[1];
      resolve({
        baseUrl, port: Number(new URL(baseUrl).port),
        stop: async (hard) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(hard ? "SIGKILL" : "SIGTERM");
          await exited;
        },
      });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${String(code)}) before listening:\n${output}`));
    });
  });
}

async function startInProcess(options: TestSandboxTimings & { port: number; dataDir: string; apiKeys: string; seedErp: boolean }): Promise<Runner> {
  // Loaded only here: spawned sandboxes need none of the server code in the test process.
  const { startSandbox } = await import("@/sandbox/app");
  const running = await startSandbox({ host: "127.0.0.1", ...options });
  return { baseUrl: running.url, port: running.port, stop: () => running.close() };
}

async function control(baseUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/__control/${path}`, {
    method, headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sandbox control ${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

export async function startTestSandbox(opts: TestSandboxOptions = {}): Promise<TestSandbox> {
  const ownsDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "credit-desk-sandbox-"));
  const apiKeys = opts.apiKeys ?? SANDBOX_DEFAULT_API_KEYS;
  const useChild = opts.spawn ?? true;
  const timings: TestSandboxTimings = {};
  const timingEnv: Record<string, string> = {};
  for (const [name, variable] of Object.entries(TIMING_VARIABLES) as [keyof TestSandboxTimings, string][]) {
    const value = opts[name];
    if (value === undefined) continue;
    timings[name] = value;
    timingEnv[variable] = String(value);
  }
  const launch = (port: number): Promise<Runner> => useChild
    ? spawnSandbox({ SANDBOX_PORT: String(port), SANDBOX_HOST: "127.0.0.1", SANDBOX_DATA_DIR: dataDir, SANDBOX_API_KEYS: apiKeys, SANDBOX_SEED_ERP: opts.seedErp === true ? "1" : "0", ...timingEnv })
    : startInProcess({ port, dataDir, apiKeys, seedErp: opts.seedErp === true, ...timings });
  let runner = await launch(opts.port ?? 0);
  let isDown = false;
  const baseUrl = runner.baseUrl;
  let stopped = false;
  return {
    baseUrl, apiKey: SANDBOX_DEMO_API_KEY, vat: SANDBOX_DEMO_VAT, dataDir,
    fault: async (f) => {
      await control(baseUrl, "POST", "faults", f);
    },
    settings: async (s) => {
      await control(baseUrl, "POST", "settings", s);
    },
    reset: async (resetOpts = {}) => {
      await control(baseUrl, "POST", "reset", resetOpts);
    },
    requests: async () => (await control(baseUrl, "GET", "requests")) as RequestLogEntry[],
    documents: async () => (await control(baseUrl, "GET", "documents")) as StoredDocumentSummary[],
    restart: async () => {
      await runner.stop(true);
      runner = await launch(runner.port);
    },
    down: async () => {
      isDown = true;
      await runner.stop(true);
    },
    up: async () => {
      runner = await launch(runner.port);
      isDown = false;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (!isDown) await runner.stop(false);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
