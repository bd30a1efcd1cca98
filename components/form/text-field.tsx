"use client";

import { useId, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { useFormContext, useWatch, type Control, type FieldValues, type RegisterOptions } from "react-hook-form";
import { useLocale } from "@/components/ui/locale-provider";
import { clerkT } from "@/lib/i18n/clerk-messages";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { FieldErrorText } from "./field-error";
import { LabelText } from "./label-text";
import { useReleaseOnUnmount } from "./release-detached-fields";
import { useFieldError } from "./use-field-error";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name"> {
  name: string;
  label: string;
  /** Shown under the control (and read with it). */
  hint?: ReactNode;
  /** Keep the label for screen readers only (grid cells whose column header says it). */
  hideLabel?: boolean;
  /** A shorter visible label that `label` starts with; the rest stays for screen readers (e.g. "(line 3)"). */
  visibleLabel?: string;
  registerOptions?: RegisterOptions<FieldValues, string>;
  /** Something shown right before the control, e.g. a VAT prefix. */
  adornment?: ReactNode;
  /**
   * Lays the control out on its own, for grids of many fields: the control sits in a box of fixed
   * height with CSS size and layout containment, a block child of a block, which the browser may
   * lay out alone. Typing then lays out that box, not the grid, the page and every other line.
   */
  isolateLayout?: boolean;
  /**
   * The schema's limit on this text (lib/validation/text-limits.ts): while the field has the
   * keyboard or is over the limit, a counter shows once the text reaches 80 % of it, red past it,
   * and the error names it. Typing is never cut off. (Only then does the counter watch the value:
   * a note of hundreds of lines keeps one subscription per line.)
   */
  maxChars?: number;
}

/** "280 / 300 characters" under a field near or over its limit; nothing below 80 %. */
function CharCounter({ control, name, max }: { control: Control; name: string; max: number }) {
  const locale = useLocale();
  const value: unknown = useWatch({ control, name });
  const count = typeof value === "string" ? [...value].length : 0;
  if (count < max * 0.8) return null;
  const over = count - max;
  return (
    <p aria-live="polite" data-testid="char-counter" className={over > 0 ? "mt-0.5 text-xs font-medium text-red-700" : "mt-0.5 text-xs text-slate-500"}>
      {over > 0 ? clerkT("limit.over", locale, { count, max, over }) : clerkT("limit.counter", locale, { count, max })}
    </p>
  );
}

/**
 * The box of an isolated control: exactly one control high (text-sm's line, py-1 and the
 * border), with size and layout containment. No paint containment: the focus outline is drawn
 * outside the box and must not be clipped.
 */
const ISOLATED_BOX = "flex h-[calc(1.75rem+2px)] items-center gap-1 [contain:size_layout]";

/**
 * A text control bound to the surrounding react-hook-form form, with its label, hint and
 * error (in the user's language) wired for assistive technology.
 */
export function TextField({ name, label, hint, hideLabel, visibleLabel, registerOptions, adornment, isolateLayout, maxChars, className, ...props }: TextFieldProps) {
  const { register, control } = useFormContext();
  const error = useFieldError(control, name);
  useReleaseOnUnmount(control);
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const [focused, setFocused] = useState(false);
  const track = maxChars === undefined ? {} : { onFocus: () => setFocused(true), onBlur: () => setFocused(false) };
  return (
    <div className={cn(isolateLayout ? "block" : "flex flex-col", className)} {...track}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : cn("mb-0.5 text-xs font-medium text-slate-700", isolateLayout && "block")}>
        <LabelText label={label} visibleLabel={visibleLabel} />
      </label>
      <div className={isolateLayout ? ISOLATED_BOX : "flex items-center gap-1"}>
        {adornment}
        <Input id={id} invalid={Boolean(error)} aria-describedby={describedBy} className={isolateLayout ? "h-full w-full min-w-0" : "w-full min-w-0"} {...props} {...register(name, registerOptions)} />
      </div>
      {hint && <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">{hint}</p>}
      {maxChars !== undefined && (focused || error?.message === "too_long") && <CharCounter control={control} name={name} max={maxChars} />}
      <FieldErrorText id={`${id}-error`} error={error} params={maxChars === undefined ? undefined : { chars: maxChars }} />
    </div>
  );
}
