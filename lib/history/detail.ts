import "server-only";
import QRCode from "qrcode";
import type { Db } from "@/lib/db/schema";
import { isUuid } from "@/lib/domain/ids";
import { getTransmission } from "@/lib/history/transmission-views";
import { placeErrors } from "./error-fields";
import { legalActions } from "./legal-actions";
import { readStoredDraft } from "@/lib/validation/stored-draft";
import { readSentDocument, redactedPretty } from "./sent-document";
import type { DetailView } from "./views";

function pretty(body: string | null): string | null {
  if (body === null) return null;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The QR code of a link as SVG; null when there is none or it cannot be encoded. */
export async function qrSvgOf(url: string | null): Promise<string | null> {
  if (url === null || url === "") return null;
  try {
    return await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  } catch {
    return null;
  }
}

/**
 * A document as the detail page shows it: identity and answers, the document as sent (read from
 * its stored draft, amounts recomputed; and its exact JSON, redacted), every attempt, the
 * timeline, the last failure's errors placed on the wizard's fields, the actions legal now for
 * this viewer, and the QR code of AADE's link (`qrUrl`): none when the provider gave none,
 * never one built from the portal URL.
 * Null for an id that is not a document.
 */
/** PdfNotificationEmails of a payload that asked the provider to e-mail its PDF (SendAsPdf); empty otherwise. */
function pdfRecipientsOf(payloadJson: string): string[] {
  try {
    const details = (JSON.parse(payloadJson) as { AdditionalDetails?: { SendAsPdf?: unknown; PdfNotificationEmails?: unknown } }).AdditionalDetails;
    if (details?.SendAsPdf !== true || !Array.isArray(details.PdfNotificationEmails)) return [];
    return details.PdfNotificationEmails.filter((email): email is string => typeof email === "string");
  } catch {
    return [];
  }
}

export async function loadDetail(db: Db, id: string, opts: { canAct: boolean; now?: Date }): Promise<DetailView | null> {
  if (!isUuid(id)) return null;
  const detail = await getTransmission(db, id);
  if (detail === null) return null;
  const stored = await db.selectFrom("documents").select(["lease_until", "draft_json", "draft_version", "closed_at", "closed_by", "close_reason"]).where("id", "=", id).executeTakeFirst();
  const now = (opts.now ?? new Date()).toISOString();
  const { payloadJson, attempts, events, lastError, ...summary } = detail;
  const hasUrl = detail.url !== null && detail.url !== "";
  return {
    summary,
    lastError: lastError === null ? null : { kind: lastError.kind, httpStatus: lastError.httpStatus, message: lastError.message },
    errors: lastError === null ? [] : placeErrors(lastError.errors),
    sent: readSentDocument(detail.kind, { payloadJson, draft: readStoredDraft(stored?.draft_json ?? null, stored?.draft_version ?? null) }),
    payloadPretty: redactedPretty(payloadJson),
    attempts: attempts.map(({ responseBody, requestSha256: _sha, ...attempt }) => ({ ...attempt, responsePretty: pretty(responseBody) })),
    events,
    actions: legalActions({
      status: detail.status,
      kind: detail.kind,
      mark: detail.mark,
      authenticationCode: detail.authenticationCode,
      leaseLive: stored?.lease_until !== null && stored?.lease_until !== undefined && stored.lease_until > now,
      canAct: opts.canAct,
      closed: stored?.closed_at !== null && stored?.closed_at !== undefined,
    }),
    closed: stored?.closed_at === null || stored?.closed_at === undefined ? null : { at: stored.closed_at, by: stored.closed_by ?? "", reason: stored.close_reason ?? "" },
    qrSvg: await qrSvgOf(detail.qrUrl),
    qrUrl: detail.qrUrl,
    pdfHref: hasUrl ? `/api/transmissions/${id}/pdf` : null,
    pdfEmailedTo: pdfRecipientsOf(payloadJson),
    xmlHref: hasUrl ? `/api/transmissions/${id}/aade` : null,
  };
}
