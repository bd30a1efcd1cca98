"use client";

import { useEffect, useRef, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useLocale } from "@/components/ui/locale-provider";
import { normalizeVatNumber } from "@/lib/domain/vat-number";
import { clerkT } from "@/lib/i18n/clerk-messages";
import type { CounterpartyView } from "@/lib/settings/views";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { searchCounterparties } from "./compose-api";

const WATCHED = ["counterparty.address.countryCode", "counterparty.vat"] as const;

/**
 * A valid VAT number typed in the counterparty step is looked up in the address book: a known
 * customer fills the step at once when no name was typed yet; over a typed name it is offered
 * with a button instead, so nothing typed is replaced unasked.
 */
export function VatAutofill({ onPick }: { onPick: (entry: CounterpartyView) => void }) {
  const locale = useLocale();
  const { control, getValues } = useFormContext<ComposeValues>();
  const [country, vat] = useWatch({ control, name: WATCHED });
  const [offer, setOffer] = useState<CounterpartyView | null>(null);
  // The latest callback, without looking the VAT number up again when only it changed.
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);
  const checked = normalizeVatNumber(country || "GR", vat);
  const key = checked.ok ? checked.vat : null;
  useEffect(() => {
    setOffer(null);
    if (key === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchCounterparties(key.replace(/^[A-Z]{2}/, ""), locale, controller.signal).then(({ items }) => {
        const entry = items.find((item) => {
          const known = normalizeVatNumber(item.address.countryCode || "GR", item.vat);
          return known.ok && known.vat === key;
        });
        if (entry === undefined) return;
        const current = getValues("counterparty");
        if (current.name === entry.name && current.address.street === entry.address.street) return;
        if (current.name.trim() === "") pick.current(entry);
        else setOffer(entry);
      }).catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, locale, getValues]);
  if (offer === null) return null;
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs" data-testid="vat-autofill">
      {clerkT("party.knownVat", locale, { name: offer.name })}
      <Button size="sm" variant="secondary" onClick={() => { onPick(offer); setOffer(null); }}>{clerkT("party.fillFromBook", locale)}</Button>
    </p>
  );
}
