"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { ApiError, requestJson, type RequestOptions } from "@/components/ui/fetch-json";
import type { Locale } from "@/lib/i18n/locale";

/** One settings change: where it goes and with what. */
export interface SettingsRequest {
  url: string;
  method: NonNullable<RequestOptions["method"]>;
  body?: unknown;
}

/**
 * A settings change sent to the API; on success the server-rendered page is refreshed (pages
 * read from the database, the client only mutates). Field errors of a 422 are put next to the
 * form's fields (as codes, worded by the field), anything else is left in `error` for a notice.
 */
export function useSettingsMutation<T extends FieldValues>(locale: Locale, form?: UseFormReturn<T>, onDone?: () => void) {
  const router = useRouter();
  return useMutation({
    mutationFn: (request: SettingsRequest) => requestJson<unknown>(request.url, { method: request.method, body: request.body, locale }),
    onSuccess: () => {
      onDone?.();
      router.refresh();
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || !form) return;
      for (const fieldError of error.fieldErrors) {
        form.setError(fieldError.path as Path<T>, { type: "server", message: fieldError.code });
      }
    },
  });
}
