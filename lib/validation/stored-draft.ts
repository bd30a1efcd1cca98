import { STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { editableDraftSchema, type EditableDraft } from "./draft-snapshot";

/**
 * The draft a document keeps beside its payload (`documents.draft_json`), as `editableDraftOf`
 * (lib/domain/editable-draft.ts) writes it: the compose form's text with the document's identity.
 * Checked for shape only, with the form's own lenient schema (one declaration of the draft's
 * shape): a stored draft is read back even when today's rules would refuse it (Fix & resend
 * exists to correct such a draft; the draft schema judges it when it is sent).
 */
export const storedDraftSchema = editableDraftSchema;

/** Keys every stored draft has; the lenient schema would otherwise fill a foreign object with defaults. */
const REQUIRED_KEYS = ["issuer", "series", "number", "issuedAt", "counterparty", "priceEntry", "lines", "payments"] as const;

function isDraftShaped(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && REQUIRED_KEYS.every((key) => key in value);
}

export type StoredDraft = EditableDraft;

/** One step up per older version (`from` → `from + 1`); empty while there is only version 1. */
const UPGRADES: Readonly<Record<number, (draft: unknown) => unknown>> = {};

/**
 * The stored draft of a document, upgraded to the current shape (STORED_DRAFT_VERSION) and
 * checked; null without a draft (a credit of an issued document), for text that is not JSON, a
 * version this code does not know, or a value not shaped like a draft. Pure.
 */
export function readStoredDraft(json: string | null, version: number | null): StoredDraft | null {
  if (json === null || version === null || !Number.isInteger(version) || version < 1 || version > STORED_DRAFT_VERSION) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  for (let from = version; from < STORED_DRAFT_VERSION; from += 1) {
    const upgrade = UPGRADES[from];
    if (upgrade === undefined) return null;
    value = upgrade(value);
  }
  if (!isDraftShaped(value)) return null;
  const parsed = storedDraftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
