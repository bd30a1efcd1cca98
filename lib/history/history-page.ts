import "server-only";
import { transmissionQuerySchema } from "@/lib/validation/requests";
import { filterOf } from "./filter";
import type { Db } from "@/lib/db/schema";
import { listTransmissions } from "@/lib/history/queries";
import type { TransmissionSummary } from "@/lib/history/transmission-views";
import { codeOfDefaultIssue } from "@/lib/validation/errors";
import { apiParamsOf, type HistoryForm } from "./history-url";

/** Rows per page of the history table. */
export const HISTORY_PAGE_SIZE = 50;

export interface HistoryPage {
  items: TransmissionSummary[];
  nextCursor: string | null;
  prevCursor: string | null;
  /** Query string of `GET /api/transmissions` for exactly this page (what the table polls). */
  apiQuery: string;
  /** Query string of the CSV export: the same filter and order, every page. */
  exportQuery: string;
  /** Filters that were not understood and so were left out (URL keys). */
  ignored: string[];
  /** The cursor no longer fitted (another order, or forged): the first page is shown. */
  staleCursor: boolean;
}

/**
 * One page of the history for the state in the URL. The filter goes through the same schema
 * and the same query as `GET /api/transmissions` and its CSV export, so the table, its polling
 * and the export can never disagree about which rows a filter holds. Values the schema refuses
 * are dropped and reported rather than failing the page.
 */
export async function loadHistoryPage(db: Db, form: HistoryForm, limit = HISTORY_PAGE_SIZE): Promise<HistoryPage> {
  const { params, invalid } = apiParamsOf(form);
  const ignored: string[] = [...invalid];
  let query = { ...params, limit: String(limit) };
  let parsed = transmissionQuerySchema.safeParse(query, { error: (issue) => codeOfDefaultIssue(issue) });
  if (!parsed.success) {
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")));
    ignored.push(...bad);
    query = Object.fromEntries(Object.entries(query).filter(([key]) => !bad.has(key))) as typeof query;
    parsed = transmissionQuerySchema.safeParse(query, { error: (issue) => codeOfDefaultIssue(issue) });
  }
  if (!parsed.success) throw new Error("history query could not be read even without the refused filters");
  const filter = filterOf(parsed.data);
  let staleCursor = false;
  let page;
  try {
    page = await listTransmissions(db, { ...filter, cursor: parsed.data.cursor, limit });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    staleCursor = true;
    page = await listTransmissions(db, { ...filter, cursor: undefined, limit });
    delete (query as Record<string, string>).cursor;
  }
  const { cursor: _cursor, limit: _limit, ...exportParams } = query as Record<string, string>;
  return {
    ...page,
    apiQuery: new URLSearchParams(query).toString(),
    exportQuery: new URLSearchParams(exportParams).toString(),
    ignored: [...new Set(ignored)].filter((key) => key !== "limit"),
    staleCursor,
  };
}

/** Values offered by the series and issued-by filters: the issuer's series and everyone who has issued. */
export async function loadFilterChoices(db: Db): Promise<{ series: string[]; issuedBy: string[] }> {
  const [series, users] = await Promise.all([
    db.selectFrom("series").select("code").distinct().orderBy("code").execute(),
    // Loose index scan: one index probe per distinct issuer, however many documents each has.
    db
      .withRecursive("issuers(email)", (qb) =>
        qb
          .selectFrom("documents")
          .select((eb) => eb.fn.min("created_by").as("email"))
          .unionAll((union) =>
            union
              .selectFrom("issuers")
              .select((eb) =>
                eb.selectFrom("documents").select((inner) => inner.fn.min("created_by").as("next")).whereRef("documents.created_by", ">", "issuers.email").as("email"),
              )
              .where("issuers.email", "is not", null),
          ),
      )
      .selectFrom("issuers")
      .select("email")
      .where("email", "is not", null)
      .execute(),
  ]);
  return { series: series.map((row) => row.code), issuedBy: users.map((row) => String(row.email)) };
}
