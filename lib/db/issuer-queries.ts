import "server-only";
import { sql } from "kysely";
import type { Db, IssuerBranchesTable, IssuerProfilesTable, SeriesTable } from "@/lib/db/schema";

/**
 * Queries of issuer profiles, their branches and the series: small verb-named functions taking
 * the handle and a params object. The default classification columns come from migration 003.
 */

export type IssuerProfileRow = IssuerProfilesTable & { default_income_category: string | null; default_income_type: string | null };
export type BranchRow = IssuerBranchesTable;
export type SeriesRow = Omit<SeriesTable, "id"> & { id: number };

function withDefaults(db: Db) {
  return db.withTables<{ issuer_profiles: IssuerProfileRow }>();
}

export interface IssuerProfileValues {
  vat: string;
  name: string;
  countryCode: string;
  city: string;
  street: string;
  postalCode: string;
  defaultIncomeCategory: string | null;
  defaultIncomeType: string | null;
}

function profileColumns(values: IssuerProfileValues) {
  return {
    vat: values.vat,
    name: values.name,
    country_code: values.countryCode,
    city: values.city,
    street: values.street,
    postal_code: values.postalCode,
    default_income_category: values.defaultIncomeCategory,
    default_income_type: values.defaultIncomeType,
  };
}

export async function listIssuerProfiles(db: Db): Promise<IssuerProfileRow[]> {
  return withDefaults(db).selectFrom("issuer_profiles").selectAll().orderBy("name").orderBy("id").execute();
}

export async function findIssuerProfile(db: Db, params: { id: string }): Promise<IssuerProfileRow | undefined> {
  return withDefaults(db).selectFrom("issuer_profiles").selectAll().where("id", "=", params.id).executeTakeFirst();
}

export async function insertIssuerProfile(db: Db, params: { id: string; values: IssuerProfileValues; now: string }): Promise<void> {
  await withDefaults(db)
    .insertInto("issuer_profiles")
    .values({ id: params.id, ...profileColumns(params.values), created_at: params.now, updated_at: params.now })
    .execute();
}

/** Replaces a profile's values; false when there is no such profile. */
export async function updateIssuerProfile(db: Db, params: { id: string; values: IssuerProfileValues; now: string }): Promise<boolean> {
  const result = await withDefaults(db)
    .updateTable("issuer_profiles")
    .set({ ...profileColumns(params.values), updated_at: params.now })
    .where("id", "=", params.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a profile and its branches; false when there is no such profile. */
export async function deleteIssuerProfile(db: Db, params: { id: string }): Promise<boolean> {
  await db.deleteFrom("issuer_branches").where("issuer_profile_id", "=", params.id).execute();
  const result = await db.deleteFrom("issuer_profiles").where("id", "=", params.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Branches of every profile (or of one), by profile then code. */
export async function listBranches(db: Db, params: { issuerProfileId?: string } = {}): Promise<BranchRow[]> {
  let query = db.selectFrom("issuer_branches").selectAll().orderBy("issuer_profile_id").orderBy("branch_code");
  if (params.issuerProfileId !== undefined) query = query.where("issuer_profile_id", "=", params.issuerProfileId);
  return query.execute();
}

export async function insertBranch(db: Db, params: { id: string; issuerProfileId: string; branchCode: number; name: string; now: string }): Promise<void> {
  await db
    .insertInto("issuer_branches")
    .values({
      id: params.id, issuer_profile_id: params.issuerProfileId, branch_code: params.branchCode, name: params.name,
      country_code: null, city: null, street: null, postal_code: null, created_at: params.now,
    })
    .execute();
}

/** Renames or renumbers a branch of a profile; false when there is no such branch. */
export async function updateBranch(db: Db, params: { id: string; issuerProfileId: string; branchCode: number; name: string }): Promise<boolean> {
  const result = await db
    .updateTable("issuer_branches")
    .set({ branch_code: params.branchCode, name: params.name })
    .where("id", "=", params.id)
    .where("issuer_profile_id", "=", params.issuerProfileId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteBranch(db: Db, params: { id: string; issuerProfileId: string }): Promise<boolean> {
  const result = await db.deleteFrom("issuer_branches").where("id", "=", params.id).where("issuer_profile_id", "=", params.issuerProfileId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every series (or one issuer's), by issuer then code. */
export async function listSeriesRows(db: Db, params: { issuerVat?: string } = {}): Promise<SeriesRow[]> {
  let query = db.selectFrom("series").selectAll().orderBy("issuer_vat").orderBy("code");
  if (params.issuerVat !== undefined) query = query.where("issuer_vat", "=", params.issuerVat);
  return (await query.execute()).map((row) => ({ ...row, id: Number(row.id), next_number: Number(row.next_number) }));
}

export async function findSeries(db: Db, params: { id: number }): Promise<SeriesRow | undefined> {
  const row = await db.selectFrom("series").selectAll().where("id", "=", params.id).executeTakeFirst();
  return row === undefined ? undefined : { ...row, id: Number(row.id), next_number: Number(row.next_number) };
}

export async function insertSeries(
  db: Db,
  params: { issuerVat: string; code: string; nextNumber: number; description: string | null; now: string },
): Promise<number> {
  const row = await db
    .insertInto("series")
    .values({ issuer_vat: params.issuerVat, code: params.code, next_number: params.nextNumber, description: params.description, created_at: params.now, updated_at: params.now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Changes the next number and/or description; false when there is no such series. */
export async function updateSeries(db: Db, params: { id: number; nextNumber?: number; description?: string | null; now: string }): Promise<boolean> {
  const result = await db
    .updateTable("series")
    .set({
      updated_at: params.now,
      ...(params.nextNumber !== undefined ? { next_number: params.nextNumber } : {}),
      ...(params.description !== undefined ? { description: params.description } : {}),
    })
    .where("id", "=", params.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteSeries(db: Db, params: { id: number }): Promise<boolean> {
  const result = await db.deleteFrom("series").where("id", "=", params.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The highest number a document of the series holds (numbers are digit strings, compared as
 * numbers: leading zeros ignored, longer is larger), or null when no document uses the series.
 */
export async function lastNumberInSeries(db: Db, params: { issuerVat: string; code: string }): Promise<string | null> {
  const row = await db
    .selectFrom("documents")
    .select("number")
    .where("issuer_vat", "=", params.issuerVat)
    .where("series", "=", params.code)
    .orderBy(sql`length(ltrim(number, '0'))`, "desc")
    .orderBy(sql`ltrim(number, '0')`, "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.number ?? null;
}

/** How many documents of an issuer carry this series (a used series is not deleted). */
export async function countDocumentsInSeries(db: Db, params: { issuerVat: string; code: string }): Promise<number> {
  const row = await db
    .selectFrom("documents")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("issuer_vat", "=", params.issuerVat)
    .where("series", "=", params.code)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
