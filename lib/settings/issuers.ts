import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/audit";
import { isUniqueViolation } from "@/lib/db/dialect-helpers";
import {
  deleteBranch, deleteIssuerProfile, findIssuerProfile, insertBranch, insertIssuerProfile, listBranches, listIssuerProfiles,
  updateBranch, updateIssuerProfile, type BranchRow, type IssuerProfileRow, type IssuerProfileValues,
} from "@/lib/db/issuer-queries";
import { getReadyDb } from "@/lib/db/ready";
import type { Db } from "@/lib/db/schema";
import { toDbTime } from "@/lib/db/time";
import { branchBodySchema, issuerProfileBodySchema, type IssuerProfileBody } from "@/lib/validation/settings";
import type { ChangeContext } from "./counterparties";
import { AppError } from "@/lib/domain/errors";
import { parseOrFail } from "@/lib/validation/parse";
import type { IssuerProfileView } from "./views";

export function toIssuerProfileView(row: IssuerProfileRow, branches: readonly BranchRow[]): IssuerProfileView {
  return {
    id: row.id,
    vat: row.vat,
    name: row.name,
    address: { countryCode: row.country_code, city: row.city, street: row.street, postalCode: row.postal_code },
    defaultClassification: row.default_income_category ? { category: row.default_income_category, type: row.default_income_type } : null,
    branches: branches
      .filter((branch) => branch.issuer_profile_id === row.id)
      .map((branch) => ({ id: branch.id, branchCode: Number(branch.branch_code), name: branch.name })),
  };
}

/** Every issuer profile with its branches; for the wizard and the settings page. */
export async function loadIssuerProfiles(db?: Db): Promise<IssuerProfileView[]> {
  const handle = db ?? (await getReadyDb());
  const [profiles, branches] = await Promise.all([listIssuerProfiles(handle), listBranches(handle)]);
  return profiles.map((profile) => toIssuerProfileView(profile, branches));
}

function valuesOf(body: IssuerProfileBody): IssuerProfileValues {
  return {
    vat: body.vat,
    name: body.name,
    countryCode: body.address.countryCode,
    city: body.address.city,
    street: body.address.street,
    postalCode: body.address.postalCode,
    defaultIncomeCategory: body.defaultClassification?.category ?? null,
    defaultIncomeType: body.defaultClassification?.type ?? null,
  };
}

async function viewOf(db: Db, id: string): Promise<IssuerProfileView> {
  const row = await findIssuerProfile(db, { id });
  if (!row) throw new AppError("not_found", { subject: "issuer_profile" });
  return toIssuerProfileView(row, await listBranches(db, { issuerProfileId: id }));
}

function uniqueOr(error: unknown, code: "vat_taken" | "branch_taken"): never {
  if (isUniqueViolation(error)) throw new AppError(code);
  throw error;
}

/** Adds an issuer profile (admin); 409 when a profile already has that VAT number. */
export async function createIssuerProfile(body: unknown, ctx: ChangeContext, now = new Date()): Promise<IssuerProfileView> {
  const values = valuesOf(parseOrFail(issuerProfileBodySchema, body, ctx.locale));
  const db = await getReadyDb();
  const id = randomUUID();
  await db
    .transaction()
    .execute(async (trx) => {
      await insertIssuerProfile(trx, { id, values, now: toDbTime(now) });
      await recordAudit(trx, { actor: ctx.user, action: "settings.issuer_profile.create", target: id, detail: { vat: values.vat, name: values.name }, correlationId: ctx.correlationId }, now);
    })
    .catch((error: unknown) => uniqueOr(error, "vat_taken"));
  return viewOf(db, id);
}

/** Replaces a profile's values (admin). */
export async function changeIssuerProfile(id: string, body: unknown, ctx: ChangeContext, now = new Date()): Promise<IssuerProfileView> {
  const values = valuesOf(parseOrFail(issuerProfileBodySchema, body, ctx.locale));
  const db = await getReadyDb();
  const found = await db
    .transaction()
    .execute(async (trx) => {
      if (!(await updateIssuerProfile(trx, { id, values, now: toDbTime(now) }))) return false;
      await recordAudit(trx, { actor: ctx.user, action: "settings.issuer_profile.update", target: id, detail: { vat: values.vat, name: values.name }, correlationId: ctx.correlationId }, now);
      return true;
    })
    .catch((error: unknown) => uniqueOr(error, "vat_taken"));
  if (!found) throw new AppError("not_found", { subject: "issuer_profile" });
  return viewOf(db, id);
}

/** Deletes a profile and its branches (admin); documents already issued keep their copy of the issuer. */
export async function removeIssuerProfile(id: string, ctx: ChangeContext): Promise<void> {
  const db = await getReadyDb();
  const removed = await db.transaction().execute(async (trx) => {
    if (!(await deleteIssuerProfile(trx, { id }))) return false;
    await recordAudit(trx, { actor: ctx.user, action: "settings.issuer_profile.delete", target: id, correlationId: ctx.correlationId });
    return true;
  });
  if (!removed) throw new AppError("not_found", { subject: "issuer_profile" });
}

/** Adds a branch to a profile (admin); 409 when the profile already has that branch code. */
export async function createBranch(profileId: string, body: unknown, ctx: ChangeContext, now = new Date()): Promise<IssuerProfileView> {
  const branch = parseOrFail(branchBodySchema, body, ctx.locale);
  const db = await getReadyDb();
  if (!(await findIssuerProfile(db, { id: profileId }))) throw new AppError("not_found", { subject: "issuer_profile" });
  const id = randomUUID();
  await db
    .transaction()
    .execute(async (trx) => {
      await insertBranch(trx, { id, issuerProfileId: profileId, branchCode: branch.branchCode, name: branch.name, now: toDbTime(now) });
      await recordAudit(trx, { actor: ctx.user, action: "settings.branch.create", target: profileId, detail: branch, correlationId: ctx.correlationId }, now);
    })
    .catch((error: unknown) => uniqueOr(error, "branch_taken"));
  return viewOf(db, profileId);
}

/** Renames or renumbers a branch (admin). */
export async function changeBranch(profileId: string, branchId: string, body: unknown, ctx: ChangeContext): Promise<IssuerProfileView> {
  const branch = parseOrFail(branchBodySchema, body, ctx.locale);
  const db = await getReadyDb();
  const found = await db
    .transaction()
    .execute(async (trx) => {
      if (!(await updateBranch(trx, { id: branchId, issuerProfileId: profileId, ...branch }))) return false;
      await recordAudit(trx, { actor: ctx.user, action: "settings.branch.update", target: profileId, detail: branch, correlationId: ctx.correlationId });
      return true;
    })
    .catch((error: unknown) => uniqueOr(error, "branch_taken"));
  if (!found) throw new AppError("not_found", { subject: "branch" });
  return viewOf(db, profileId);
}

export async function removeBranch(profileId: string, branchId: string, ctx: ChangeContext): Promise<void> {
  const db = await getReadyDb();
  const removed = await db.transaction().execute(async (trx) => {
    if (!(await deleteBranch(trx, { id: branchId, issuerProfileId: profileId }))) return false;
    await recordAudit(trx, { actor: ctx.user, action: "settings.branch.delete", target: profileId, detail: { branchId }, correlationId: ctx.correlationId });
    return true;
  });
  if (!removed) throw new AppError("not_found", { subject: "branch" });
}
