import "server-only";
import type { Db } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/locale";
import { checkDefinedBranch, definedSeriesCode, withDefinedIssuer } from "@/lib/settings/defined";
import type { IssueRequest } from "@/lib/validation/draft";
import { issueRequestOrFail } from "@/lib/validation/parse-draft";

/**
 * A draft as issuing, preview and fix read it, checked against what the administrator defined:
 * the issuer comes from a defined profile (named by `issuerProfileId` or by the issuer's VAT
 * number; name and address are the profile's), the branch is the head office or one of its
 * branches, and the series is one of that issuer's series (a look-alike spelling is read as the
 * defined code). Returns the draft as it will be stored and the request it parses to.
 * @throws ValidationFailure (422) naming the field when any of them is not defined.
 */
export async function definedIssueRequest(db: Db, rawDraft: unknown, locale: Locale): Promise<{ draft: unknown; request: IssueRequest }> {
  const withIssuer = await withDefinedIssuer(db, rawDraft, locale);
  const parsed = issueRequestOrFail(withIssuer, locale);
  const { issuer } = parsed.input;
  await checkDefinedBranch(db, issuer.vat, issuer.branchCode, locale);
  const series = await definedSeriesCode(db, issuer.vat, parsed.series, locale);
  const draft = typeof withIssuer === "object" && withIssuer !== null ? { ...withIssuer, series } : withIssuer;
  return { draft, request: { ...parsed, series } };
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
