"use client";

import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { composeT } from "@/lib/i18n/compose-messages";
import type { Locale } from "@/lib/i18n/locale";
import { countryOptions } from "@/components/credit-note/country-options";

/** Street, postal code, city (and country unless it is fixed) of a settings form. */
export function AddressFields({ locale, withCountry }: { locale: Locale; withCountry: boolean }) {
  return (
    <>
      {withCountry && <SelectField name="address.countryCode" label={composeT("party.country", locale)} locale={locale} options={countryOptions(locale)} />}
      <TextField name="address.street" label={composeT("settings.street", locale)} locale={locale} />
      <TextField name="address.postalCode" label={composeT("settings.postalCode", locale)} locale={locale} />
      <TextField name="address.city" label={composeT("settings.city", locale)} locale={locale} />
    </>
  );
}
