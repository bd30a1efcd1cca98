"use client";

import { SelectField } from "@/components/form/select-field";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { composeT } from "@/lib/i18n/compose-messages";
import { fieldLabel } from "@/lib/i18n/field-labels";
import { secureT } from "@/lib/i18n/secure-messages";
import type { IssuerProfileView } from "@/lib/settings/views";

/**
 * The chosen issuer as the wizard shows it, in a new note and in Fix & resend alike: the
 * administrator's profile (name, VAT number, address — never typed by the clerk) and a branch
 * among the profile's own. `vat` names the issuer when its profile is gone (an old document).
 */
export function IssuerDetails({ profile, vat, vatTestId = "issuer-vat" }: { profile: IssuerProfileView | undefined; vat?: string; vatTestId?: string }) {
  const locale = useLocale();
  if (!profile) return vat ? <Notice tone="error">{secureT("issuer.gone", locale, { vat })}</Notice> : null;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <dl className="rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="issuer-summary">
        <dt className="sr-only">{fieldLabel("issuer.name", locale)}</dt>
        <dd className="font-semibold">{profile.name}</dd>
        <dt className="sr-only">{fieldLabel("issuer.vat", locale)}</dt>
        <dd data-testid={vatTestId}>{profile.vat}</dd>
        <dt className="sr-only">{composeT("settings.address", locale)}</dt>
        <dd>{profile.address.street}, {profile.address.postalCode} {profile.address.city}, {profile.address.countryCode}</dd>
      </dl>
      <SelectField name="issuer.branchCode" numeric label={composeT("issuer.branch", locale)}
        options={[{ value: "0", label: composeT("issuer.headOffice", locale) }, ...profile.branches.map((b) => ({ value: String(b.branchCode), label: `${b.branchCode} — ${b.name}` }))]} />
    </div>
  );
}
