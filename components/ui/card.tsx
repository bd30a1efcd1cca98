import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

/** A white panel with a border: the building block of pages. */
export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={cn("rounded-lg border border-slate-200 bg-white p-5 shadow-sm", className)} {...props} />;
}

/** The heading of a card; `id` lets the card be labelled by it. */
export function CardTitle({ id, children }: { id?: string; children: ReactNode }) {
  return <h2 id={id} className="mb-3 text-base font-semibold">{children}</h2>;
}
