import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

/** Border and focus ring of every text control; red when the value is in error. */
export function controlClass(invalid: boolean | undefined, className?: string): string {
  return cn(
    "rounded border bg-white px-2 py-1 text-sm focus:outline-2 focus:outline-offset-0 disabled:bg-slate-100",
    invalid ? "border-red-600 focus:outline-red-600" : "border-slate-300 focus:outline-brand",
    className,
  );
}

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  /** Marks the control as in error (red border, aria-invalid). */
  invalid?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** A single-line text control. */
export function Input({ invalid, className, ...props }: InputProps) {
  return <input aria-invalid={invalid || undefined} className={controlClass(invalid, className)} {...props} />;
}

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  invalid?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A multi-line text control. */
export function Textarea({ invalid, className, ...props }: TextareaProps) {
  return <textarea aria-invalid={invalid || undefined} className={controlClass(invalid, className)} {...props} />;
}
