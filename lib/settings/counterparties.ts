import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit";
import type { AuthUser } from "@/lib/auth/roles";
import {
  deleteCounterparty, findCounterparty, findCounterpartyByVat, insertCounterparty, searchCounterparties, updateCounterparty,
  type CounterpartyRow, type CounterpartyValues,
} from "@/lib/db/counterparty-queries";
import { getReadyDb } from "@/lib/db/ready";
import { toDbTime } from "@/lib/db/time";
import type { Locale } from "@/lib/i18n/locale";
import { foldForSearch } from "@/lib/domain/search-text";
import { counterpartySchema } from "@/lib/validation/draft";
import { AppError } from "@/lib/domain/errors";
import { parseOrFail } from "@/lib/validation/parse";
import type { CounterpartyView } from "./views";

/** Who made a change and under which request, for the audit log. */
export interface ChangeContext {
  user: AuthUser;
  locale: Locale;
  correlationId: string;
}

export const counterpartyQuerySchema = z.object({
  q: z.string().max(200, "too_long").default(""),
  limit: z.coerce.number("invalid_type").int("invalid_type").min(1, "too_short").max(100, "too_long").default(20),
  offset: z.coerce.number("invalid_type").int("invalid_type").min(0, "too_short").max(1_000_000, "too_long").default(0),
});

function emailsOf(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((email): email is string => typeof email === "string") : [];
  } catch {
    return [];
  }
}

export function toCounterpartyView(row: CounterpartyRow): CounterpartyView {
  return {
    id: row.id,
    name: row.name,
    vat: row.vat,
    code: row.code,
    address: { countryCode: row.country_code, city: row.city, street: row.street, postalCode: row.postal_code },
    emails: emailsOf(row.emails_json),
  };
}

function valuesOf(entry: z.output<typeof counterpartySchema>): CounterpartyValues {
  return {
    name: entry.name,
    vat: entry.vat,
    code: entry.code ?? null,
    countryCode: entry.address.countryCode,
    city: entry.address.city,
    street: entry.address.street,
    postalCode: entry.address.postalCode,
    emailsJson: JSON.stringify(entry.emails),
    searchText: foldForSearch([entry.name, entry.vat, entry.code ?? ""].join(" ")),
  };
}

/** Address-book entries matching a query (name, VAT number or code; accents and case ignored). */
export async function searchAddressBook(query: Record<string, string>, locale: Locale): Promise<CounterpartyView[]> {
  const { q, limit, offset } = parseOrFail(counterpartyQuerySchema, query, locale);
  const rows = await searchCounterparties(await getReadyDb(), { foldedQuery: foldForSearch(q.trim()), limit, offset });
  return rows.map(toCounterpartyView);
}

export async function getCounterparty(id: string): Promise<CounterpartyView> {
  const row = await findCounterparty(await getReadyDb(), { id });
  if (!row) throw new AppError("not_found", { subject: "counterparty" });
  return toCounterpartyView(row);
}

/**
 * Saves an entry to the address book; an entry with the same VAT number is updated rather than
 * duplicated ("save to address book" on a counterparty that is already there refreshes it).
 */
export async function saveCounterparty(body: unknown, ctx: ChangeContext, now = new Date()): Promise<{ created: boolean; counterparty: CounterpartyView }> {
  const entry = parseOrFail(counterpartySchema, body, ctx.locale);
  const values = valuesOf(entry);
  const db = await getReadyDb();
  const result = await db.transaction().execute(async (trx) => {
    const existing = await findCounterpartyByVat(trx, { vat: values.vat });
    const id = existing?.id ?? randomUUID();
    if (existing) await updateCounterparty(trx, { id, values, now: toDbTime(now) });
    else await insertCounterparty(trx, { id, values, now: toDbTime(now) });
    await recordAudit(trx, { actor: ctx.user, action: existing ? "counterparty.update" : "counterparty.create", target: id, detail: { vat: values.vat, name: values.name }, correlationId: ctx.correlationId }, now);
    return { created: !existing, row: await findCounterparty(trx, { id }) };
  });
  if (!result.row) throw new AppError("not_found", { subject: "counterparty" });
  return { created: result.created, counterparty: toCounterpartyView(result.row) };
}

/** Replaces one entry's values; 404 when there is no such entry. */
export async function changeCounterparty(id: string, body: unknown, ctx: ChangeContext, now = new Date()): Promise<CounterpartyView> {
  const values = valuesOf(parseOrFail(counterpartySchema, body, ctx.locale));
  const db = await getReadyDb();
  const row = await db.transaction().execute(async (trx) => {
    if (!(await updateCounterparty(trx, { id, values, now: toDbTime(now) }))) return undefined;
    await recordAudit(trx, { actor: ctx.user, action: "counterparty.update", target: id, detail: { vat: values.vat, name: values.name }, correlationId: ctx.correlationId }, now);
    return findCounterparty(trx, { id });
  });
  if (!row) throw new AppError("not_found", { subject: "counterparty" });
  return toCounterpartyView(row);
}

export async function removeCounterparty(id: string, ctx: ChangeContext): Promise<void> {
  const db = await getReadyDb();
  const removed = await db.transaction().execute(async (trx) => {
    if (!(await deleteCounterparty(trx, { id }))) return false;
    await recordAudit(trx, { actor: ctx.user, action: "counterparty.delete", target: id, correlationId: ctx.correlationId });
    return true;
  });
  if (!removed) throw new AppError("not_found", { subject: "counterparty" });
}
