import type { PriceEntry } from "@/lib/domain/types";
import { editableDraftOfDocument } from "@/lib/provider/impact/read-document";

/**
 * A draft as the compose form and `POST /api/transmissions/{id}/fix` take it (PRODUCT.md
 * "Draft"): amounts and quantities as decimal strings written the Greek way ("7,99").
 */
export interface EditableDraft {
  issuer: { vat: string; name: string; branchCode: number; address: EditableAddress };
  series: string;
  number: string;
  issuedAt: string;
  counterparty: { name: string; vat: string; code?: string | undefined; address: EditableAddress; emails: string[] };
  priceEntry: PriceEntry;
  lines: EditableLine[];
  payments: { methodCode: number; amount: string }[];
  emails: string[];
  reference?: string | undefined;
  notes?: string | undefined;
}

export interface EditableAddress {
  countryCode: string;
  city: string;
  street: string;
  postalCode: string;
}

export interface EditableLine {
  description: string;
  quantity: string;
  unitCode: number;
  unitPrice: string;
  discountPercent: string;
  vatCategory: number;
  vatExemptionCategory: number | null;
  incomeClassification: { category: string; type: string | null };
}

/**
 * The draft a stored provider document (`POST /Invoice/json` body) was built from: what the
 * one-time backfill of stored drafts reads (lib/provider/impact/read-document.ts, exact cents).
 * Everything else reads the stored draft (`documents.draft_json`), never the wire format.
 * Pure; never throws on odd input (missing parts become empty values the draft schema reports).
 */
export function draftFromPayload(payload: unknown): EditableDraft {
  return editableDraftOfDocument(payload);
}
