import "server-only";
import { authHeaders, type ProviderAuth } from "@/lib/provider/impact/auth";
import type {
  DocumentFileKind,
  DocumentFileOutcome,
  DocumentListOutcome,
  DocumentQuery,
  ListedDocument,
  ProviderClient,
  ProviderClientConfig,
  SendOptions,
} from "@/lib/provider/client-types";
import { transportFailure, type TransportFailure } from "@/lib/provider/errors";
import { performRequest, type TransportResult } from "@/lib/provider/http-transport";
import { BearerTokens, readTokenAnswer, type TokenCallResult, type TokenPair } from "@/lib/provider/impact/bearer-tokens";
import { documentListUrl, findListedRow, foundInList, readDocumentListPage } from "@/lib/provider/impact/document-list";
import { headerValue, isJsonObject, parseJsonObject, readField, readText } from "@/lib/provider/impact/response-fields";
import { classifyLookupResponse, statusLookupPath } from "@/lib/provider/impact/status-lookup";
import { classifySendResponse, redactApiKey, type SendEndpoint } from "@/lib/provider/impact/transform";
import type { LookupOutcome, SendOutcome } from "@/lib/provider/types";

/** Largest JSON answer read from the provider; a 201 body is a few kilobytes. */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** Largest document file (PDF / XML) read from the portal. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Pages of the document list read in one search before giving up (a page holds dozens of rows). */
export const MAX_LIST_PAGES = 50;
export const DEFAULT_USER_AGENT = "credit-desk/0.1";
/** The availability probe waits this long at most for an answer once connected. */
const PROBE_RESPONSE_TIMEOUT_MS = 2_000;
const PROBE_MAX_BODY_BYTES = 16 * 1024;

const JSON_TYPE = "application/json";
const FILE_ACCEPT: Record<DocumentFileKind, string> = {
  pdf: "application/pdf, */*;q=0.1",
  aade: "application/xml, text/xml, */*;q=0.1",
};

interface CallSpec {
  method: "GET" | "POST";
  url: string;
  accept: string;
  body?: string | undefined;
  options?: Pick<SendOptions, "headers" | "signal"> | undefined;
  auth: ProviderAuth | null;
  maxBodyBytes: number;
}

/** Builds the provider adapter over node:http(s) for one base URL and key. */
export function createProviderClient(config: ProviderClientConfig): ProviderClient {
  const base = config.baseUrl.replace(/\/+$/, "");
  const portal = (config.portalUrl ?? config.baseUrl).replace(/\/+$/, "");
  const apiKeyAuth: ProviderAuth = { kind: "apiKey", apiKey: config.apiKey };
  const clock = config.clock ?? Date.now;
  const redact = (text: string): string => redactApiKey(text, config.apiKey);

  function headersFor(spec: CallSpec): Record<string, string> {
    // Later entries replace earlier ones case-insensitively; authentication always comes last.
    const merged = new Map<string, [string, string]>();
    const add = (entries: Record<string, string>): void => {
      for (const [name, value] of Object.entries(entries)) merged.set(name.toLowerCase(), [name, value]);
    };
    add({ "User-Agent": config.userAgent ?? DEFAULT_USER_AGENT, Accept: spec.accept });
    if (spec.body !== undefined) add({ "Content-Type": JSON_TYPE });
    add(spec.options?.headers ?? {});
    if (spec.auth !== null) add(authHeaders(spec.auth));
    return Object.fromEntries(merged.values());
  }

  async function call(spec: CallSpec): Promise<TransportResult> {
    let url: URL;
    try {
      url = new URL(spec.url);
    } catch {
      return transportFailure("unexpected", false, `Invalid provider URL: ${redact(spec.url)}`);
    }
    const result = await performRequest({
      method: spec.method,
      url,
      headers: headersFor(spec),
      body: spec.body === undefined ? undefined : Buffer.from(spec.body, "utf8"),
      connectTimeoutMs: config.connectTimeoutMs,
      responseTimeoutMs: config.responseTimeoutMs,
      maxBodyBytes: spec.maxBodyBytes,
      signal: spec.options?.signal,
    });
    if (result.ok) return result;
    return { ...result, message: redact(result.message), body: result.body === null ? null : redact(result.body) };
  }

  async function tokenCall(path: string, requestBody: string, auth: ProviderAuth | null): Promise<TokenCallResult> {
    const result = await call({ method: "POST", url: `${base}${path}`, accept: JSON_TYPE, body: requestBody, auth, maxBodyBytes: MAX_RESPONSE_BYTES });
    if (!result.ok) return { ok: false, httpStatus: result.httpStatus, message: `${result.reason}: ${result.message}`, connected: result.connected };
    const text = redact(result.body.toString("utf8"));
    const pair = result.httpStatus >= 200 && result.httpStatus < 300 ? readTokenAnswer(text, clock()) : null;
    if (pair !== null) return { ok: true, pair };
    const body = parseJsonObject(text);
    const detail = (body === null ? undefined : readText(body, "message")) ?? `HTTP ${result.httpStatus}`;
    return { ok: false, httpStatus: result.httpStatus, message: `${path}: ${detail}`, connected: true };
  }

  const tokens = new BearerTokens(
    {
      async login(vat) {
        const first = await tokenCall("/Authentication/login", JSON.stringify({ key: config.apiKey, vat }), null);
        // One public client logs in with the EL prefix and, when refused, without it.
        const bare = vat.replace(/^(EL|GR)/i, "");
        if (first.ok || bare === vat || first.httpStatus === null || first.httpStatus >= 500) return first;
        return tokenCall("/Authentication/login", JSON.stringify({ key: config.apiKey, vat: bare }), null);
      },
      refresh(pair: TokenPair) {
        return tokenCall("/Authentication/Refresh", JSON.stringify(pair.refreshToken), { kind: "bearer", accessToken: pair.accessToken });
      },
    },
    clock,
  );

  /** The authentication a provider call carries, or the outcome that stops it when no token can be had. */
  async function authFor(issuerVat: string | undefined): Promise<{ auth: ProviderAuth; vat: string } | { failed: SendOutcome }> {
    if (config.auth !== "bearer") return { auth: apiKeyAuth, vat: issuerVat ?? "" };
    if (issuerVat === undefined || issuerVat.trim() === "") {
      return { failed: ambiguousOutcome(transportFailure("unexpected", false, "Bearer mode needs the issuer VAT of the call")) };
    }
    const token = await tokens.token(issuerVat);
    if (token.ok) return { auth: { kind: "bearer", accessToken: token.pair.accessToken }, vat: issuerVat };
    if (token.httpStatus === 401 || token.httpStatus === 403 || token.httpStatus === 400) {
      return { failed: { kind: "unauthorized", httpStatus: token.httpStatus, body: "", message: `Login refused: ${token.message}` } };
    }
    // The document itself was not sent: resending is safe.
    return { failed: ambiguousOutcome(transportFailure("connect", false, `Login failed: ${token.message}`, token.httpStatus)) };
  }

  async function post(path: string, endpoint: SendEndpoint, bodyText: string, issuerVat: string | undefined, options: SendOptions | undefined): Promise<SendOutcome> {
    const url = `${base}${path}`;
    for (let attempt = 0; ; attempt += 1) {
      const authorised = await authFor(options?.issuerVat ?? issuerVat);
      if ("failed" in authorised) return authorised.failed;
      const result = await call({ method: "POST", url, accept: JSON_TYPE, body: bodyText, options, auth: authorised.auth, maxBodyBytes: MAX_RESPONSE_BYTES });
      if (!result.ok) return ambiguousOutcome(result);
      // A refused token (expired early, revoked) changes nothing at the provider: log in again once.
      if (result.httpStatus === 401 && authorised.auth.kind === "bearer" && attempt === 0) {
        tokens.invalidate(authorised.vat, authorised.auth.accessToken);
        continue;
      }
      return classifySendResponse(result.httpStatus, result.headers, redact(result.body.toString("utf8")), { endpoint, nowMs: clock() });
    }
  }

  async function searchList(query: DocumentQuery, options: Pick<SendOptions, "signal"> | undefined): Promise<LookupOutcome> {
    let lastStatus = 404;
    for (let page = 1; page <= MAX_LIST_PAGES; ) {
      const url = documentListUrl(portal, query, page, config.listToParam ?? "To");
      const result = await call({ method: "GET", url, accept: JSON_TYPE, options, auth: apiKeyAuth, maxBodyBytes: MAX_RESPONSE_BYTES });
      if (!result.ok) return ambiguousOutcome(result);
      lastStatus = result.httpStatus;
      const read = readDocumentListPage(page, result.httpStatus, result.headers, redact(result.body.toString("utf8")));
      if (read.kind === "failed") return read.outcome;
      if (read.kind === "past_end") break;
      const row = findListedRow(read.rows, query);
      if (row !== undefined) return foundInList(row, result.httpStatus, JSON.stringify(row));
      if (read.nextPage === null) break;
      page = read.nextPage;
    }
    return { kind: "not_found", httpStatus: lastStatus, body: "" };
  }

  async function listAll(query: Pick<DocumentQuery, "issuerVat" | "from" | "to">, options: Pick<SendOptions, "signal"> | undefined): Promise<DocumentListOutcome> {
    const rows: ListedDocument[] = [];
    for (let page = 1; page <= MAX_LIST_PAGES; ) {
      const url = documentListUrl(portal, query, page, config.listToParam ?? "To");
      const result = await call({ method: "GET", url, accept: JSON_TYPE, options, auth: apiKeyAuth, maxBodyBytes: MAX_RESPONSE_BYTES });
      if (!result.ok) return ambiguousOutcome(result);
      const read = readDocumentListPage(page, result.httpStatus, result.headers, redact(result.body.toString("utf8")));
      if (read.kind === "failed") return read.outcome;
      if (read.kind === "past_end") return { kind: "listed", rows, complete: true };
      rows.push(...read.rows);
      if (read.nextPage === null) return { kind: "listed", rows, complete: true };
      page = read.nextPage;
    }
    return { kind: "listed", rows, complete: false };
  }

  async function lookupStatus(query: DocumentQuery, options: Pick<SendOptions, "signal"> | undefined): Promise<LookupOutcome> {
    const authorised = await authFor(query.issuerVat);
    if ("failed" in authorised) {
      const failed = authorised.failed;
      if (failed.kind === "ambiguous") return failed;
      return { kind: "unavailable", httpStatus: failed.httpStatus, body: null, message: "message" in failed ? failed.message : "Login failed" };
    }
    const url = `${base}${statusLookupPath({ internalId: query.internalId, mark: query.mark ?? undefined })}`;
    const result = await call({ method: "GET", url, accept: JSON_TYPE, options, auth: authorised.auth, maxBodyBytes: MAX_RESPONSE_BYTES });
    if (!result.ok) return ambiguousOutcome(result);
    const outcome = classifyLookupResponse(result.httpStatus, result.headers, redact(result.body.toString("utf8")));
    return outcome.kind === "found" ? { ...outcome, source: "status" } : outcome;
  }

  return {
    async sendDocument(document, options) {
      const text = serialise(document);
      if (text === undefined) {
        return ambiguousOutcome(transportFailure("unexpected", false, "Document cannot be serialised as JSON"));
      }
      return post("/Invoice/json", "json", text, issuerVatOf(text), options);
    },

    async creditExisting(request, options) {
      return post("/Invoice/credit", "credit", JSON.stringify(request), request.issuerTin, options);
    },

    async findDocument(query, options) {
      return config.statusLookup === true ? lookupStatus(query, options) : searchList(query, options);
    },

    async listDocuments(query, options) {
      return listAll(query, options);
    },

    async probe() {
      const result = await performRequest({
        method: "GET",
        url: new URL(`${base}/`),
        headers: { "User-Agent": config.userAgent ?? DEFAULT_USER_AGENT, Accept: "*/*" },
        connectTimeoutMs: config.connectTimeoutMs,
        responseTimeoutMs: Math.min(config.responseTimeoutMs, PROBE_RESPONSE_TIMEOUT_MS),
        maxBodyBytes: PROBE_MAX_BODY_BYTES,
      });
      return result.ok || result.connected;
    },

    async fetchDocumentFile(documentUrl, kind): Promise<DocumentFileOutcome> {
      const url = `${documentUrl.replace(/\/+$/, "")}/${kind}`;
      // The URL comes from a provider answer; the key only goes to the provider's own origins.
      const auth = sameOrigin(url, base) || sameOrigin(url, portal) ? apiKeyAuth : null;
      const result = await call({ method: "GET", url, accept: FILE_ACCEPT[kind], auth, maxBodyBytes: MAX_FILE_BYTES });
      if (!result.ok) return { ok: false, httpStatus: result.httpStatus, message: `${result.reason}: ${result.message}` };
      if (result.httpStatus >= 200 && result.httpStatus < 300) {
        const contentType = headerValue(result.headers, "content-type") ?? "application/octet-stream";
        return { ok: true, contentType, body: result.body };
      }
      const redirect = result.httpStatus >= 300 && result.httpStatus < 400 ? " (redirect not followed)" : "";
      return { ok: false, httpStatus: result.httpStatus, message: `Provider answered HTTP ${result.httpStatus}${redirect}` };
    },
  };
}

function serialise(document: unknown): string | undefined {
  if (typeof document === "string") return document;
  try {
    const text: unknown = JSON.stringify(document);
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

/** `Issuer.Vat` of a document's JSON text, for a bearer-mode call that was not told the issuer. */
function issuerVatOf(text: string): string | undefined {
  const document = parseJsonObject(text);
  const issuer = document === null ? undefined : readField(document, "issuer");
  return isJsonObject(issuer) ? readText(issuer, "vat") : undefined;
}

/** The same shape serves SendOutcome and LookupOutcome. */
function ambiguousOutcome(failure: TransportFailure): Extract<SendOutcome, { kind: "ambiguous" }> {
  const { reason, httpStatus, body, message, connected } = failure;
  return { kind: "ambiguous", reason, httpStatus, body, message, connected };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
