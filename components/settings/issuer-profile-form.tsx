"use client";

import { FormProvider, useForm, useWatch } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import type { IssuerProfileView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import { issuerProfileBodySchema } from "@/lib/validation/settings";
import { classificationCategoryOptions, classificationTypeOptions } from "@/components/credit-note/code-options";
import { AddressFields } from "./address-fields";
import { useSettingsMutation } from "./use-settings-mutation";
import { codedResolver } from "@/components/form/coded-resolver";

interface ProfileFormValues {
  vat: string;
  name: string;
  address: { countryCode: string; city: string; street: string; postalCode: string };
  defaultClassification: { category: string; type: string | null };
}

const resolver = codedResolver<ProfileFormValues>(issuerProfileBodySchema);

function valuesOf(profile: IssuerProfileView | undefined): ProfileFormValues {
  return {
    vat: profile?.vat ?? "",
    name: profile?.name ?? "",
    address: profile ? { ...profile.address } : { countryCode: "GR", city: "", street: "", postalCode: "" },
    defaultClassification: profile?.defaultClassification ?? { category: "", type: null },
  };
}

/** Adds an issuer profile, or edits one: VAT number, name, address and the default income classification. */
export function IssuerProfileForm({ profile, onDone }: { profile?: IssuerProfileView; onDone?: () => void }) {
  const locale = useLocale();
  const form = useForm<ProfileFormValues>({ defaultValues: valuesOf(profile), resolver });
  const save = useSettingsMutation(form, () => { if (!profile) form.reset(valuesOf(undefined)); onDone?.(); });
  const category = useWatch({ control: form.control, name: "defaultClassification.category" });
  const submit = form.handleSubmit((values) =>
    save.mutate(profile ? { url: `/api/issuer-profiles/${profile.id}`, method: "PATCH", body: values } : { url: "/api/issuer-profiles", method: "POST", body: values }));
  const types = classificationTypeOptions(category, locale);
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-label={profile ? `${composeT("settings.edit", locale)} — ${profile.name}` : composeT("settings.newProfile", locale)}
        className="grid grid-cols-4 gap-3">
        <TextField name="vat" label={composeT("settings.vat", locale)} autoComplete="off" />
        <TextField name="name" label={composeT("settings.name", locale)} className="col-span-3" />
        <AddressFields withCountry={false} />
        <div />
        <SelectField name="defaultClassification.category" label={`${composeT("settings.defaultClassification", locale)} — ${composeT("col.category", locale)}`}
          placeholder={composeT("settings.noDefault", locale)} options={classificationCategoryOptions(locale)} className="col-span-2"
          registerOptions={{ onChange: (event: { target: { value: string } }) => form.setValue("defaultClassification.type", classificationTypeOptions(event.target.value, locale)[0]?.value ?? null) }} />
        <SelectField name="defaultClassification.type" label={composeT("col.type", locale)} options={types} className="col-span-2"
          placeholder={types.length === 0 ? "—" : undefined} registerOptions={{ setValueAs: (v: unknown) => (v === "" ? null : v) }} />
        <div className="col-span-4 flex items-center gap-2">
          <Button type="submit" disabled={save.isPending}>{composeT(profile ? "settings.save" : "settings.add", locale)}</Button>
          {onDone && profile && <Button variant="secondary" onClick={onDone}>{composeT("settings.cancel", locale)}</Button>}
          {save.isError && <Notice tone="error">{save.error.message}</Notice>}
        </div>
      </form>
    </FormProvider>
  );
}
