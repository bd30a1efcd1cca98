/**
 * A small HTTP client over node:http with keep-alive sockets: less overhead and jitter than
 * fetch, so latency figures are about the server, not the client.
 */
import http from "node:http";
import { createServer } from "node:net";

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Length of the body as received (before any decoding: this client never decodes). */
  bodyBytes: number;
  /** From writing the request to the last byte of the answer. */
  ms: number;
}

export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  agent?: http.Agent;
  timeoutMs?: number;
  /** Leave a compressed body as received (body is then not meaningful text). */
  raw?: boolean;
}

/** One keep-alive agent per purpose keeps measurements from queueing behind each other's sockets. */
export function keepAliveAgent(maxSockets = 64): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets });
}

const sharedAgent = keepAliveAgent();

/** Sends one request; rejects on network errors and on timeouts, never on HTTP statuses. */
export function httpRequest(url: string, init: HttpRequestInit = {}): Promise<HttpAnswer> {
  const target = new URL(url);
  const payload = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  const headers: Record<string, string> = { ...init.headers };
  if (payload !== undefined) {
    headers["content-type"] ??= "application/json";
    headers["content-length"] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: init.method ?? "GET", headers, agent: init.agent ?? sharedAgent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: init.raw ? "" : body.toString("utf8"), bodyBytes: body.length, ms: performance.now() - started });
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(init.timeoutMs ?? 60_000, () => req.destroy(new Error(`timeout after ${init.timeoutMs ?? 60_000} ms: ${init.method ?? "GET"} ${url}`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/** Parses a JSON answer, naming the call when the body is not JSON. */
export function jsonOf<T>(answer: HttpAnswer, what: string): T {
  try {
    return JSON.parse(answer.body) as T;
  } catch {
    throw new Error(`${what}: answer ${answer.status} is not JSON: ${answer.body.slice(0, 300)}`);
  }
}

/** A TCP port nobody listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `url` until it answers with a status below 500, or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`process behind ${url} exited before answering`);
    try {
      const answer = await httpRequest(url, { timeoutMs: 5_000 });
      if (answer.status < 500) return;
      last = `${answer.status} ${answer.body.slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(150);
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms (${last})`);
}
