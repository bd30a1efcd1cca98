/**
 * Shapes the compose and settings API answers with, shared with the client components that
 * read them. Types only: nothing here runs, so components may import it with `import type`.
 */

export interface AddressView {
  countryCode: string;
  city: string;
  street: string;
  postalCode: string;
}

export interface BranchView {
  id: string;
  branchCode: number;
  name: string;
}

export interface IssuerProfileView {
  id: string;
  /** `EL` + 9 digits. */
  vat: string;
  name: string;
  address: AddressView;
  /** Offered on every new line of a note from this issuer. */
  defaultClassification: { category: string; type: string | null } | null;
  branches: BranchView[];
}

export interface SeriesView {
  id: number;
  issuerVat: string;
  code: string;
  /** The number the next document of the series receives (unless it is taken). */
  nextNumber: number;
  description: string | null;
}

export interface CounterpartyView {
  id: string;
  name: string;
  /** As documents write it: `EL…` for Greece, the VIES prefix elsewhere. */
  vat: string;
  code: string | null;
  address: AddressView;
  emails: string[];
}

/** One row of the drafts list. */
export interface DraftSummary {
  id: string;
  createdAt: string;
  updatedAt: string;
  counterpartyName: string;
  series: string;
  lineCount: number;
  /** Gross of the lines that can be read so far, in cents. */
  grossCents: number;
  /** 0-based wizard step the clerk was on. */
  step: number;
}
