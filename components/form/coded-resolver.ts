import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { codeOfDefaultIssue } from "@/lib/validation/errors";

/** Parse options that keep zod's own issues as codes (worded at display time, in the user's language). */
export const CODED_ISSUES = { error: (issue: Parameters<typeof codeOfDefaultIssue>[0]) => codeOfDefaultIssue(issue) };

/**
 * A shared schema as a form's resolver, its errors carrying codes. `V` is what the form holds
 * (typed text, e.g. "7,99"); the schema reads it as the route handler reads a request, so its
 * parsed output is not the form's values: @hookform/resolvers types that pair loosely, and this is
 * the one place that says so.
 */
export function codedResolver<V extends FieldValues>(schema: z.ZodType<unknown, FieldValues>): Resolver<V> {
  return zodResolver(schema, CODED_ISSUES) as unknown as Resolver<V>;
}
