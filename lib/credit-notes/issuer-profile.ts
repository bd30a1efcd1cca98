import "server-only";
import type { Db } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/locale";
import { fieldFailure } from "@/lib/validation/parse";

/**
 * A draft may name a saved issuer profile (`issuerProfileId`) instead of spelling the issuer
 * out; this fills `issuer` from the profile (branch from `issuer.branchCode` or 0).
 */
export async function resolveIssuerProfile(db: Db, draft: unknown, locale: Locale): Promise<unknown> {
  if (typeof draft !== "object" || draft === null) return draft;
  const { issuerProfileId, issuer } = draft as { issuerProfileId?: unknown; issuer?: unknown };
  const onlyBranch = typeof issuer === "object" && issuer !== null && Object.keys(issuer).every((key) => key === "branchCode");
  if (typeof issuerProfileId !== "string" || issuerProfileId === "" || (issuer !== undefined && issuer !== null && !onlyBranch)) {
    return draft;
  }
  const profile = await db.selectFrom("issuer_profiles").selectAll().where("id", "=", issuerProfileId).executeTakeFirst();
  if (!profile) throw fieldFailure("draft.issuerProfileId", "unknown_issuer_profile", locale);
  const branchCode = (issuer as { branchCode?: unknown } | undefined)?.branchCode ?? 0;
  return {
    ...draft,
    issuer: {
      vat: profile.vat,
      name: profile.name,
      branchCode,
      address: { countryCode: profile.country_code, city: profile.city, street: profile.street, postalCode: profile.postal_code },
    },
  };
}

/**
 * The issuer of a credit of an existing document when the caller names none: the issuer of our
 * own record of that MARK, else the only saved issuer profile.
 */
export async function defaultIssuerVatFor(db: Db, mark: unknown): Promise<string | undefined> {
  if (typeof mark === "string" || typeof mark === "number") {
    const own = await db.selectFrom("documents").select("issuer_vat").where("mark", "=", String(mark).trim()).executeTakeFirst();
    if (own) return own.issuer_vat;
  }
  const profiles = await db.selectFrom("issuer_profiles").select("vat").limit(2).execute();
  return profiles.length === 1 ? profiles[0]?.vat : undefined;
}
