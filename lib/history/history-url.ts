import { athensDayStart, isCalendarDay, nextDay } from "./athens-day";
import { DEFAULT_SORT, isHistorySort, type HistorySort } from "@/lib/validation/history-sorts";

/**
 * The history's state as it stands in the page URL: what people typed into the filters (dates as
 * Athens calendar days, amounts the Greek way), the order and the page cursor. The URL is the
 * only place this state lives, so links can be shared and the back button walks it.
 */
export interface HistoryForm {
  status: string;
  /** First Athens calendar day, `YYYY-MM-DD`. */
  from: string;
  /** Last Athens calendar day (inclusive), `YYYY-MM-DD`. */
  to: string;
  counterparty: string;
  series: string;
  mark: string;
  minGross: string;
  maxGross: string;
  issuedBy: string;
  q: string;
  sort: HistorySort;
  cursor: string;
}

const TEXT_KEYS = ["status", "from", "to", "counterparty", "series", "mark", "minGross", "maxGross", "issuedBy", "q", "cursor"] as const;

export const EMPTY_HISTORY_FORM: HistoryForm = {
  status: "", from: "", to: "", counterparty: "", series: "", mark: "", minGross: "", maxGross: "", issuedBy: "", q: "", sort: DEFAULT_SORT, cursor: "",
};

/** Reads the page's search parameters (first value of each; unknown ones ignored). */
export function readHistoryForm(params: Record<string, string | string[] | undefined>): HistoryForm {
  const first = (key: string): string => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 500) ?? "";
  };
  const form: HistoryForm = { ...EMPTY_HISTORY_FORM };
  for (const key of TEXT_KEYS) form[key] = first(key);
  const sort = first("sort");
  form.sort = isHistorySort(sort) ? sort : DEFAULT_SORT;
  return form;
}

/** The URL search string of a form (empty values and the default order left out), with `change` applied. */
export function historySearch(form: HistoryForm, change: Partial<HistoryForm> = {}): string {
  const merged = { ...form, ...change };
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) if (merged[key] !== "") params.set(key, merged[key]);
  if (merged.sort !== DEFAULT_SORT) params.set("sort", merged.sort);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** A link to the history page in that state. */
export function historyHref(form: HistoryForm, change: Partial<HistoryForm> = {}): string {
  return `/transmissions${historySearch(form, change)}`;
}

/** True when any filter is set (the order and page aside). */
export function hasFilters(form: HistoryForm): boolean {
  return TEXT_KEYS.some((key) => key !== "cursor" && form[key] !== "");
}

/**
 * The query of `GET /api/transmissions` (and its CSV export) for a form: Athens days become the
 * instants that bound them (the last day inclusive), everything else passes as typed and is
 * validated by the API's own schema. Days that are not calendar days are reported, not sent.
 */
export function apiParamsOf(form: HistoryForm): { params: Record<string, string>; invalid: ("from" | "to")[] } {
  const params: Record<string, string> = {};
  const invalid: ("from" | "to")[] = [];
  for (const key of ["status", "counterparty", "series", "mark", "minGross", "maxGross", "issuedBy", "q", "cursor"] as const) {
    if (form[key] !== "") params[key] = form[key];
  }
  if (form.from !== "") {
    if (isCalendarDay(form.from)) params.from = athensDayStart(form.from);
    else invalid.push("from");
  }
  if (form.to !== "") {
    if (isCalendarDay(form.to)) params.to = athensDayStart(nextDay(form.to));
    else invalid.push("to");
  }
  if (form.sort !== DEFAULT_SORT) params.sort = form.sort;
  return { params, invalid };
}
