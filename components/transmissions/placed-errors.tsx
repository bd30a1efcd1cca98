"use client";

import { useLocale } from "@/components/ui/locale-provider";
import type { PlacedError } from "@/lib/history/error-fields";
import { fieldLabel } from "@/lib/i18n/field-labels";
import { ht } from "@/lib/i18n/history-messages";

/**
 * Provider / myDATA errors shown right by the field they concern: the field in the wizard's
 * words, the code, the message, and the provider's own field name for those reading the JSON.
 */
export function PlacedErrors({ errors, withField = false }: {
  errors: readonly PlacedError[];
  withField?: boolean;
}) {
  const locale = useLocale();
  if (errors.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-red-800">
      {errors.map((error, index) => (
        <li key={`${error.providerField ?? ""}-${error.code ?? ""}-${index}`} className="flex gap-1">
          <span aria-hidden="true">⚠</span>
          <span>
            {withField && error.path !== null && <strong>{fieldLabel(error.path, locale)}: </strong>}
            {error.code !== null && <span className="font-mono">[{error.code}] </span>}
            {error.message}
            {error.providerField !== null && <span className="text-red-600"> ({ht("detail.providerField", locale)} <code>{error.providerField}</code>)</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
