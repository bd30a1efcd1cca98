"use client";

import { useId, type ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";

/** What is wrong with a field: our validation's message, and what the provider said when it refused the document. */
export interface FieldProblems {
  server: string[];
  provider: string[];
}

/** A labelled control of the fix form with its problems under it, wired for screen readers. */
function FieldShell({ label, problems, className, children }: { label: string; problems: FieldProblems; className?: string; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const messages = [...problems.server, ...problems.provider];
  const describedBy = messages.length > 0 ? `${id}-problems` : undefined;
  return (
    <div className={className ?? "flex flex-col"}>
      <label htmlFor={id} className="mb-0.5 text-xs font-medium text-slate-700">{label}</label>
      {children(id, describedBy)}
      {messages.length > 0 && (
        <ul id={`${id}-problems`} className="mt-0.5 space-y-0.5 text-xs">
          {problems.server.map((message) => <li key={`s-${message}`} className="text-red-700">{message}</li>)}
          {problems.provider.map((message) => <li key={`p-${message}`} className="text-amber-800">⚠ {message}</li>)}
        </ul>
      )}
    </div>
  );
}

/** A text field of the fix form. */
export function FixText({ label, value, onChange, problems, inputMode, className }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems: FieldProblems;
  inputMode?: "decimal" | "numeric" | "text" | "email";
  className?: string;
}) {
  return (
    <FieldShell label={label} problems={problems} className={className}>
      {(id, describedBy) => (
        <Input id={id} value={value} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy}
          invalid={problems.server.length > 0 || problems.provider.length > 0} className="w-full min-w-0" />
      )}
    </FieldShell>
  );
}

/** A select of the fix form. */
export function FixSelect({ label, value, onChange, options, problems, placeholder, className }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  problems: FieldProblems;
  placeholder?: string;
  className?: string;
}) {
  return (
    <FieldShell label={label} problems={problems} className={className}>
      {(id, describedBy) => (
        <Select id={id} value={value} onChange={(event) => onChange(event.target.value)} options={options} placeholder={placeholder}
          aria-describedby={describedBy} invalid={problems.server.length > 0 || problems.provider.length > 0} className="w-full min-w-0" />
      )}
    </FieldShell>
  );
}
