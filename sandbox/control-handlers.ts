/**
 * /__control/* — the test and demo switchboard. No authentication: it exists for local runs
 * only, and the sandbox binds to 127.0.0.1 by default.
 */
import { centsToNumber } from "./amounts";
import { defaultSettings } from "./context";
import { issueErpInvoice, seedErpInvoices } from "./erp-seed";
import { documentUrl } from "./context";
import { NUMERIC_SETTINGS, type StoredDocumentSummary } from "./control-types";
import { parseJsonBody, readBody, replyJson, type Exchange } from "./exchange";
import { parseFaultRequest } from "./faults";
import { isObject } from "./json-fields";
import type { StoredDocument } from "./types";

async function readJsonObject(ex: Exchange): Promise<Record<string, unknown> | null> {
  const body = await readBody(ex.req);
  if (body.length === 0) return {};
  const parsed = parseJsonBody(body);
  return parsed.ok && isObject(parsed.value) ? parsed.value : null;
}

function badRequest(ex: Exchange, message: string): void {
  replyJson(ex, 400, { ok: false, message }, "control");
}

export async function handleFaults(ex: Exchange): Promise<void> {
  const parsed = parseFaultRequest(await readJsonObject(ex));
  if ("error" in parsed) return badRequest(ex, parsed.error);
  ex.ctx.faults.enqueue(parsed.fault);
  replyJson(ex, 200, { ok: true, pending: ex.ctx.faults.pending() }, "control");
}

export async function handleSettings(ex: Exchange): Promise<void> {
  const body = await readJsonObject(ex);
  if (body === null) return badRequest(ex, "body must be a JSON object");
  const { duplicateShape } = body;
  if (duplicateShape !== undefined && duplicateShape !== "409" && duplicateShape !== "2xx") {
    return badRequest(ex, 'duplicateShape must be "409" or "2xx"');
  }
  const numbers = Object.entries(NUMERIC_SETTINGS) as [keyof typeof NUMERIC_SETTINGS, number][];
  for (const [name, min] of numbers) {
    const value = body[name];
    if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < min)) {
      return badRequest(ex, `${name} must be a whole number ≥ ${min}`);
    }
  }
  const { settings } = ex.ctx;
  if (duplicateShape !== undefined) settings.duplicateShape = duplicateShape;
  for (const [name] of numbers) {
    const value = body[name];
    if (typeof value === "number") settings[name] = value;
  }
  replyJson(ex, 200, { ok: true, settings }, "control");
}

/** Clears faults and settings; with `store: true` also the documents, attempts and the request log. */
export async function handleReset(ex: Exchange): Promise<void> {
  const body = await readJsonObject(ex);
  if (body === null) return badRequest(ex, "body must be a JSON object");
  const { ctx } = ex;
  ctx.faults.clear();
  Object.assign(ctx.settings, defaultSettings(ctx.config));
  if (body.store === true) {
    ctx.store.clear();
    ctx.log.clear();
    if (ctx.config.seedErp) for (const afm of ctx.keys.afms()) seedErpInvoices(ctx.store, `EL${afm}`);
  }
  replyJson(ex, 200, { ok: true }, "control");
}

export function handleListRequests(ex: Exchange): void {
  replyJson(ex, 200, ex.ctx.log.list(), "control");
}

export function handleClearRequests(ex: Exchange): void {
  ex.ctx.log.clear();
  replyJson(ex, 200, { ok: true }, "control");
}

function summarise(doc: StoredDocument): StoredDocumentSummary {
  const { summary } = doc.document;
  return {
    internalId: doc.internalId, uid: doc.uid, mark: doc.mark, series: doc.document.series, number: doc.document.number,
    invoiceType: doc.document.invoiceType,
    totals: { net: centsToNumber(summary.netCents), vat: centsToNumber(summary.vatCents), gross: centsToNumber(summary.grossCents) },
    acceptedAt: doc.acceptedAt,
    pdfEmail: pdfEmailOf(doc.payload),
  };
}

function pdfEmailOf(payload: unknown): { to: string[] } | null {
  const details = typeof payload === "object" && payload !== null ? (payload as { AdditionalDetails?: unknown }).AdditionalDetails : undefined;
  if (typeof details !== "object" || details === null) return null;
  const { SendAsPdf, PdfNotificationEmails } = details as { SendAsPdf?: unknown; PdfNotificationEmails?: unknown };
  if (SendAsPdf !== true || !Array.isArray(PdfNotificationEmails)) return null;
  return { to: PdfNotificationEmails.filter((email): email is string => typeof email === "string") };
}

export function handleListDocuments(ex: Exchange): void {
  replyJson(ex, 200, ex.ctx.store.listDocuments().map(summarise), "control");
}

/** POST /__control/erp-invoices {template, series, number[, issuerVat]} — an invoice "sent by the ERP" now, like a seeded one. */
export async function handleIssueErpInvoice(ex: Exchange): Promise<void> {
  const body = await readJsonObject(ex);
  const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
  const template = text(body?.template);
  const series = text(body?.series);
  const number = text(body?.number);
  if (body === null || template === null || series === null || number === null) return badRequest(ex, "template, series and number are required");
  const issuerVat = text(body.issuerVat) ?? `EL${ex.ctx.keys.afms()[0] ?? ""}`;
  const stored = issueErpInvoice(ex.ctx.store, issuerVat, { template, series, number });
  if (stored === null) return badRequest(ex, "template must be the number of a seeded invoice (1041, 1042, 1043, 310)");
  replyJson(ex, 200, { ...summarise(stored), authenticationCode: stored.authenticationCode, url: documentUrl(ex.ctx, stored) }, "control");
}
