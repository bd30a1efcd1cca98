"use client";

import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useLocale } from "@/components/ui/locale-provider";
import { composeT } from "@/lib/i18n/compose-messages";
import { countryOptions } from "@/components/credit-note/country-options";

/** Street, postal code, city (and country unless it is fixed) of a settings form. */
export function AddressFields({ withCountry }: { withCountry: boolean }) {
  const locale = useLocale();
  return (
    <>
      {withCountry && <SelectField name="address.countryCode" label={composeT("party.country", locale)} options={countryOptions(locale)} />}
      <TextField name="address.street" label={composeT("settings.street", locale)} />
      <TextField name="address.postalCode" label={composeT("settings.postalCode", locale)} />
      <TextField name="address.city" label={composeT("settings.city", locale)} />
    </>
  );
}
