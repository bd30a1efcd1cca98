import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cleanMessage } from "@/lib/history/error-fields";
import type { AttemptView } from "@/lib/history/views";
import { ht } from "@/lib/i18n/history-messages";
import { outcomeWords } from "@/lib/i18n/plain-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { athensTime } from "./format";

/** Every send attempt: when, the HTTP status, the outcome, how long it took, and the answer as received. */
export async function AttemptsTable({ attempts }: { attempts: AttemptView[] }) {
  const locale = await getRequestLocale();
  if (attempts.length === 0) return <p className="text-sm text-slate-500">{ht("detail.attemptsNone", locale)}</p>;
  return (
    <div className="overflow-x-auto">
      <Table>
        <caption className="sr-only">{ht("detail.attempts", locale)}</caption>
        <THead>
          <Tr>
            <Th>{ht("detail.col.seq", locale)}</Th>
            <Th>{ht("detail.col.started", locale)}</Th>
            <Th>{ht("detail.col.http", locale)}</Th>
            <Th>{ht("detail.col.outcome", locale)}</Th>
            <Th className="text-right">{ht("detail.col.latency", locale)}</Th>
            <Th>{ht("detail.col.response", locale)}</Th>
          </Tr>
        </THead>
        <TBody>
          {attempts.map((attempt) => (
            <Tr key={attempt.seq}>
              <Td>{attempt.seq}</Td>
              <Td className="whitespace-nowrap">{athensTime(attempt.startedAt, locale, true)}</Td>
              <Td>{attempt.httpStatus ?? "—"}</Td>
              <Td>{attempt.finishedAt === null ? ht("detail.pending", locale) : outcomeWords(attempt.outcome, locale)}{attempt.error && <span className="block text-xs text-slate-500">{cleanMessage(attempt.error)}</span>}</Td>
              <Td numeric>{attempt.latencyMs?.toLocaleString(locale === "el" ? "el-GR" : "en-GB") ?? "—"}</Td>
              <Td>
                {attempt.responsePretty === null ? "—" : (
                  <details>
                    <summary className="cursor-pointer text-brand">{ht("detail.show", locale)}</summary>
                    <pre className="mt-1 max-h-64 max-w-xl overflow-auto rounded bg-slate-50 p-2 text-xs">{attempt.responsePretty}</pre>
                  </details>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
