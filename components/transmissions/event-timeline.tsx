import type { EventView } from "@/lib/history/views";
import { creditT } from "@/lib/i18n/credit-messages";
import { ht } from "@/lib/i18n/history-messages";
import { plainT } from "@/lib/i18n/plain-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { athensTime } from "./format";

const STATUS_EVENTS = new Set(["queued", "sending", "accepted", "rejected", "unknown", "needs_attention"]);
const OTHER_EVENTS = new Set(["attempt_started", "attempt_finished", "lookup", "retry_requested", "fixed"]);

/** A short line of the details worth reading at a glance (the full detail is one click away). */
function summaryOf(detail: Record<string, unknown> | null): string {
  if (detail === null) return "";
  const keys = ["reason", "outcome", "httpStatus", "result", "status", "mark", "latencyMs", "seq", "from", "to", "nextAction"];
  return keys.filter((key) => detail[key] !== undefined && detail[key] !== null).map((key) => `${key}: ${String(detail[key])}`).join(" · ");
}

/** The document's timeline, oldest first: every state change, attempt, look-up and action, with who did it. */
export async function EventTimeline({ events }: { events: EventView[] }) {
  const locale = await getRequestLocale();
  return (
    <ol className="relative space-y-2 border-l border-slate-200 pl-4 text-sm">
      {events.map((event) => {
        const label = STATUS_EVENTS.has(event.type)
          ? ht(`status.${event.type}` as "status.queued", locale)
          : OTHER_EVENTS.has(event.type) ? ht(`event.${event.type}` as "event.lookup", locale)
          : event.type === "closed_out" ? creditT("event.closed_out", locale) : event.type;
        const { draft: _draft, ...detail } = event.detail ?? {};
        return (
          <li key={event.id} data-event={event.type}>
            <span className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border border-white bg-slate-400" aria-hidden="true" />
            <time dateTime={event.at} className="mr-2 text-xs text-slate-500">{athensTime(event.at, locale, true)}</time>
            <strong>{label}</strong>
            <span className="ml-2 text-xs text-slate-500">{event.actor ?? ht("detail.system", locale)}</span>
            {event.detail !== null && summaryOf(detail) !== "" && (
              <details className="text-xs text-slate-600">
                <summary className="cursor-pointer">{plainT("details.summary", locale)}</summary>
                <span className="font-mono">{summaryOf(detail)}</span>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
