import "server-only";
import { recordAudit } from "@/lib/auth/audit";
import type { AuthUser } from "@/lib/auth/roles";
import { getReadyDb } from "@/lib/db/ready";
import { centsToDecimalString } from "@/lib/domain/money";
import { HttpError, ValidationFailure } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/locale";
import { getProviderClient } from "@/lib/provider";
import {
  ActionNotAllowedError, DocumentNotFoundError, exportTransmissionRows, getTransmission, listTransmissions,
  refreshDocument, retryDocument, type TransmissionSummary,
} from "@/lib/sending";
import { wakeBackgroundSending } from "@/lib/sending/start";
import { filterOf, parseOrFail, transmissionQuerySchema } from "./requests";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(locale: Locale): HttpError {
  return new HttpError(404, "not_found", locale === "en" ? "No such document." : "Δεν υπάρχει τέτοιο παραστατικό.");
}

/** Maps the sending layer's typed refusals to HTTP answers. */
function mapActionError(error: unknown, locale: Locale): never {
  if (error instanceof DocumentNotFoundError) throw notFound(locale);
  if (error instanceof ActionNotAllowedError) {
    throw new HttpError(409, "not_allowed_in_state", locale === "en"
      ? `Not possible while the document is ${error.status}.`
      : `Δεν επιτρέπεται όσο το παραστατικό είναι σε κατάσταση ${error.status}.`);
  }
  throw error;
}

/** One page of the history for a query string (filters, keyset cursor, limit). */
export async function listFromQuery(query: Record<string, string>, locale: Locale) {
  const parsed = parseOrFail(transmissionQuerySchema, query, locale);
  const db = await getReadyDb();
  try {
    return await listTransmissions(db, { ...filterOf(parsed), cursor: parsed.cursor, limit: parsed.limit });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ValidationFailure([{ path: "cursor", code: "invalid_cursor", message: locale === "en" ? "Cursor: not a cursor of this list" : "Cursor: δεν ανήκει σε αυτή τη λίστα" }]);
    }
    throw error;
  }
}

/** A document with its attempts and events; 404 when unknown. */
export async function detailOf(id: string, locale: Locale) {
  if (!UUID.test(id)) throw notFound(locale);
  const detail = await getTransmission(await getReadyDb(), id);
  if (!detail) throw notFound(locale);
  return detail;
}

/** Runs a status look-up at the provider now, or queues a resend of the identical document. */
export async function runAction(action: "refresh" | "retry", id: string, ctx: { user: AuthUser; locale: Locale; correlationId: string }) {
  if (!UUID.test(id)) throw notFound(ctx.locale);
  const db = await getReadyDb();
  const result = await (action === "refresh"
    ? refreshDocument(db, getProviderClient(), id, { actor: ctx.user.email })
    : retryDocument(db, id, ctx.user.email)
  ).catch((error: unknown) => mapActionError(error, ctx.locale));
  await recordAudit(db, { actor: ctx.user, action: `transmission.${action}`, target: id, detail: { status: result.status, changed: result.changed }, correlationId: ctx.correlationId });
  if (action === "retry") wakeBackgroundSending();
  return result;
}

const CSV_COLUMNS: [string, (row: TransmissionSummary) => string | number | null][] = [
  ["status", (r) => r.status],
  ["series", (r) => r.series],
  ["number", (r) => r.number],
  ["issued_at", (r) => r.issuedAt],
  ["counterparty", (r) => r.counterpartyName],
  ["counterparty_vat", (r) => r.counterpartyVat],
  ["net", (r) => (r.netCents === null ? null : centsToDecimalString(r.netCents))],
  ["vat", (r) => (r.vatCents === null ? null : centsToDecimalString(r.vatCents))],
  ["gross", (r) => (r.grossCents === null ? null : centsToDecimalString(r.grossCents))],
  ["mark", (r) => r.mark],
  ["uid", (r) => r.uid],
  ["internal_document_id", (r) => r.internalDocumentId],
  ["issued_by", (r) => r.createdBy],
  ["created_at", (r) => r.createdAt],
];

/** RFC 4180 field; formula-looking text is prefixed so spreadsheets never evaluate it. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The filtered history as CSV (UTF-8 with BOM so Excel opens Greek correctly), streamed page by
 * page with the same filters as the list — exactly the rows the table shows for that filter.
 */
export async function exportCsvFromQuery(query: Record<string, string>, locale: Locale): Promise<ReadableStream<Uint8Array>> {
  const { cursor: _cursor, limit: _limit, ...parsed } = parseOrFail(transmissionQuerySchema, query, locale);
  const rows = exportTransmissionRows(await getReadyDb(), filterOf({ ...parsed, cursor: undefined, limit: 200 }));
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${CSV_COLUMNS.map(([name]) => name).join(",")}\r\n`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${CSV_COLUMNS.map(([, get]) => csvField(get(next.value))).join(",")}\r\n`));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
