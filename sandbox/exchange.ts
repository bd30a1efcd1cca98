/**
 * One request/response pair and the ways the sandbox can answer it: JSON, raw bytes, a TCP
 * reset, or silence. Every answer also fills in the request's log entry.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxContext } from "./context";
import type { RequestLogEntry } from "./control-types";

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  ctx: SandboxContext;
  url: URL;
  entry: RequestLogEntry;
  /**
   * Runs just before a complete response is written. Journaling there (not on the response's
   * "finish" event) means a client that has the answer can rely on the record existing, even
   * if the process is killed right after.
   */
  beforeComplete?: () => void;
}

/** Bodies above this are refused with 413; real documents are a few kilobytes. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class PayloadTooLargeError extends Error {
  override name = "PayloadTooLargeError";
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new PayloadTooLargeError(`Request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export type JsonParse = { ok: true; value: unknown } | { ok: false };

/** Parses a UTF-8 JSON body (a leading BOM is tolerated, as ASP.NET does). */
export function parseJsonBody(body: Buffer): JsonParse {
  try {
    return { ok: true, value: JSON.parse(body.toString("utf8").replace(/^\uFEFF/, "")) };
  } catch {
    return { ok: false };
  }
}

export function noteIds(ex: Exchange, ids: { internalId?: string | null; uid?: string | null }): void {
  if (ids.internalId) ex.entry.internalId = ids.internalId;
  if (ids.uid) ex.entry.uid = ids.uid;
}

export function replyRaw(ex: Exchange, status: number, contentType: string, body: string | Buffer, outcome: string): void {
  ex.entry.status = status;
  ex.entry.outcome = outcome;
  if (ex.res.destroyed) return;
  ex.beforeComplete?.();
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  ex.res.writeHead(status, { "Content-Type": contentType, "Content-Length": bytes.length });
  ex.res.end(bytes);
}

export function replyJson(ex: Exchange, status: number, body: unknown, outcome: string): void {
  replyRaw(ex, status, "application/json; charset=utf-8", JSON.stringify(body), outcome);
}

/** Drops the connection with a TCP RST, which clients see as ECONNRESET. */
export function resetConnection(ex: Exchange, outcome: string): void {
  ex.entry.status = null;
  ex.entry.outcome = outcome;
  ex.req.socket.resetAndDestroy();
}

/** Never answers; the socket stays open until the client gives up or the sandbox closes. */
export function hang(ex: Exchange, outcome: string): void {
  ex.entry.status = null;
  ex.entry.outcome = outcome;
}

/** Resolves after `ms`, or at once when the sandbox shuts down; true when the full wait elapsed. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
