"use client";

import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { secureT } from "@/lib/i18n/secure-messages";
import { IssuerDetails } from "./issuer-details";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import type { IssuerProfileView, SeriesView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { issuerFromProfile } from "./wizard-model";

interface IssuerStepProps {
  profiles: readonly IssuerProfileView[];
  series: readonly SeriesView[];
}

/** One array for every render (see TotalsPanel). */
const WATCHED = ["issuerProfileId", "series", "issuedAt"] as const;

const toNullable = (value: unknown) => (value === "" || value === null || value === undefined ? null : String(value));

/**
 * Step 1: the issuer and its series, both chosen among what an administrator defined (the
 * server refuses anything else), the branch, the issue date/time, the currency.
 */
export function IssuerStep({ profiles, series }: IssuerStepProps) {
  const locale = useLocale();
  const { setValue, control, getValues } = useFormContext<ComposeValues>();
  const [profileId, seriesCode, issuedAt] = useWatch({ control, name: WATCHED });
  const { errors } = useFormState({ control, name: "issuer" });
  const profile = profiles.find((p) => p.id === profileId);
  const issuerSeries = profile ? series.filter((s) => s.issuerVat === profile.vat) : [];
  const chosenSeries = issuerSeries.find((s) => s.code === seriesCode.trim());

  function chooseProfile(id: string | null) {
    const next = profiles.find((p) => p.id === id);
    if (!next) return;
    setValue("issuer", issuerFromProfile(next), { shouldValidate: true });
    if (!series.some((s) => s.issuerVat === next.vat && s.code === getValues("series"))) {
      setValue("series", series.find((s) => s.issuerVat === next.vat)?.code ?? "", { shouldValidate: true });
    }
  }

  if (profiles.length === 0) return <Notice tone="warning">{secureT("issuer.noneDefined", locale)}</Notice>;
  return (
    <div className="space-y-4">
      <SelectField name="issuerProfileId" label={composeT("issuer.profile", locale)} placeholder={secureT("issuer.choose", locale)}
        options={profiles.map((p) => ({ value: p.id, label: `${p.name} — ${p.vat}` }))}
        registerOptions={{ setValueAs: toNullable, onChange: (event: { target: { value: string } }) => chooseProfile(toNullable(event.target.value)) }} />
      {!profile && errors.issuer && <p role="alert" className="text-xs text-red-700">{secureT("issuer.required", locale)}</p>}
      <IssuerDetails profile={profile} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div>
          {profile && issuerSeries.length === 0 ? (
            <Notice tone="warning">{secureT("series.noneDefined", locale)}</Notice>
          ) : (
            <SelectField name="series" label={composeT("issuer.series", locale)} placeholder={secureT("series.choose", locale)}
              options={issuerSeries.map((s) => ({ value: s.code, label: s.description ? `${s.code} — ${s.description}` : s.code }))}
              hint={chosenSeries ? composeT("issuer.nextNumber", locale, { number: chosenSeries.nextNumber })
                : profile && seriesCode.trim() ? secureT("series.notDefined", locale, { series: seriesCode.trim() }) : undefined} />
          )}
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
