import type { ReactNode } from "react";
import { errorIsAt, type PlacedError } from "@/lib/history/error-fields";
import { PlacedErrors } from "./placed-errors";

/** One field of the document as sent, with the errors that concern it right beside the value. */
export function SentField({ label, path, errors, children }: { label: string; path: string; errors: readonly PlacedError[]; children: ReactNode }) {
  const own = errors.filter((error) => errorIsAt(error, path));
  return (
    <div data-field={path} className={own.length > 0 ? "rounded border-l-4 border-red-500 bg-red-50 px-2 py-1" : "px-2 py-1"}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm">
        {children}
        <PlacedErrors errors={own} />
      </dd>
    </div>
  );
}
