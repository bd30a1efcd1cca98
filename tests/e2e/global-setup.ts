import { appendFileSync, mkdirSync } from "node:fs";
import http from "node:http";
import { join, resolve } from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import { SANDBOX_DEMO_API_KEY } from "../../sandbox/defaults";

export type E2eRole = "admin" | "clerk" | "viewer";

/** One signed-in identity of the suite. */
export interface E2eUser {
  email: string;
  password: string;
  name: string;
}

/**
 * Settings shared by playwright.config.ts, this global setup and the specs. The run id is fixed
 * in the environment on first use, so the runner and every worker agree on one run folder.
 */
export function e2eSettings() {
  process.env.E2E_RUN_ID ??= String(Date.now());
  const port = Number(process.env.E2E_PORT ?? 3100);
  const runDir = resolve(`.test-output/e2e-${process.env.E2E_RUN_ID}`);
  const users: Record<E2eRole, E2eUser> = {
    admin: { email: "admin@credit-desk.example", password: "e2e-admin-password-1", name: "E2E Admin" },
    clerk: { email: "clerk@credit-desk.example", password: "e2e-clerk-password-1", name: "E2E Clerk" },
    viewer: { email: "viewer@credit-desk.example", password: "e2e-viewer-password-1", name: "E2E Viewer" },
  };
  return {
    /** What the browser talks to: the recording front door. */
    port,
    baseURL: `http://127.0.0.1:${port}`,
    /** Where `next start` listens behind it. */
    appPort: port + 1,
    sandboxPort: Number(process.env.E2E_SANDBOX_PORT ?? 4110),
    /** The provider key the server runs with: a canary under `npm test`. */
    apiKey: process.env.E2E_API_KEY ?? SANDBOX_DEMO_API_KEY,
    runDir,
    databasePath: join(runDir, "credit-desk.sqlite"),
    serverLog: join(runDir, "server.log"),
    responseLog: join(runDir, "responses.jsonl"),
    users,
    statePath: (role: E2eRole) => join(runDir, `state-${role}.json`),
  };
}

/** One response that passed the recording front door. */
export interface RecordedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string;
  kind: "html" | "rsc" | "json" | "script" | "style" | "csv" | "other";
  bytes: number;
  /** True when the provider key appeared in the body or headers, raw, URL-encoded or base64. */
  leaksKey: boolean;
}

function kindOf(contentType: string): RecordedResponse["kind"] {
  if (contentType.includes("text/html")) return "html";
  if (contentType.includes("text/x-component")) return "rsc";
  if (contentType.includes("json")) return "json";
  if (contentType.includes("javascript")) return "script";
  if (contentType.includes("text/css")) return "style";
  if (contentType.includes("text/csv")) return "csv";
  return "other";
}

/** The forms in which a leaked key could show up. */
export function keyForms(key: string): string[] {
  return [...new Set([key, encodeURIComponent(key), Buffer.from(key).toString("base64"), Buffer.from(key).toString("base64url")])];
}

/**
 * A reverse proxy in front of `next start` through which every page, RSC, JSON and asset
 * request of the whole suite passes. It asks for uncompressed answers, passes them on
 * untouched, and writes one line per response to `logFile` saying whether the key was in it,
 * so the canary check covers every spec without their cooperation.
 */
function startRecorder(options: { listenPort: number; targetPort: number; logFile: string; key: string }): Promise<http.Server> {
  const forms = keyForms(options.key);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers["accept-encoding"];
    const upstream = http.request(
      { host: "127.0.0.1", port: options.targetPort, method: req.method, path: req.url, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          res.write(chunk);
        });
        answer.on("end", () => {
          res.end();
          const body = Buffer.concat(chunks).toString("utf8");
          const head = JSON.stringify(answer.headers);
          const contentType = String(answer.headers["content-type"] ?? "");
          const entry: RecordedResponse = {
            method: req.method ?? "GET",
            path: (req.url ?? "/").slice(0, 300),
            status: answer.statusCode ?? 0,
            contentType,
            kind: kindOf(contentType),
            bytes: Buffer.byteLength(body),
            leaksKey: forms.some((form) => body.includes(form) || head.includes(form)),
          };
          appendFileSync(options.logFile, `${JSON.stringify(entry)}\n`);
        });
        answer.on("error", () => res.destroy());
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.listenPort, "127.0.0.1", () => resolvePromise(server));
  });
}

/** Signs `user` in through the API and keeps the session for the specs (storageState). */
async function saveSignedInState(baseURL: string, user: E2eUser, path: string): Promise<void> {
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    const response = await context.post("/api/auth/login", { data: { email: user.email, password: user.password } });
    if (response.status() !== 200) throw new Error(`sign-in of ${user.email} answered ${response.status()}: ${await response.text()}`);
    await context.storageState({ path });
  } finally {
    await context.dispose();
  }
}

/**
 * Starts the recording front door, then signs in the admin that ADMIN_EMAIL / ADMIN_PASSWORD
 * created at start, adds a clerk and a viewer, and stores a signed-in state for each role.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const settings = e2eSettings();
  mkdirSync(settings.runDir, { recursive: true });
  const recorder = await startRecorder({
    listenPort: settings.port, targetPort: settings.appPort, logFile: settings.responseLog, key: settings.apiKey,
  });
  await saveSignedInState(settings.baseURL, settings.users.admin, settings.statePath("admin"));
  const admin = await playwrightRequest.newContext({ baseURL: settings.baseURL, storageState: settings.statePath("admin") });
  try {
    for (const role of ["clerk", "viewer"] as const) {
      const user = settings.users[role];
      const response = await admin.post("/api/users", { data: { ...user, role } });
      if (response.status() !== 201 && response.status() !== 409) {
        throw new Error(`adding the ${role} answered ${response.status()}: ${await response.text()}`);
      }
      await saveSignedInState(settings.baseURL, user, settings.statePath(role));
    }
  } finally {
    await admin.dispose();
  }
  return async () => {
    await new Promise<void>((done) => {
      recorder.close(() => done());
      recorder.closeAllConnections();
    });
  };
}
