"use client";

import { useEffect } from "react";
import type { Control, FieldValues } from "react-hook-form";

/** What react-hook-form keeps per registered field (`control._fields`), as far as this file reads it. */
interface FieldEntry {
  _f: { name: string; mount?: boolean; ref: unknown };
}
type FieldTree = { [key: string]: FieldEntry | FieldTree | undefined } | (FieldEntry | FieldTree | undefined)[];

function isFieldEntry(value: unknown): value is FieldEntry {
  return typeof value === "object" && value !== null && "_f" in value && typeof (value as FieldEntry)._f === "object";
}

function isDetachedNode(value: unknown): boolean {
  return typeof Node !== "undefined" && value instanceof Node && !value.isConnected;
}

/**
 * react-hook-form keeps, for every registered field, the element it was last registered with
 * (`_f.ref`), also after that element has left the page: unmounting only marks the field
 * unmounted, so that its value stays. A detached control keeps its whole removed subtree alive.
 * In a long note whose lines out of view show summaries, that was every line's controls: about
 * 95,000 DOM nodes still alive after garbage collection at 300 lines, for the collector to trace.
 *
 * This gives such a field back the placeholder react-hook-form itself gives a field that is
 * registered but not mounted yet (`{ name }`). Its value, errors and options stay where they are;
 * when the field is drawn again, registering the new element replaces the placeholder as usual.
 * Mounted fields, and fields whose element is still in the page, are left alone.
 *
 * Returns how many fields it released.
 */
export function releaseDetachedFields(fields: unknown): number {
  let released = 0;
  const visit = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    if (isFieldEntry(node)) {
      const field = node._f;
      if (field.mount !== true && isDetachedNode(field.ref)) {
        field.ref = { name: field.name };
        released += 1;
      }
    }
    for (const [key, child] of Object.entries(node as FieldTree)) if (key !== "_f") visit(child);
  };
  visit(fields);
  return released;
}

const scheduled = new WeakSet<object>();

/**
 * Releases the form's detached fields once the current commit is over: every field unmounted in
 * it has by then been told so by React (its ref called with null), and a commit that removes
 * many fields walks the form once.
 */
function scheduleRelease(control: Control<FieldValues>): void {
  if (scheduled.has(control)) return;
  scheduled.add(control);
  queueMicrotask(() => {
    scheduled.delete(control);
    // `_fields` is react-hook-form's registry of fields (see releaseDetachedFields).
    releaseDetachedFields(control._fields);
  });
}

/** In a field component: when it unmounts, its form lets go of the element it leaves behind. */
export function useReleaseOnUnmount(control: Control<FieldValues>): void {
  useEffect(() => () => scheduleRelease(control), [control]);
}
