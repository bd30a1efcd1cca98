import { randomUUID } from "node:crypto";
import type { CreditNoteInput } from "@/lib/domain/types";
import type { IssueRequest } from "@/lib/validation/draft";
import { SAMPLE_INPUT } from "@/tests/unit/domain/support";

/** The example draft of docs/DRAFT.md (the provider's 5.2 sample amounts: net 6.44, VAT 1.55, gross 7.99). */
export function sampleCreditNoteInput(overrides: Partial<CreditNoteInput> = {}): CreditNoteInput {
  return { ...structuredClone(SAMPLE_INPUT), ...overrides };
}

/** An issue request for the sample; a fresh draft id unless one is given. */
export function sampleIssueRequest(overrides: Partial<IssueRequest> = {}): IssueRequest {
  return {
    draftId: randomUUID(),
    issuerProfileId: undefined,
    series: "T1",
    number: undefined,
    issuedAt: undefined,
    input: sampleCreditNoteInput(),
    ...overrides,
  };
}
