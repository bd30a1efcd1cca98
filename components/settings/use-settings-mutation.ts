"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { ApiError, requestJson, type RequestOptions } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";

/** One settings change: where it goes and with what. */
export interface SettingsRequest {
  url: string;
  method: NonNullable<RequestOptions["method"]>;
  body?: unknown;
}

/**
 * A settings change sent to the API; on success the server-rendered page is refreshed (pages
 * read from the database, the client only mutates) and every cached query is marked stale: an
 * address-book entry, an issuer or a series can show in the compose wizard's searches and
 * previews, and settings change too rarely to be worth aiming finer. Field errors of a 422 are
 * put next to the form's fields (as codes, worded by the field), anything else is left in
 * `error` for a notice.
 */
export function useSettingsMutation<T extends FieldValues>(form?: UseFormReturn<T>, onDone?: () => void) {
  const locale = useLocale();
  const router = useRouter();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: SettingsRequest) => requestJson<unknown>(request.url, { method: request.method, body: request.body, locale }),
    onSuccess: () => {
      onDone?.();
      router.refresh();
      void client.invalidateQueries();
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || !form) return;
      for (const fieldError of error.fieldErrors) {
        form.setError(fieldError.path as Path<T>, { type: "server", message: fieldError.code });
      }
    },
  });
}
