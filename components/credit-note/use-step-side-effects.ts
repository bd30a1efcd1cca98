"use client";

import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { computeLenientTotals } from "@/lib/validation/lenient-totals";
import { saveCounterparty } from "./compose-api";
import { amountInputText } from "./money-text";

export interface StepSideEffects {
  saveToBook: boolean;
  setSaveToBook: (value: boolean) => void;
  /** Outcome of the last "save to address book": undefined, "saved" or the server's message. */
  bookResult: string | undefined;
  /** What leaving a valid step does besides moving on. */
  afterLeaving: (index: number) => Promise<void>;
}

/**
 * Actions tied to leaving a step (run from the "next" handler, never from an effect):
 * - counterparty: "save to address book" stores the counterparty;
 * - lines: a single payment row without an amount gets the gross total, the common case.
 */
export function useStepSideEffects(form: UseFormReturn<ComposeValues>, locale: Locale): StepSideEffects {
  const [saveToBook, setSaveToBook] = useState(false);
  const [bookResult, setBookResult] = useState<string | undefined>();

  async function afterLeaving(index: number) {
    if (index === 1 && saveToBook) {
      try {
        await saveCounterparty(form.getValues("counterparty"), locale);
        setBookResult("saved");
        setSaveToBook(false);
      } catch (error) {
        setBookResult(error instanceof Error ? error.message : String(error));
      }
    }
    if (index === 2) {
      const values = form.getValues();
      const [only] = values.payments;
      if (values.payments.length === 1 && only && only.amount.trim() === "") {
        form.setValue("payments.0.amount", amountInputText(computeLenientTotals(values).totals.grossCents, locale));
      }
    }
  }

  return { saveToBook, setSaveToBook, bookResult, afterLeaving };
}
