"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useLocale } from "@/components/ui/locale-provider";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import type { IssuerProfileView, SeriesView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import { fieldLabel } from "@/lib/i18n/field-labels";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { issuerFromProfile } from "./wizard-model";

interface IssuerStepProps {
  profiles: readonly IssuerProfileView[];
  series: readonly SeriesView[];
}

/** One array for every render (see TotalsPanel). */
const WATCHED = ["issuerProfileId", "issuer.vat", "series", "issuedAt"] as const;

const toNullable = (value: unknown) => (value === "" || value === null || value === undefined ? null : String(value));

/** Step 1: issuer profile and branch, series with its next number, issue date/time, currency. */
export function IssuerStep({ profiles, series }: IssuerStepProps) {
  const locale = useLocale();
  const { setValue, control, getValues } = useFormContext<ComposeValues>();
  const [profileId, issuerVat, seriesCode, issuedAt] = useWatch({ control, name: WATCHED });
  const profile = profiles.find((p) => p.id === profileId);
  const issuerSeries = series.filter((s) => s.issuerVat === (profile?.vat ?? issuerVat.trim().toUpperCase()));
  const chosenSeries = issuerSeries.find((s) => s.code === seriesCode.trim());

  function chooseProfile(id: string | null) {
    const next = profiles.find((p) => p.id === id);
    if (!next) return;
    setValue("issuer", issuerFromProfile(next), { shouldValidate: true });
    if (!series.some((s) => s.issuerVat === next.vat && s.code === getValues("series"))) {
      setValue("series", series.find((s) => s.issuerVat === next.vat)?.code ?? "");
    }
  }

  return (
    <div className="space-y-4">
      {profiles.length === 0 && <p className="text-sm text-amber-800">{composeT("issuer.noProfiles", locale)}</p>}
      {profiles.length > 0 && (
        <SelectField name="issuerProfileId" label={composeT("issuer.profile", locale)}
          placeholder={composeT("issuer.manual", locale)}
          options={profiles.map((p) => ({ value: p.id, label: `${p.name} — ${p.vat}` }))}
          registerOptions={{ setValueAs: toNullable, onChange: (event: { target: { value: string } }) => chooseProfile(toNullable(event.target.value)) }} />
      )}
      {profile ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <dl className="rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="issuer-summary">
            <dt className="sr-only">{fieldLabel("issuer.name", locale)}</dt>
            <dd className="font-semibold">{profile.name}</dd>
            <dt className="sr-only">{fieldLabel("issuer.vat", locale)}</dt>
            <dd>{profile.vat}</dd>
            <dt className="sr-only">{composeT("settings.address", locale)}</dt>
            <dd>{profile.address.street}, {profile.address.postalCode} {profile.address.city}, {profile.address.countryCode}</dd>
          </dl>
          <SelectField name="issuer.branchCode" numeric label={composeT("issuer.branch", locale)}
            options={[{ value: "0", label: composeT("issuer.headOffice", locale) }, ...profile.branches.map((b) => ({ value: String(b.branchCode), label: `${b.branchCode} — ${b.name}` }))]} />
        </div>
      ) : (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <TextField name="issuer.vat" label={fieldLabel("issuer.vat", locale)} autoComplete="off" />
          <TextField name="issuer.name" label={fieldLabel("issuer.name", locale)} className="sm:col-span-2" />
          <TextField name="issuer.address.street" label={fieldLabel("issuer.address.street", locale)} />
          <TextField name="issuer.address.postalCode" label={fieldLabel("issuer.address.postalCode", locale)} />
          <TextField name="issuer.address.city" label={fieldLabel("issuer.address.city", locale)} />
          <TextField name="issuer.branchCode" label={fieldLabel("issuer.branchCode", locale)} inputMode="numeric"
            registerOptions={{ setValueAs: (v: unknown) => (v === "" ? 0 : Number(v)) }} />
        </div>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div>
          <TextField name="series" label={composeT("issuer.series", locale)} list="series-options" autoComplete="off"
            hint={chosenSeries ? composeT("issuer.nextNumber", locale, { number: chosenSeries.nextNumber }) : seriesCode.trim() ? composeT("issuer.newSeries", locale) : undefined} />
          <datalist id="series-options">
            {issuerSeries.map((s) => <option key={s.id} value={s.code}>{s.description ?? s.code}</option>)}
          </datalist>
        </div>
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={issuedAt === null}
              onChange={(event) => setValue("issuedAt", event.target.checked ? null : formatAthensDateTime(new Date()), { shouldValidate: true })} />
            {composeT("issuer.issuedNow", locale)}
          </label>
          {issuedAt !== null && (
            <TextField name="issuedAt" type="datetime-local" step={1} label={composeT("issuer.issuedAt", locale)}
              registerOptions={{ setValueAs: (v: unknown) => (typeof v === "string" && v !== "" ? (v.length === 16 ? `${v}:00` : v) : null) }} />
          )}
        </div>
      </div>
      <p className="text-xs text-slate-500">{composeT("issuer.currency", locale)}</p>
    </div>
  );
}
