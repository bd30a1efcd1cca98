import { formatCents } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/locale";

const ATHENS = { timeZone: "Europe/Athens", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const formatters: Partial<Record<string, Intl.DateTimeFormat>> = {};

function formatter(locale: Locale, seconds: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${seconds}`;
  formatters[key] ??= new Intl.DateTimeFormat(locale === "el" ? "el-GR" : "en-GB", seconds ? { ...ATHENS, second: "2-digit" } : ATHENS);
  return formatters[key];
}

/** An instant (ISO UTC) as Athens wall-clock time, the reader's way: "21/11/2025, 10:15". */
export function athensTime(iso: string | null, locale: Locale, seconds = false): string {
  if (iso === null) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(locale, seconds).format(date);
}

/**
 * A document's issue time as sent (already Athens local, `YYYY-MM-DDTHH:mm:ss`, no zone) written
 * day first: "24/03/2023 00:00". Read as text so no time zone ever shifts it.
 */
export function issuedAtText(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  return match ? `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}` : local;
}

/** Cents as people read them, with the euro sign ("1.234,56 €"); a dash when there is no amount. */
export function eurosOrDash(cents: number | null, locale: Locale): string {
  return cents === null ? "—" : `${formatCents(cents, locale)} €`;
}
