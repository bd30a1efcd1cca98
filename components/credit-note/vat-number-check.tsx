"use client";

import { useWatch, type Control } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { useLocale } from "@/components/ui/locale-provider";
import { normalizeVatNumber, vatPrefixForCountry } from "@/lib/domain/vat-number";
import { composeT } from "@/lib/i18n/compose-messages";
import { messageOfCode } from "@/lib/i18n/validation-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";

/** The VAT prefix the counterparty's country requires (EL for Greece), shown before the field. */
export function VatPrefix({ control }: { control: Control<ComposeValues> }) {
  const locale = useLocale();
  const country = useWatch({ control, name: "counterparty.address.countryCode" });
  return <Badge tone="brand" className="shrink-0"><span className="sr-only">{composeT("party.vatPrefix", locale)} </span>{vatPrefixForCountry(country || "GR")}</Badge>;
}

/** One array for every render (see TotalsPanel). */
const WATCHED = ["counterparty.address.countryCode", "counterparty.vat"] as const;

/**
 * Checks the counterparty VAT number as it is typed, for its country, with the same function
 * the schema uses: the Greek AFM check digit, EU formats, the right prefix.
 */
export function VatNumberCheck({ control }: { control: Control<ComposeValues> }) {
  const locale = useLocale();
  const [country, vat] = useWatch({ control, name: WATCHED });
  if (vat.trim() === "") return null;
  const result = normalizeVatNumber(country || "GR", vat);
  return (
    <p aria-live="polite" data-testid="vat-check" className={result.ok ? "text-xs text-green-800" : "text-xs text-amber-800"}>
      {result.ok ? `✓ ${composeT("party.vatValid", locale, { vat: result.vat })}` : messageOfCode(result.code, locale)}
    </p>
  );
}
