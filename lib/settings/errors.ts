import "server-only";
import { HttpError, ValidationFailure } from "@/lib/http/errors";
import { composeT, type ComposeMessageKey } from "@/lib/i18n/compose-messages";
import type { Locale } from "@/lib/i18n/locale";
import { fieldLabel } from "@/lib/i18n/field-labels";
import { messageOfCode } from "@/lib/validation/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID as the API hands them out (any version). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** 404 with a message in the caller's language. */
export function notFoundError(locale: Locale): HttpError {
  return new HttpError(404, "not_found", composeT("api.notFound", locale));
}

/** 409 for a state or uniqueness conflict, `key` naming the message. */
export function conflictError(code: string, key: ComposeMessageKey, locale: Locale): HttpError {
  return new HttpError(409, code, composeT(key, locale));
}

/** A 422 about one field, worded like every other validation error ("Field: problem"). */
export function fieldFailure(path: string, code: string, locale: Locale, message?: string): ValidationFailure {
  return new ValidationFailure([{ path, code, message: `${fieldLabel(path, locale)}: ${message ?? messageOfCode(code, locale)}` }]);
}

/** A positive integer id from a path segment (series ids), or a 404. */
export function numericIdOf(raw: string, locale: Locale): number {
  if (!/^\d{1,15}$/.test(raw)) throw notFoundError(locale);
  return Number(raw);
}

/** A UUID from a path segment, or a 404 (an id that cannot exist is simply not found). */
export function uuidOf(raw: string, locale: Locale): string {
  if (!isUuid(raw)) throw notFoundError(locale);
  return raw.toLowerCase();
}
