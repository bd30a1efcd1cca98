"use client";

import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from "react";
import { get, type Control, type FieldValues } from "react-hook-form";
import type { CodedError } from "./field-error";

/**
 * Errors handed down by a group of fields that subscribed once for all of them: `prefix` is the
 * group's name with its dot (`lines.4.`), `errors` the group's errors as react-hook-form nests them.
 */
export interface FieldErrorScope {
  prefix: string;
  errors: unknown;
}

/**
 * A group's errors for the fields inside it. A field under a scope that covers its name reads its
 * error from there and subscribes to nothing: a compose line has ten fields, and ten
 * subscriptions per line made every keystroke in a 300-line note call 3,000 of them.
 */
export const FieldErrorScopeContext = createContext<FieldErrorScope | null>(null);

type RawError = (CodedError & { root?: CodedError }) | undefined;

/** A field's own error, or the `root` error react-hook-form keeps for a group such as `payments`. */
function shownError(raw: RawError): CodedError | undefined {
  if (!raw) return undefined;
  if (typeof raw.message === "string") return raw;
  return raw.root;
}

/** What the user sees of an error: the field re-renders when this changes, not when validation merely ran again. */
function keyOf(error: CodedError | undefined): string {
  return error?.message === undefined ? "" : `${(error as { type?: string }).type ?? ""}\u0000${error.message}`;
}

const subscribeToNothing = () => () => undefined;

/**
 * The error of one field (or of a group such as `payments`, whose own error sits in `root` for
 * arrays): from the enclosing scope when one covers the name, else from a subscription to that
 * name only, so typing elsewhere does not re-render the field.
 */
export function useFieldError<T extends FieldValues>(control: Control<T>, name: string): CodedError | undefined {
  const scope = useContext(FieldErrorScopeContext);
  const scoped = scope !== null && name.startsWith(scope.prefix) ? scope : null;
  const shown = useRef<{ key: string; error: CodedError | undefined }>({ key: "", error: undefined });
  const subscribe = useCallback(
    (onChange: () => void) => control._subscribe({ name: name as never, formState: { errors: true }, callback: onChange }),
    [control, name],
  );
  const read = useCallback(() => {
    const raw = (scoped ? get(scoped.errors, name.slice(scoped.prefix.length)) : get(control._formState.errors, name)) as RawError;
    const error = shownError(raw);
    const key = keyOf(error);
    // The same error keeps the same object, so React sees nothing new and does not render.
    if (key !== shown.current.key) shown.current = { key, error };
    return shown.current.error;
  }, [control, name, scoped]);
  return useSyncExternalStore(scoped ? subscribeToNothing : subscribe, read, read);
}
