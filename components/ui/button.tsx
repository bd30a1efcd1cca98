import type { ButtonHTMLAttributes, Ref } from "react";
import { cn } from "./cn";

const variants = {
  primary: "bg-brand text-white hover:bg-brand-dark focus-visible:outline-brand",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 focus-visible:outline-brand",
  danger: "bg-red-700 text-white hover:bg-red-800 focus-visible:outline-red-700",
  ghost: "text-brand hover:bg-brand-light focus-visible:outline-brand",
} as const;

const sizes = { sm: "px-2 py-1 text-xs", md: "px-4 py-1.5 text-sm" } as const;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  ref?: Ref<HTMLButtonElement>;
}

/** A button; `type` defaults to "button" so that only an explicit submit button submits a form. */
export function Button({ variant = "primary", size = "md", type = "button", className, ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        "inline-flex items-center justify-center gap-1 rounded font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60",
        variants[variant],
        sizes[size],
        className,
      )}
      {...props}
    />
  );
}
