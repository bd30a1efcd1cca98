import type { ComposeValues } from "@/lib/validation/draft-snapshot";

/**
 * A browser-side copy of a draft the server did not take (autosave failed): written when a save
 * fails, removed when one succeeds, read when the wizard opens that draft again. It is the
 * clerk's own unsaved typing, so it is restored as it was, limits exceeded included (the server
 * copy may be older by several lines).
 */
export interface LocalDraftCopy {
  values: ComposeValues;
  step: number;
  savedAt: string;
}

const PREFIX = "credit-desk:draft:";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function keepLocalCopy(values: ComposeValues, step: number): void {
  try {
    storage()?.setItem(`${PREFIX}${values.id}`, JSON.stringify({ values, step, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or refused: the banner still says the server copy is behind.
  }
}

export function dropLocalCopy(id: string): void {
  storage()?.removeItem(`${PREFIX}${id}`);
}

/** The kept copy of draft `id`, or null (none, or not a draft of this shape). */
export function readLocalCopy(id: string): LocalDraftCopy | null {
  const text = storage()?.getItem(`${PREFIX}${id}`);
  if (!text) return null;
  try {
    const copy = JSON.parse(text) as Partial<LocalDraftCopy>;
    const values = copy.values as Partial<ComposeValues> | undefined;
    if (!values || values.id !== id || !Array.isArray(values.lines) || !Array.isArray(values.payments) || typeof copy.step !== "number" || typeof copy.savedAt !== "string") return null;
    return copy as LocalDraftCopy;
  } catch {
    return null;
  }
}
