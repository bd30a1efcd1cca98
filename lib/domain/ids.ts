import { AppError, type Subject } from "./errors";

/** A UUID as the API hands them out (any version, either case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID as the API hands them out. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** A UUID from a path segment, lower-cased; `not_found` otherwise (an id that cannot exist is simply not found). */
export function uuidOf(raw: string, subject: Subject): string {
  if (!isUuid(raw)) throw new AppError("not_found", { subject });
  return raw.toLowerCase();
}

/** A positive integer id from a path segment (series ids); `not_found` otherwise. */
export function numericIdOf(raw: string, subject: Subject): number {
  if (!/^\d{1,15}$/.test(raw)) throw new AppError("not_found", { subject });
  return Number(raw);
}
