import "server-only";

/** A moment as stored in every time column: ISO-8601 UTC with milliseconds. */
export function toDbTime(date: Date): string {
  return date.toISOString();
}

/** `date` moved by `ms` milliseconds, as a stored time. */
export function dbTimeAfter(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}
