const ATHENS_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Athens",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function athensParts(date: Date): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date");
  const parts = { year: "", month: "", day: "", hour: "", minute: "", second: "" };
  for (const part of ATHENS_PARTS.formatToParts(date)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = part.value;
  }
  return parts;
}

/**
 * The wall-clock time in Europe/Athens as `YYYY-MM-DDTHH:mm:ss`, no zone: the provider's
 * DateIssued format. Summer time (EEST, UTC+3) and winter time (EET, UTC+2) follow the
 * platform's time-zone data.
 * @throws RangeError for an invalid Date.
 */
export function formatAthensDateTime(date: Date): string {
  const p = athensParts(date);
  return `${p.year.padStart(4, "0")}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/**
 * The calendar date in Europe/Athens as `YYYY-MM-DD` (myDATA's issueDate), which differs from
 * the UTC date between 21:00/22:00 and midnight UTC.
 * @throws RangeError for an invalid Date.
 */
export function athensDateOf(date: Date): string {
  return formatAthensDateTime(date).slice(0, 10);
}
