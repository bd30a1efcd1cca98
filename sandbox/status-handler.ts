/**
 * GET /MyData/status?internalId=…[&mark=…] — the look-up the product settled on until the
 * provider documents its own: accepted / processing / rejected, or 404 when unknown.
 */
import { replyUnauthorized } from "./answers";
import { credentialAfms } from "./auth";
import { documentUrl } from "./context";
import { hang, noteIds, replyJson, replyRaw, resetConnection, sleep, type Exchange } from "./exchange";
import type { Fault } from "./faults";
import { isRegistered } from "./store";
import type { FieldError } from "./types";

interface StatusBody {
  internalId: string | null;
  status: "accepted" | "processing" | "rejected";
  mark: string | null;
  uid: string | null;
  authenticationCode: string | null;
  url: string | null;
  message: string | null;
  errors: FieldError[];
}

const NONE = { mark: null, uid: null, authenticationCode: null, url: null } as const;

/** Query parameters are matched case-insensitively, like the provider's ASP.NET binding. */
function queryParam(url: URL, name: string): string | null {
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === name.toLowerCase() && value.trim() !== "") return value.trim();
  }
  return null;
}

function lookUp(ex: Exchange, afms: string[], internalId: string | null, mark: string | null): StatusBody | null {
  const { store, settings } = ex.ctx;
  for (const issuerAfm of afms) {
    if (internalId !== null && store.isProcessing({ issuerAfm, uid: null, internalId }, Date.now(), settings.processingWindowMs)) {
      return { internalId, status: "processing", ...NONE, message: "Document is still being processed.", errors: [] };
    }
    const doc = internalId !== null ? store.findByInternalId(issuerAfm, internalId) : mark !== null ? store.findByMark(issuerAfm, mark) : undefined;
    if (doc !== undefined && !isRegistered(doc, Date.now())) {
      return { internalId: doc.internalId, status: "processing", ...NONE, message: "Document is still being processed.", errors: [] };
    }
    if (doc !== undefined && (mark === null || doc.mark === mark)) {
      return {
        internalId: doc.internalId, status: "accepted", mark: doc.mark, uid: doc.uid, authenticationCode: doc.authenticationCode,
        url: documentUrl(ex.ctx, doc), message: "Document transmitted", errors: [],
      };
    }
    const rejection = internalId === null || doc !== undefined ? undefined : store.lastRejection(issuerAfm, internalId);
    if (rejection !== undefined && mark === null) {
      return { internalId, status: "rejected", ...NONE, uid: rejection.uid, message: rejection.message, errors: rejection.errors };
    }
  }
  return null;
}

function answer(ex: Exchange, status: number, body: unknown, outcome: string, fault: Fault | null): void {
  const faultOutcome = `fault:${fault?.mode ?? ""}`;
  switch (fault?.mode) {
    case "status_error500":
    case "error500":
    case "error500_after_store":
      return replyJson(ex, 500, { success: false, message: "An unexpected error occurred." }, faultOutcome);
    case "timeout_408":
      return replyJson(ex, 408, { success: false, message: "The request timed out." }, faultOutcome);
    case "reset_before_store":
    case "reset_after_store":
      return resetConnection(ex, faultOutcome);
    case "accept_then_hang":
      return hang(ex, faultOutcome);
    case "malformed_2xx": {
      const text = JSON.stringify(body);
      return replyRaw(ex, status, "application/json; charset=utf-8", text.slice(0, Math.floor(text.length / 2)), faultOutcome);
    }
    default:
      return replyJson(ex, status, body, outcome);
  }
}

export async function handleStatus(ex: Exchange): Promise<void> {
  const { ctx, req } = ex;
  const fault = ctx.faults.take("status");
  if (fault?.mode === "delay" && !(await sleep(fault.ms, ctx.shutdown))) return;
  const activeFault = fault?.mode === "delay" ? null : fault;
  const afms = credentialAfms(req, ctx.keys, ctx.tokens, Date.now());
  if (afms.length === 0) return replyUnauthorized(ex);
  const internalId = queryParam(ex.url, "internalId");
  const mark = queryParam(ex.url, "mark");
  noteIds(ex, { internalId });
  if (internalId === null && mark === null) {
    const errors: FieldError[] = [{ code: "MissingField", message: "The internalId query parameter is required.", field: "internalId" }];
    return answer(ex, 400, { success: false, message: "Validation failed", errors }, "rejected", activeFault);
  }
  const found = lookUp(ex, afms, internalId, mark);
  if (found === null) return answer(ex, 404, { message: "Document not found" }, "not_found", activeFault);
  noteIds(ex, { uid: found.uid });
  answer(ex, 200, found, found.status, activeFault);
}
