import "server-only";
import { getReadyDb } from "@/lib/db/ready";
import { lastIssuedAtOfSeries } from "@/lib/db/series";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import { normalizeVatNumber } from "@/lib/domain/vat-number";
import type { Locale } from "@/lib/i18n/locale";
import type { IssueRequest } from "@/lib/validation/draft";
import { fieldFailure } from "@/lib/validation/parse";

/** The issue time (Athens, `YYYY-MM-DDTHH:mm:ss`) of the last document of an issuer's series, or null. */
export type LastIssuedAt = (params: { issuerVat: string; series: string; beforeNumber?: string }) => Promise<string | null>;

/**
 * The issue date is the server's: now in Europe/Athens unless the draft chose one, and a chosen
 * one may be neither in the future (myDATA refuses a future issueDate) nor earlier than the last
 * document of its series (the numbering of a series follows its dates; with a chosen number, the
 * last document numbered below it). Both times are Athens
 * wall-clock text of one format, so they compare as text.
 * @throws ValidationFailure naming `draft.issuedAt`.
 */
export async function checkIssueDate(request: IssueRequest, locale: Locale, now: Date, lastIssuedAt?: LastIssuedAt): Promise<void> {
  if (request.issuedAt === undefined) return;
  const nowText = formatAthensDateTime(now);
  if (request.issuedAt > nowText) {
    throw fieldFailure("draft.issuedAt", "issued_at_future", locale, { now: nowText.replace("T", " ") });
  }
  if (lastIssuedAt === undefined) return;
  const { issuer } = request.input;
  const vat = normalizeVatNumber(issuer.address.countryCode, issuer.vat);
  const series = { issuerVat: vat.ok ? vat.vat : issuer.vat.trim(), series: request.series };
  const last = await lastIssuedAt(request.number === undefined ? series : { ...series, beforeNumber: request.number });
  if (last !== null && request.issuedAt < last) {
    throw fieldFailure("draft.issuedAt", "issued_at_before_series", locale, { series: request.series, last: last.replace("T", " ") });
  }
}

/** `LastIssuedAt` of the application's database. */
export const lastIssuedAtOfDb: LastIssuedAt = async (params) => lastIssuedAtOfSeries(await getReadyDb(), params);
