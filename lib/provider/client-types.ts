import type { CreditExistingRequest, LookupOutcome, SendOutcome } from "@/lib/provider/types";
import type { DocumentQuery, ListedDocument, ListToParam } from "@/lib/provider/impact/document-list";

export type { DocumentQuery, ListedDocument, ListToParam };

/** Every document of an issuer the portal lists for a date range, or why the list could not be read. */
export type DocumentListOutcome =
  | { kind: "listed"; rows: ListedDocument[]; complete: boolean }
  | Extract<LookupOutcome, { kind: "unavailable" | "ambiguous" }>;

/** How calls authenticate: the `APIKey` header, or a bearer token from `POST /Authentication/login`. */
export type ProviderAuthMode = "apikey" | "bearer";

/** How to reach the provider. Comes from `getEnv().provider` in the app, from a sandbox in tests. */
export interface ProviderClientConfig {
  /** e.g. `https://einvoiceapiuat.impact.gr`; a trailing slash is ignored. */
  baseUrl: string;
  apiKey: string;
  /** Time allowed to open the connection. */
  connectTimeoutMs: number;
  /** Time allowed, once connected, for the complete answer. */
  responseTimeoutMs: number;
  userAgent?: string | undefined;
  /** Host of the document list (`https://einvoiceportaluat.impact.gr`); the base URL when omitted. */
  portalUrl?: string | undefined;
  /** `apikey` when omitted. */
  auth?: ProviderAuthMode | undefined;
  /** true: findDocument asks `GET /MyData/status` (contract unknown) instead of the document list. */
  statusLookup?: boolean | undefined;
  /** Name of the list's end-date parameter; `To` when omitted. */
  listToParam?: ListToParam | undefined;
  /** Milliseconds since the epoch; for token lifetimes. */
  clock?: (() => number) | undefined;
}

/** Per-call options of the sending calls. */
export interface SendOptions {
  /** Extra request headers (e.g. the provider's `erp` test header). Authentication headers always win. */
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
  /** The issuer whose token a bearer-mode call carries; read from the document when omitted. */
  issuerVat?: string | undefined;
}

export type DocumentFileKind = "pdf" | "aade";

/** A document file from the provider portal (`{url}/pdf` or `{url}/aade`). */
export type DocumentFileOutcome =
  | { ok: true; contentType: string; body: Buffer }
  | { ok: false; httpStatus: number | null; message: string };

/**
 * The provider adapter. Every method resolves to an outcome; none throws for transport or
 * provider trouble. Bodies and messages in outcomes have the API key redacted.
 */
export interface ProviderClient {
  /**
   * `POST {base}/Invoice/json`. A string is sent byte for byte, so a retry of stored JSON text
   * is identical to the first attempt; any other value is serialised with JSON.stringify.
   */
  sendDocument(document: unknown, options?: SendOptions): Promise<SendOutcome>;
  /** `POST {base}/Invoice/credit`: credit an already issued document. */
  creditExisting(request: CreditExistingRequest, options?: SendOptions): Promise<SendOutcome>;
  /**
   * Finds a document at the provider: in the portal's document list by series and number (by
   * default), or through `GET /MyData/status` when that adapter is switched on.
   */
  findDocument(query: DocumentQuery, options?: Pick<SendOptions, "signal">): Promise<LookupOutcome>;
  /**
   * Every document the portal lists for the issuer between two days (`YYYY-MM-DD`), all pages
   * (at most MAX_LIST_PAGES; `complete: false` when more were left).
   */
  listDocuments(query: Pick<DocumentQuery, "issuerVat" | "from" | "to">, options?: Pick<SendOptions, "signal">): Promise<DocumentListOutcome>;
  /** `GET {url}/pdf` or `{url}/aade`; redirects are not followed. */
  fetchDocumentFile(url: string, kind: DocumentFileKind): Promise<DocumentFileOutcome>;
  /**
   * Whether the provider can be reached now: a `GET {base}/` without credentials, which changes
   * nothing at the provider; true as soon as the connection opens, whatever it answers.
   */
  probe?(): Promise<boolean>;
}
