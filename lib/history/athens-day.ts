import { formatAthensDateTime } from "@/lib/domain/athens-time";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(text);
}

/**
 * The instant (ISO UTC) at which a calendar day begins in Europe/Athens: 22:00 or 21:00 UTC the
 * day before, winter or summer. Athens changes its clocks at 03:00/04:00, never at midnight, so
 * local midnight always exists exactly once.
 * @throws RangeError for text that is not a calendar day.
 */
export function athensDayStart(day: string): string {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  const target = Date.parse(`${day}T00:00:00Z`);
  let guess = target - 2 * 3_600_000;
  for (let step = 0; step < 3; step += 1) {
    const wall = Date.parse(`${formatAthensDateTime(new Date(guess))}Z`);
    if (wall === target) break;
    guess += target - wall;
  }
  return new Date(guess).toISOString();
}

/** The day after a calendar day (`2025-03-31` → `2025-04-01`). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The calendar day in Athens of an instant. */
export function athensDayOf(instant: Date): string {
  return formatAthensDateTime(instant).slice(0, 10);
}
