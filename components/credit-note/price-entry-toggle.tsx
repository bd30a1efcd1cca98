"use client";

import { useFormContext } from "react-hook-form";
import { useLocale } from "@/components/ui/locale-provider";
import { composeT } from "@/lib/i18n/compose-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";

/**
 * Whether unit prices are typed without VAT (net) or with it (gross). The other amount is
 * derived exactly by the domain (7,99 gross at 24% → 6,44 + 1,55).
 */
export function PriceEntryToggle() {
  const locale = useLocale();
  const { register } = useFormContext<ComposeValues>();
  return (
    <fieldset className="flex items-center gap-4 text-sm">
      <legend className="float-left mr-3 font-medium">{composeT("lines.priceEntry", locale)}</legend>
      {(["net", "gross"] as const).map((value) => (
        <label key={value} className="flex items-center gap-1">
          <input type="radio" value={value} {...register("priceEntry")} />
          {composeT(value === "net" ? "lines.net" : "lines.gross", locale)}
        </label>
      ))}
    </fieldset>
  );
}
