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
  handleClearRequests, handleFaults, handleIssueErpInvoice, handleListDocuments, handleListRequests, handleReset, handleSettings,
} from "./control-handlers";
import { handleInvoiceCredit } from "./credit-handler";
import { handleDocument, handleQrInfo, type DocumentView } from "./document-handlers";
import { PayloadTooLargeError, replyJson, type Exchange } from "./exchange";
import { handleInvoiceJson } from "./invoice-handler";
import { handleGetDocuments } from "./portal-handler";
import { handleStatus } from "./status-handler";

type Handler = (ex: Exchange) => void | Promise<void>;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  "/invoice/json": { POST: handleInvoiceJson },
  "/invoice/credit": { POST: handleInvoiceCredit },
  "/mydata/status": { GET: handleStatus },
  "/authentication/login": { POST: handleLogin },
  "/authentication/refresh": { POST: handleRefresh },
  "/timologioqr/qrinfo": { GET: handleQrInfo },
  "/health": { GET: (ex) => replyJson(ex, 200, { ok: true }, "health") },
  "/__control/faults": { POST: handleFaults },
  "/__control/settings": { POST: handleSettings },
  "/__control/reset": { POST: handleReset },
  "/__control/requests": { GET: handleListRequests, DELETE: handleClearRequests },
  "/__control/documents": { GET: handleListDocuments },
  "/__control/erp-invoices": { POST: handleIssueErpInvoice },
};

/** The portal's document link, /f/{vat}/{uid}/{token}, and the older /v/{token}. */
const PORTAL_DOCUMENT_PATH = /^\/f\/([A-Za-z]{0,2}\d{8,9})\/([0-9A-Fa-f]{40})\/([A-Za-z0-9_-]+)(?:\/(pdf|aade))?$/i;
const DOCUMENT_PATH = /^\/v\/([A-Za-z0-9_-]+)(?:\/(pdf|aade))?$/i;
const DOCUMENT_LIST_PATH = /^\/api\/invoice\/getdocuments\/([^/]+)\/([^/]+)$/i;

function viewOf(suffix: string | undefined): DocumentView {
  if (suffix === undefined) return "html";
  return suffix.toLowerCase() === "pdf" ? "pdf" : "aade";
}

function findHandler(method: string, pathname: string): Handler | "wrong-method" | undefined {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const portal = PORTAL_DOCUMENT_PATH.exec(trimmed);
  if (portal !== null) {
    if (method !== "GET") return "wrong-method";
    const link = { vat: portal[1] ?? "", uid: portal[2] ?? "", signature: portal[3] ?? "" };
    return (ex) => handleDocument(ex, link, viewOf(portal[4]));
  }
  const document = DOCUMENT_PATH.exec(trimmed);
  if (document !== null) {
    if (method !== "GET") return "wrong-method";
    const link = { signature: document[1] ?? "" };
    return (ex) => handleDocument(ex, link, viewOf(document[2]));
  }
  const list = DOCUMENT_LIST_PATH.exec(trimmed);
  if (list !== null) {
    if (method !== "GET") return "wrong-method";
    return (ex) => handleGetDocuments(ex, decodeURIComponent(list[1] ?? ""), list[2] ?? "");
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
