import "server-only";
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import { failureFromSocketError, transportFailure, type TransportFailure } from "@/lib/provider/errors";
import type { ResponseHeaders } from "@/lib/provider/impact/response-fields";

/** One HTTP exchange with the provider. */
export interface TransportRequest {
  method: "GET" | "POST";
  url: URL;
  headers: Record<string, string>;
  body?: Buffer | undefined;
  /** Time allowed to open the connection (TCP, and TLS for https). */
  connectTimeoutMs: number;
  /** Time allowed, once connected, for the whole answer to arrive. */
  responseTimeoutMs: number;
  /** Answers larger than this are dropped unread. */
  maxBodyBytes: number;
  signal?: AbortSignal | undefined;
}

/** A complete HTTP answer, whatever its status. */
export interface TransportResponse {
  ok: true;
  httpStatus: number;
  headers: ResponseHeaders;
  body: Buffer;
}

export type TransportResult = TransportResponse | TransportFailure;

/**
 * Performs one request on node:http(s) and never rejects: every failure becomes a
 * TransportFailure. A fresh connection is used for every call (no keep-alive pool), so a stale
 * pooled socket can never turn a send into an ambiguous reset. Redirects are not followed: a
 * 3xx comes back as an answer like any other.
 */
export function performRequest(request: TransportRequest): Promise<TransportResult> {
  return new Promise((resolve) => {
    const { url, signal } = request;
    const isHttps = url.protocol === "https:";
    let settled = false;
    let connected = false;
    let responseTimer: NodeJS.Timeout | undefined;
    let req: http.ClientRequest | undefined;

    const settle = (result: TransportResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(responseTimer);
      signal?.removeEventListener("abort", onAbort);
      if (!result.ok) req?.destroy();
      resolve(result);
    };
    const onAbort = (): void => settle(transportFailure("unexpected", connected, "Call aborted by the caller"));
    const onConnected = (): void => {
      if (connected) return;
      connected = true;
      clearTimeout(connectTimer);
      responseTimer = setTimeout(() => {
        settle(transportFailure("timeout", true, `No complete answer within ${request.responseTimeoutMs} ms`));
      }, request.responseTimeoutMs);
    };

    const connectTimer = setTimeout(() => {
      settle(transportFailure("connect", false, `No connection within ${request.connectTimeoutMs} ms`));
    }, request.connectTimeoutMs);

    if (url.protocol !== "http:" && !isHttps) {
      settle(transportFailure("unexpected", false, `Unsupported protocol ${url.protocol}`));
      return;
    }
    if (signal?.aborted === true) {
      settle(transportFailure("unexpected", false, "Call aborted before it started"));
      return;
    }
    signal?.addEventListener("abort", onAbort, { once: true });

    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers["Content-Length"] = String(request.body.length);
    try {
      req = (isHttps ? https : http).request(url, { method: request.method, headers, agent: false });
    } catch (error) {
      settle(failureFromSocketError(error, false));
      return;
    }

    req.on("socket", (socket: Socket) => {
      if (isHttps) socket.once("secureConnect", onConnected);
      else if (socket.connecting) socket.once("connect", onConnected);
      else onConnected();
    });
    req.on("error", (error) => settle(failureFromSocketError(error, connected)));
    req.on("response", (res) => readResponse(res, request.maxBodyBytes, settle));
    req.end(request.body);
  });
}

function readResponse(res: http.IncomingMessage, maxBodyBytes: number, settle: (result: TransportResult) => void): void {
  const httpStatus = res.statusCode ?? 0;
  const tooLarge = (): void =>
    settle(transportFailure("malformed", true, `Answer larger than ${maxBodyBytes} bytes; dropped`, httpStatus));
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    tooLarge();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  res.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBodyBytes) tooLarge();
    else chunks.push(chunk);
  });
  res.on("end", () => settle({ ok: true, httpStatus, headers: res.headers, body: Buffer.concat(chunks) }));
  res.on("error", (error) => settle(failureFromSocketError(error, true)));
  res.on("close", () => {
    if (!res.complete) settle(transportFailure("reset", true, "Connection closed before the answer was complete", httpStatus));
  });
}
