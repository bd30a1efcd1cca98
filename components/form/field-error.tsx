"use client";

import { useLocale } from "@/components/ui/locale-provider";
import { messageOfCode } from "@/lib/i18n/validation-messages";

/** What react-hook-form keeps for a field in error; the message is an error code of the shared schemas. */
export interface CodedError {
  message?: string | undefined;
}

/**
 * The problem of one field in the user's language, right under the field. The schemas carry
 * codes (`afm_check_digit`), never words, so the same error reads in Greek or English.
 */
export function FieldErrorText({ id, error, params }: {
  id: string;
  error: CodedError | undefined;
  params?: Record<string, string | number>;
}) {
  const locale = useLocale();
  if (!error?.message) return null;
  return (
    <p id={id} className="mt-0.5 text-xs text-red-700" data-error-code={error.message}>
      {messageOfCode(error.message, locale, params)}
    </p>
  );
}
