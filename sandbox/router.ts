/**
 * Request dispatch. Paths match case-insensitively (the provider runs on ASP.NET, where
 * /Invoice/json and /invoice/json are the same route); only document signatures keep their case.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleLogin, handleRefresh } from "./auth-handlers";
import { headerText } from "./auth";
import type { SandboxContext } from "./context";
import type { RequestLogEntry } from "./control-types";
import {
  handleClearRequests, handleFaults, handleListDocuments, handleListRequests, handleReset, handleSettings,
} from "./control-handlers";
import { handleInvoiceCredit } from "./credit-handler";
import { handleDocument } from "./document-handlers";
import { PayloadTooLargeError, replyJson, type Exchange } from "./exchange";
import { handleInvoiceJson } from "./invoice-handler";
import { handleStatus } from "./status-handler";

type Handler = (ex: Exchange) => void | Promise<void>;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  "/invoice/json": { POST: handleInvoiceJson },
  "/invoice/credit": { POST: handleInvoiceCredit },
  "/mydata/status": { GET: handleStatus },
  "/authentication/login": { POST: handleLogin },
  "/authentication/refresh": { POST: handleRefresh },
  "/health": { GET: (ex) => replyJson(ex, 200, { ok: true }, "health") },
  "/__control/faults": { POST: handleFaults },
  "/__control/settings": { POST: handleSettings },
  "/__control/reset": { POST: handleReset },
  "/__control/requests": { GET: handleListRequests, DELETE: handleClearRequests },
  "/__control/documents": { GET: handleListDocuments },
};

const DOCUMENT_PATH = /^\/v\/([A-Za-z0-9_-]+)(?:\/(pdf|aade))?$/i;

function findHandler(method: string, pathname: string): Handler | "wrong-method" | undefined {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const document = DOCUMENT_PATH.exec(trimmed);
  if (document !== null) {
    if (method !== "GET") return "wrong-method";
    const signature = document[1] ?? "";
    const view = document[2]?.toLowerCase() === "pdf" ? "pdf" : document[2] === undefined ? "html" : "aade";
    return (ex) => handleDocument(ex, signature, view);
  }
  const route = ROUTES[trimmed.toLowerCase()];
  if (route === undefined) return undefined;
  return route[method] ?? "wrong-method";
}

/** Control calls are kept out of the request log so tests see only provider traffic. */
function openEntry(ctx: SandboxContext, req: IncomingMessage, path: string): RequestLogEntry {
  const fields = {
    method: req.method ?? "GET", path,
    apiKeyPresent: headerText(req, "apikey") !== undefined,
    bearerPresent: /^Bearer\s/i.test(headerText(req, "authorization") ?? ""),
  };
  if (path.toLowerCase().startsWith("/__control/")) return { seq: 0, at: new Date().toISOString(), status: null, outcome: "control", ...fields };
  return ctx.log.open(fields);
}

export async function route(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  const ex: Exchange = { req, res, ctx, url, entry: openEntry(ctx, req, url.pathname) };
  const handler = findHandler(req.method ?? "GET", url.pathname);
  try {
    if (handler === undefined) return replyJson(ex, 404, { message: "Not found" }, "not_found");
    if (handler === "wrong-method") return replyJson(ex, 405, { message: "Method not allowed" }, "method_not_allowed");
    await handler(ex);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return replyJson(ex, 413, { success: false, message: error.message }, "too_large");
    if (ctx.shutdown.aborted) return;
    console.error("Sandbox request failed:", error);
    if (!res.headersSent) replyJson(ex, 500, { success: false, message: "Unexpected sandbox error." }, "error");
    else res.destroy();
  }
}
