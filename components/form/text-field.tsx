"use client";

import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useFormContext, type FieldValues, type RegisterOptions } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import type { Locale } from "@/lib/i18n/locale";
import { FieldErrorText } from "./field-error";
import { LabelText } from "./label-text";
import { useFieldError } from "./use-field-error";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name"> {
  name: string;
  label: string;
  locale: Locale;
  /** Shown under the control (and read with it). */
  hint?: ReactNode;
  /** Keep the label for screen readers only (grid cells whose column header says it). */
  hideLabel?: boolean;
  /** A shorter visible label that `label` starts with; the rest stays for screen readers (e.g. "(line 3)"). */
  visibleLabel?: string;
  registerOptions?: RegisterOptions<FieldValues, string>;
  /** Something shown right before the control, e.g. a VAT prefix. */
  adornment?: ReactNode;
}

/**
 * A text control bound to the surrounding react-hook-form form, with its label, hint and
 * error (in the user's language) wired for assistive technology.
 */
export function TextField({ name, label, locale, hint, hideLabel, visibleLabel, registerOptions, adornment, className, ...props }: TextFieldProps) {
  const { register, control } = useFormContext();
  const error = useFieldError(control, name);
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col", className)}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "mb-0.5 text-xs font-medium text-slate-700"}>
        <LabelText label={label} visibleLabel={visibleLabel} />
      </label>
      <div className="flex items-center gap-1">
        {adornment}
        <Input id={id} invalid={Boolean(error)} aria-describedby={describedBy} className="w-full min-w-0" {...props} {...register(name, registerOptions)} />
      </div>
      {hint && <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">{hint}</p>}
      <FieldErrorText id={`${id}-error`} error={error} locale={locale} />
    </div>
  );
}
