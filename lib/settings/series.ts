import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit";
import { isUniqueViolation } from "@/lib/db/dialect-helpers";
import {
  countDocumentsInSeries, deleteSeries, findSeries, insertSeries, lastNumberInSeries, listSeriesRows, updateSeries, type SeriesRow,
} from "@/lib/db/issuer-queries";
import { getReadyDb } from "@/lib/db/ready";
import type { Db } from "@/lib/db/schema";
import { toDbTime } from "@/lib/db/time";
import { greekVatField, seriesBodySchema, seriesPatchSchema } from "@/lib/validation/settings";
import type { ChangeContext } from "./counterparties";
import { AppError } from "@/lib/domain/errors";
import { seriesCodesCollide } from "@/lib/domain/series-code";
import { fieldFailure, parseOrFail } from "@/lib/validation/parse";
import type { SeriesView } from "./views";

export function toSeriesView(row: SeriesRow): SeriesView {
  return { id: row.id, issuerVat: row.issuer_vat, code: row.code, nextNumber: row.next_number, description: row.description };
}

/** True when the body names the key at all (an empty description clears it; a missing one keeps it). */
function hasKey(body: unknown, key: string): boolean {
  return typeof body === "object" && body !== null && Object.hasOwn(body, key);
}

const seriesQuerySchema = z.object({ issuerVat: greekVatField.optional() });

/** Every series (or one issuer's) with its next number. */
export async function loadSeries(params: { issuerVat?: string } = {}, db?: Db): Promise<SeriesView[]> {
  return (await listSeriesRows(db ?? (await getReadyDb()), params)).map(toSeriesView);
}

/** The series of a query string (`?issuerVat=`), for GET /api/series. */
export async function seriesFromQuery(query: Record<string, string>, ctx: Pick<ChangeContext, "locale">): Promise<SeriesView[]> {
  return loadSeries(parseOrFail(seriesQuerySchema, query, ctx.locale));
}

/**
 * Adds a series (admin, audited); 409 when the issuer already has one with that code, 422 on
 * `code` when it reads as one of the issuer's series (lib/domain/series-code.ts: "ΠT" with a
 * Latin T beside "ΠΤ", "pt" beside "PT"): a look-alike would start a second numbering.
 */
export async function createSeries(body: unknown, ctx: ChangeContext, now = new Date()): Promise<SeriesView> {
  const series = parseOrFail(seriesBodySchema, body, ctx.locale);
  const db = await getReadyDb();
  const id = await db
    .transaction()
    .execute(async (trx) => {
      const lookAlike = (await listSeriesRows(trx, { issuerVat: series.issuerVat })).find((row) => row.code !== series.code && seriesCodesCollide(row.code, series.code));
      if (lookAlike) throw fieldFailure("code", "series_lookalike", ctx.locale, { existing: lookAlike.code });
      const newId = await insertSeries(trx, { issuerVat: series.issuerVat, code: series.code, nextNumber: series.nextNumber, description: series.description ?? null, now: toDbTime(now) });
      await recordAudit(trx, { actor: ctx.user, action: "settings.series.create", target: `${series.issuerVat}/${series.code}`, detail: { nextNumber: series.nextNumber }, correlationId: ctx.correlationId }, now);
      return newId;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("series_taken");
      throw error;
    });
  const row = await findSeries(db, { id });
  if (!row) throw new AppError("not_found", { subject: "series" });
  return toSeriesView(row);
}

/** True when `next` is at or below `last` (both whole numbers, `last` a digit string of any length). */
function isAtOrBelow(next: number, last: string): boolean {
  return BigInt(next) <= BigInt(last);
}

/**
 * Sets a series' next number and/or description (admin). The next number never moves back to or
 * below a number a document of the series already holds (422 naming the last one used); an
 * unchanged number passes, so editing the description of a series whose counter an explicitly
 * numbered document overtook still works.
 */
export async function changeSeries(id: number, body: unknown, ctx: ChangeContext, now = new Date()): Promise<SeriesView> {
  const patch = parseOrFail(seriesPatchSchema, body, ctx.locale);
  const db = await getReadyDb();
  const row = await db.transaction().execute(async (trx) => {
    const before = await findSeries(trx, { id });
    if (!before) return undefined;
    if (patch.nextNumber !== undefined && patch.nextNumber !== before.next_number) {
      const last = await lastNumberInSeries(trx, { issuerVat: before.issuer_vat, code: before.code });
      if (last !== null && isAtOrBelow(patch.nextNumber, last)) throw fieldFailure("nextNumber", "next_number_used", ctx.locale, { last: last.replace(/^0+(?=\d)/, "") });
    }
    await updateSeries(trx, { id, nextNumber: patch.nextNumber, description: hasKey(body, "description") ? (patch.description ?? null) : undefined, now: toDbTime(now) });
    await recordAudit(trx, {
      actor: ctx.user, action: "settings.series.update", target: `${before.issuer_vat}/${before.code}`,
      detail: { nextNumber: { from: before.next_number, to: patch.nextNumber ?? before.next_number } }, correlationId: ctx.correlationId,
    }, now);
    return findSeries(trx, { id });
  });
  if (!row) throw new AppError("not_found", { subject: "series" });
  return toSeriesView(row);
}

/** Deletes an unused series (admin); a series that documents carry is kept (409). */
export async function removeSeries(id: number, ctx: ChangeContext): Promise<void> {
  const db = await getReadyDb();
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await findSeries(trx, { id });
    if (!row) return "missing" as const;
    if ((await countDocumentsInSeries(trx, { issuerVat: row.issuer_vat, code: row.code })) > 0) return "used" as const;
    await deleteSeries(trx, { id });
    await recordAudit(trx, { actor: ctx.user, action: "settings.series.delete", target: `${row.issuer_vat}/${row.code}`, correlationId: ctx.correlationId });
    return "deleted" as const;
  });
  if (outcome === "missing") throw new AppError("not_found", { subject: "series" });
  if (outcome === "used") throw new AppError("series_in_use");
}
