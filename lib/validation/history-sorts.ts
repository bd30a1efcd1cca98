/**
 * Orders the history can be read in. Each one is an index range read (migration 004), never a
 * sort of the filtered rows, which is why the table offers sorting on these columns only.
 */
export const HISTORY_SORTS = ["created_desc", "created_asc", "gross_desc", "gross_asc"] as const;

export type HistorySort = (typeof HISTORY_SORTS)[number];

/** The default order: newest first. */
export const DEFAULT_SORT: HistorySort = "created_desc";

/** True when `value` names an order of the history. */
export function isHistorySort(value: unknown): value is HistorySort {
  return typeof value === "string" && (HISTORY_SORTS as readonly string[]).includes(value);
}
