"use client";

import type { EditableDraft } from "@/lib/history/draft-from-payload";
import { ht } from "@/lib/i18n/history-messages";
import type { Locale } from "@/lib/i18n/locale";
import { FixText, type FieldProblems } from "./fix-field";

type Counterparty = EditableDraft["counterparty"];

/** The counterparty of the fix form: name, VAT number (with its country) and address. */
export function FixCounterparty({ value, onChange, problemsAt, locale }: {
  value: Counterparty;
  onChange: (value: Counterparty) => void;
  problemsAt: (path: string) => FieldProblems;
  locale: Locale;
}) {
  const address = (patch: Partial<Counterparty["address"]>) => onChange({ ...value, address: { ...value.address, ...patch } });
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <FixText className="col-span-2 flex flex-col" label={ht("fix.name", locale)} value={value.name} onChange={(name) => onChange({ ...value, name })} problems={problemsAt("counterparty.name")} />
      <FixText label={ht("fix.vat", locale)} value={value.vat} onChange={(vat) => onChange({ ...value, vat })} problems={problemsAt("counterparty.vat")} />
      <FixText label={ht("fix.country", locale)} value={value.address.countryCode} onChange={(countryCode) => address({ countryCode: countryCode.toUpperCase() })} problems={problemsAt("counterparty.address.countryCode")} />
      <FixText label={ht("fix.city", locale)} value={value.address.city} onChange={(city) => address({ city })} problems={problemsAt("counterparty.address.city")} />
      <FixText className="col-span-2 flex flex-col" label={ht("fix.street", locale)} value={value.address.street} onChange={(street) => address({ street })} problems={problemsAt("counterparty.address.street")} />
      <FixText label={ht("fix.postalCode", locale)} value={value.address.postalCode} onChange={(postalCode) => address({ postalCode })} problems={problemsAt("counterparty.address.postalCode")} />
    </div>
  );
}
