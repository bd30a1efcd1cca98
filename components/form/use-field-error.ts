"use client";

import { get, useFormState, type Control, type FieldValues } from "react-hook-form";
import type { CodedError } from "./field-error";

/**
 * The error of one field (or of a group such as `payments`, whose own error sits in `root` for
 * arrays). Subscribes to that name only, so typing elsewhere does not re-render the field.
 */
export function useFieldError<T extends FieldValues>(control: Control<T>, name: string): CodedError | undefined {
  const { errors } = useFormState({ control, name: name as never });
  const error = get(errors, name) as (CodedError & { root?: CodedError }) | undefined;
  if (!error) return undefined;
  if (typeof error.message === "string") return error;
  return error.root;
}
