import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  neutral: "bg-slate-100 text-slate-700",
  brand: "bg-brand-light text-brand-dark",
  success: "bg-green-100 text-green-800",
  warning: "bg-amber-100 text-amber-900",
  danger: "bg-red-100 text-red-800",
} as const;

/** A small label, e.g. a status or a VAT prefix. */
export function Badge({ tone = "neutral", className, children }: { tone?: keyof typeof tones; className?: string; children: ReactNode }) {
  return <span className={cn("inline-block rounded px-1.5 py-0.5 text-xs font-semibold", tones[tone], className)}>{children}</span>;
}
