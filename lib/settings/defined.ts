import "server-only";
import { listBranches, listIssuerProfiles, listSeriesRows, type IssuerProfileRow } from "@/lib/db/issuer-queries";
import type { Db } from "@/lib/db/schema";
import { matchDefinedSeries } from "@/lib/domain/series-code";
import { normalizeVatNumber } from "@/lib/domain/vat-number";
import type { Locale } from "@/lib/i18n/locale";
import { fieldFailure } from "@/lib/validation/parse";

/**
 * Issuers and series are settings an administrator defines; a clerk (or any API caller) only
 * chooses among them. These checks are what issue, preview, drafts, fix and credit run before
 * anything is built: an issuer or series nobody defined is refused with a field error naming
 * the field, and nothing is ever created on the way.
 */

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);

/** The profile holding a VAT number in any accepted spelling (`094259216`, `EL094259216`). */
function profileByVat(profiles: readonly IssuerProfileRow[], raw: string): IssuerProfileRow | undefined {
  const vat = normalizeVatNumber("GR", raw);
  return vat.ok ? profiles.find((profile) => profile.vat === vat.vat) : undefined;
}

/**
 * Which defined profile a raw draft means: by `issuerProfileId`, else by the issuer's VAT number.
 * Undefined for a VAT number that is not one (the draft schema then names what is wrong with it).
 */
async function profileOfDraft(db: Db, draft: Raw, locale: Locale, prefix: string): Promise<IssuerProfileRow | undefined> {
  const profiles = await listIssuerProfiles(db);
  const { issuerProfileId } = draft;
  if (typeof issuerProfileId === "string" && issuerProfileId.trim() !== "") {
    const profile = profiles.find((p) => p.id === issuerProfileId.trim());
    if (!profile) throw fieldFailure(`${prefix}issuerProfileId`, "unknown_issuer_profile", locale);
    return profile;
  }
  const vat = isObject(draft.issuer) ? draft.issuer.vat : undefined;
  if (typeof vat !== "string" || vat.trim() === "") throw fieldFailure(`${prefix}issuerProfileId`, "issuer_required", locale);
  if (!normalizeVatNumber("GR", vat).ok) return undefined;
  const profile = profileByVat(profiles, vat);
  if (!profile) throw fieldFailure(`${prefix}issuer.vat`, "issuer_not_defined", locale, { vat: vat.trim() });
  return profile;
}

/** The issuer of a profile as a draft spells it, at the given branch. */
function issuerOf(profile: IssuerProfileRow, branchCode: unknown) {
  return {
    vat: profile.vat,
    name: profile.name,
    branchCode: branchCode ?? 0,
    address: { countryCode: profile.country_code, city: profile.city, street: profile.street, postalCode: profile.postal_code },
  };
}

/**
 * A raw draft with its issuer taken from the defined profile it names (by id, else by VAT
 * number): name and address are the profile's whatever the draft said, the branch is kept.
 * @throws ValidationFailure (422) naming `issuerProfileId` or `issuer.vat` when no profile is meant or defined.
 */
export async function withDefinedIssuer(db: Db, draft: unknown, locale: Locale, prefix = "draft."): Promise<unknown> {
  if (!isObject(draft)) return draft;
  const profile = await profileOfDraft(db, draft, locale, prefix);
  if (profile === undefined) return draft;
  const branchCode = isObject(draft.issuer) ? draft.issuer.branchCode : undefined;
  return { ...draft, issuerProfileId: profile.id, issuer: issuerOf(profile, branchCode) };
}

/** The branch must be the head office (0) or one the profile defines. */
export async function checkDefinedBranch(db: Db, issuerVat: string, branchCode: number, locale: Locale, prefix = "draft."): Promise<void> {
  if (branchCode === 0) return;
  const profile = (await listIssuerProfiles(db)).find((p) => p.vat === issuerVat);
  const branches = profile ? await listBranches(db, { issuerProfileId: profile.id }) : [];
  if (!branches.some((branch) => Number(branch.branch_code) === branchCode)) {
    throw fieldFailure(`${prefix}issuer.branchCode`, "branch_not_defined", locale, { branch: branchCode });
  }
}

/**
 * The defined series a request's series code stands for: the exact code, or the one defined
 * code it is a look-alike of (case, accents, Greek/Latin letters; lib/domain/series-code.ts),
 * so "ΠT" typed with a Latin T numbers in "ΠΤ" and never starts a second series.
 * @throws ValidationFailure (422) naming `field` when the issuer has no such series.
 */
export async function definedSeriesCode(db: Db, issuerVat: string, code: string, locale: Locale, field = "draft.series"): Promise<string> {
  const defined = (await listSeriesRows(db, { issuerVat })).map((row) => row.code);
  const match = matchDefinedSeries(code, defined);
  if (match === undefined) throw fieldFailure(field, "series_not_defined", locale, { series: code.trim() });
  return match;
}

/**
 * The same checks on an incomplete draft as autosave stores it: whatever it already names must
 * be defined (an empty issuer or series is still allowed; issuing asks for them).
 */
export async function checkDraftSettings(db: Db, draft: { issuerProfileId: string | null; issuer: { vat: string }; series: string }, locale: Locale): Promise<void> {
  const profiles = await listIssuerProfiles(db);
  let issuerVat: string | undefined;
  if (draft.issuerProfileId !== null && draft.issuerProfileId.trim() !== "") {
    const profile = profiles.find((p) => p.id === draft.issuerProfileId);
    if (!profile) throw fieldFailure("draft.issuerProfileId", "unknown_issuer_profile", locale);
    issuerVat = profile.vat;
  } else if (draft.issuer.vat.trim() !== "") {
    const profile = profileByVat(profiles, draft.issuer.vat);
    if (!profile) throw fieldFailure("draft.issuer.vat", "issuer_not_defined", locale, { vat: draft.issuer.vat.trim() });
    issuerVat = profile.vat;
  }
  if (draft.series.trim() === "") return;
  const rows = await listSeriesRows(db, issuerVat === undefined ? {} : { issuerVat });
  if (matchDefinedSeries(draft.series, [...new Set(rows.map((row) => row.code))]) === undefined) {
    throw fieldFailure("draft.series", "series_not_defined", locale, { series: draft.series.trim() });
  }
}

/**
 * The VAT number (`EL…`) of the defined issuer a request names by VAT number in any spelling.
 * @throws ValidationFailure (422) naming `field` when no profile holds it.
 */
export async function definedIssuerVat(db: Db, raw: string, locale: Locale, field: string): Promise<string> {
  const profile = profileByVat(await listIssuerProfiles(db), raw);
  if (!profile) throw fieldFailure(field, "issuer_not_defined", locale, { vat: raw.trim() });
  return profile.vat;
}
