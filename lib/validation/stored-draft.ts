import { z } from "zod";
import { STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { lineValuesSchema, paymentValuesSchema } from "./draft-snapshot";

/**
 * The draft a document keeps beside its payload (`documents.draft_json`), as `editableDraftOf`
 * (lib/domain/editable-draft.ts) writes it: the compose form's text with the document's identity.
 * Checked for shape only: a stored draft is read back even when today's rules would refuse it
 * (Fix & resend exists to correct such a draft; the draft schema judges it when it is sent).
 */
const storedAddressSchema = z.object({ countryCode: z.string(), city: z.string(), street: z.string(), postalCode: z.string() });

export const storedDraftSchema = z.object({
  issuer: z.object({ vat: z.string(), name: z.string(), branchCode: z.number().int().min(0), address: storedAddressSchema }),
  series: z.string(),
  number: z.string(),
  issuedAt: z.string(),
  counterparty: z.object({ name: z.string(), vat: z.string(), code: z.string().optional(), address: storedAddressSchema, emails: z.array(z.string()) }),
  priceEntry: z.enum(["net", "gross"]),
  lines: z.array(lineValuesSchema),
  payments: z.array(paymentValuesSchema),
  emails: z.array(z.string()),
  reference: z.string().optional(),
  notes: z.string().optional(),
});

export type StoredDraft = z.output<typeof storedDraftSchema>;

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
  const parsed = storedDraftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
