import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  info: "border-sky-300 bg-sky-50 text-sky-900",
  success: "border-green-300 bg-green-50 text-green-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
} as const;

/**
 * A message box. Errors are announced at once (role "alert"); the other tones politely
 * (role "status").
 */
export function Notice({ tone = "info", className, children }: { tone?: keyof typeof tones; className?: string; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded border px-3 py-2 text-sm", tones[tone], className)}>
      {children}
    </div>
  );
}
