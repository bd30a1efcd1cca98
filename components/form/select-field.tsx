"use client";

import { useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { useFormContext, type FieldValues, type RegisterOptions } from "react-hook-form";
import { cn } from "@/components/ui/cn";
import { Select, type SelectOption } from "@/components/ui/select";
import { FieldErrorText } from "./field-error";
import { LabelText } from "./label-text";
import { useReleaseOnUnmount } from "./release-detached-fields";
import { useFieldError } from "./use-field-error";

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> {
  name: string;
  label: string;
  options: readonly SelectOption[];
  placeholder?: string;
  hint?: ReactNode;
  hideLabel?: boolean;
  /** A shorter visible label that `label` starts with; the rest stays for screen readers (e.g. "(line 3)"). */
  visibleLabel?: string;
  /** Numeric codes: "" → null, else Number. */
  numeric?: boolean;
  registerOptions?: RegisterOptions<FieldValues, string>;
}

/** Reads a numeric select's value: "" is "nothing chosen" (null), anything else a code. */
export function numericValue(value: unknown): number | null {
  return value === "" || value === null || value === undefined ? null : Number(value);
}

/** A native select bound to the surrounding react-hook-form form, with label, hint and error. */
export function SelectField({ name, label, options, placeholder, hint, hideLabel, visibleLabel, numeric, registerOptions, className, ...props }: SelectFieldProps) {
  const { register, control } = useFormContext();
  const error = useFieldError(control, name);
  useReleaseOnUnmount(control);
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const options_ = numeric ? { setValueAs: numericValue, ...registerOptions } : registerOptions;
  return (
    <div className={cn("flex flex-col", className)}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "mb-0.5 text-xs font-medium text-slate-700"}>
        <LabelText label={label} visibleLabel={visibleLabel} />
      </label>
      <Select id={id} options={options} placeholder={placeholder} invalid={Boolean(error)} aria-describedby={describedBy}
        className="w-full min-w-0" {...props} {...register(name, options_)} />
      {hint && <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">{hint}</p>}
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}
