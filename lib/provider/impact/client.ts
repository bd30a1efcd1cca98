import "server-only";
import { authHeaders, authSecret, type ProviderAuth } from "@/lib/provider/impact/auth";
import type {
  DocumentFileKind,
  DocumentFileOutcome,
  ProviderClient,
  ProviderClientConfig,
  SendOptions,
} from "@/lib/provider/client-types";
import { transportFailure, type TransportFailure } from "@/lib/provider/errors";
import { performRequest, type TransportResult } from "@/lib/provider/http-transport";
import { headerValue } from "@/lib/provider/impact/response-fields";
import { classifyLookupResponse, statusLookupPath } from "@/lib/provider/impact/status-lookup";
import { classifySendResponse, redactApiKey } from "@/lib/provider/impact/transform";
import type { LookupOutcome, SendOutcome } from "@/lib/provider/types";

/** Largest JSON answer read from the provider; a 201 body is a few hundred bytes. */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** Largest document file (PDF / XML) read from the portal. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_USER_AGENT = "credit-desk/0.1";

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
  options?: SendOptions | undefined;
  withAuth: boolean;
  maxBodyBytes: number;
}

/** Builds the provider adapter over node:http(s) for one base URL and key. */
export function createProviderClient(config: ProviderClientConfig): ProviderClient {
  const base = config.baseUrl.replace(/\/+$/, "");
  const auth: ProviderAuth = { kind: "apiKey", apiKey: config.apiKey };
  const redact = (text: string): string => redactApiKey(text, authSecret(auth));

  function headersFor(spec: CallSpec): Record<string, string> {
    // Later entries replace earlier ones case-insensitively; authentication always comes last.
    const merged = new Map<string, [string, string]>();
    const add = (entries: Record<string, string>): void => {
      for (const [name, value] of Object.entries(entries)) merged.set(name.toLowerCase(), [name, value]);
    };
    add({ "User-Agent": config.userAgent ?? DEFAULT_USER_AGENT, Accept: spec.accept });
    if (spec.body !== undefined) add({ "Content-Type": JSON_TYPE });
    add(spec.options?.headers ?? {});
    if (spec.withAuth) add(authHeaders(auth));
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

  async function post(path: string, bodyText: string, options: SendOptions | undefined): Promise<SendOutcome> {
    const url = `${base}${path}`;
    const result = await call({
      method: "POST", url, accept: JSON_TYPE, body: bodyText, options, withAuth: true, maxBodyBytes: MAX_RESPONSE_BYTES,
    });
    if (!result.ok) return ambiguousOutcome(result);
    return classifySendResponse(result.httpStatus, result.headers, redact(result.body.toString("utf8")));
  }

  return {
    async sendDocument(document, options) {
      const text = serialise(document);
      if (text === undefined) {
        return ambiguousOutcome(transportFailure("unexpected", false, "Document cannot be serialised as JSON"));
      }
      return post("/Invoice/json", text, options);
    },

    async creditExisting(request, options) {
      return post("/Invoice/credit", JSON.stringify(request), options);
    },

    async lookupStatus(params, options): Promise<LookupOutcome> {
      const url = `${base}${statusLookupPath(params)}`;
      const result = await call({
        method: "GET", url, accept: JSON_TYPE, options, withAuth: true, maxBodyBytes: MAX_RESPONSE_BYTES,
      });
      if (!result.ok) return ambiguousOutcome(result);
      return classifyLookupResponse(result.httpStatus, result.headers, redact(result.body.toString("utf8")));
    },

    async fetchDocumentFile(documentUrl, kind): Promise<DocumentFileOutcome> {
      const url = `${documentUrl.replace(/\/+$/, "")}/${kind}`;
      // The URL comes from a provider answer; the key only goes to the provider's own origin.
      const withAuth = sameOrigin(url, base);
      const result = await call({ method: "GET", url, accept: FILE_ACCEPT[kind], withAuth, maxBodyBytes: MAX_FILE_BYTES });
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
