import type { DocumentStatus } from "@/lib/domain/statuses";
import type { PlacedError } from "./error-fields";
import type { DocumentAction } from "./legal-actions";
import type { SentDocument } from "./sent-document";

/**
 * Shapes the history pages hand to their components. Plain data, nothing server-only, so client
 * islands can import them; they match lib/history/transmission-views field for field.
 */

export type DocumentStatusName = DocumentStatus;

/** A history row. Amounts in cents (null for credits of an existing document); times ISO UTC. */
export interface HistoryItem {
  id: string;
  internalDocumentId: string;
  kind: "compose" | "credit_existing";
  status: DocumentStatusName;
  series: string;
  number: string;
  /** Europe/Athens local time as sent (`YYYY-MM-DDTHH:mm:ss`). */
  issuedAt: string;
  issuerVat: string;
  counterpartyName: string | null;
  counterpartyVat: string | null;
  netCents: number | null;
  vatCents: number | null;
  grossCents: number | null;
  mark: string | null;
  uid: string | null;
  attemptCount: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Due to be sent again once the provider answers (its last try never reached it, or it asked to wait); not an error. */
  waitingForProvider?: boolean;
}

/** One page of the history as `GET /api/transmissions` answers it. */
export interface HistoryPageData {
  items: HistoryItem[];
  nextCursor: string | null;
  prevCursor: string | null;
}

export interface AttemptView {
  seq: number;
  startedAt: string;
  finishedAt: string | null;
  httpStatus: number | null;
  outcome: string | null;
  latencyMs: number | null;
  error: string | null;
  /** The provider's answer, pretty-printed when it is JSON (API key already redacted). */
  responsePretty: string | null;
}

export interface EventView {
  id: number;
  at: string;
  type: string;
  detail: Record<string, unknown> | null;
  actor: string | null;
}

/** Everything the detail page shows, ready to render. */
export interface DetailView {
  summary: HistoryItem & {
    authenticationCode: string | null;
    url: string | null;
    draftId: string | null;
    payloadSha256: string;
    nextAction: string | null;
    nextAttemptAt: string | null;
    deadlineAt: string;
  };
  lastError: { kind: string; httpStatus: number | null; message: string } | null;
  errors: PlacedError[];
  sent: SentDocument | null;
  payloadPretty: string;
  attempts: AttemptView[];
  events: EventView[];
  actions: DocumentAction[];
  /** Who closed the entry out (voided it), when and why; null while open. */
  closed: { at: string; by: string; reason: string } | null;
  /** SVG markup of a QR code of the document URL (drawn by the server from our own data). */
  qrSvg: string | null;
  /** The link the QR code opens (AADE's), its text alternative. */
  qrUrl: string | null;
  /** The provider's PDF and XML, served through the dashboard. */
  pdfHref: string | null;
  /** Where the provider was asked to e-mail the PDF (SendAsPdf of the payload sent); empty when it was not. */
  pdfEmailedTo: string[];
  xmlHref: string | null;
}
