/** Shared pieces of the sandbox tests: a raw HTTP client and fresh copies of the provider's 5.2 sample. */
import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { request, type IncomingHttpHeaders } from "node:http";
import { fileURLToPath } from "node:url";
import type { TestSandbox } from "@/tests/support/sandbox";

export type Json = Record<string, unknown>;

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  text: string;
}

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The client gives up after this long and rejects with code "CLIENT_TIMEOUT". */
  timeoutMs?: number;
}

/** One request on a fresh connection (no keep-alive), so resets and hangs are seen as they happen. */
export function http(url: string, options: HttpOptions = {}): Promise<HttpResult> {
  const body = options.body === undefined ? undefined
    : typeof options.body === "string" || Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method ?? (body === undefined ? "GET" : "POST"), agent: false,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...options.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text: raw.toString("utf8") });
      });
    });
    req.on("error", reject);
    if (options.timeoutMs !== undefined) {
      req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error("client timeout"), { code: "CLIENT_TIMEOUT" })));
    }
    req.end(body);
  });
}

export function json<T = Json>(result: HttpResult): T {
  return JSON.parse(result.text) as T;
}

/** Rejection code of a request that did not complete ("ECONNRESET", "CLIENT_TIMEOUT", …). */
export async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? "UNKNOWN";
  }
  return "COMPLETED";
}

const SAMPLE_PATH = fileURLToPath(new URL("../../fixtures/reference/5.2-b2b-credit-invoice-non-associated.json", import.meta.url));
const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, "utf8");

/** The provider's 5.2 sample with the demo issuer VAT and a fresh number and InternalDocumentId. */
export function sampleDocument(): Json {
  const doc = JSON.parse(SAMPLE_TEXT) as Json;
  setPath(doc, "Issuer.Vat", "EL094259216");
  setPath(doc, "Number", String(randomInt(1, 1_000_000_000)));
  setPath(doc, "DistributionDetails.InternalDocumentId", randomUUID());
  return doc;
}

export function internalIdOf(doc: Json): string {
  return String(getPath(doc, "DistributionDetails.InternalDocumentId"));
}

function segments(path: string): (string | number)[] {
  return path.split(".").flatMap((part) => {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    const name = match?.[1] ?? part;
    const indexes = [...(match?.[2] ?? "").matchAll(/\[(\d+)\]/g)].map((index) => Number(index[1]));
    return [...(name === "" ? [] : [name]), ...indexes];
  });
}

function walk(doc: unknown, keys: (string | number)[]): unknown {
  return keys.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], doc);
}

export function getPath(doc: unknown, path: string): unknown {
  return walk(doc, segments(path));
}

/** Sets (or with `undefined`, deletes) the value at a path such as "Details[0].VATTotal". */
export function setPath(doc: Json, path: string, value: unknown): void {
  const keys = segments(path);
  const last = keys.pop();
  const parent = walk(doc, keys) as Record<string | number, unknown>;
  if (last === undefined) return;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

/** Keys of every object turned to camelCase, as some provider samples write them. */
export function camelCased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCased);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.charAt(0).toLowerCase() + key.slice(1), camelCased(inner)]));
}

export function send(sandbox: TestSandbox, doc: unknown, headers: Record<string, string> = {}, timeoutMs?: number): Promise<HttpResult> {
  return http(`${sandbox.baseUrl}/Invoice/json`, {
    body: doc, headers: { APIKey: sandbox.apiKey, ...headers }, ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}

export function status(sandbox: TestSandbox, query: string, headers: Record<string, string> = { APIKey: sandbox.apiKey }): Promise<HttpResult> {
  return http(`${sandbox.baseUrl}/MyData/status?${query}`, { headers });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The 201 body of POST /Invoice/json, which 409s repeat for the stored document (docs/reference/observed-uat.md §1–2). */
export interface Registered {
  integritySignature: string;
  signature: string;
  uid: string;
  mark: number;
  authenticationCode: string;
  myDataResponse: string;
  status: string;
  series: string;
  number: string;
  dateIssued: string;
  domain: string;
  url: string;
  erpQrCode: string;
  internalId: string;
  success: boolean;
  uniqueId?: string;
  message?: string;
}

/** A 400 in the observed shape (docs/reference/observed-uat.md §3). */
export interface ValidationAnswer {
  myDataResponse: string;
  myDataErrors: { key: number; value: string }[];
  errorMessage: string;
  myDataRequest: string;
  success: boolean;
  message: string;
}

/** The AADE codes of a 400, read from the `<code>` elements of its myDataResponse. */
export function errorCodes(body: ValidationAnswer): string[] {
  return [...body.myDataResponse.matchAll(/<code>([^<]*)<\/code>/g)].map((match) => match[1] ?? "");
}

/** A row of GET /api/Invoice/GetDocuments (docs/reference/observed-uat.md §7). */
export interface DocumentRow {
  series: string;
  number: string;
  branchCode: number;
  posId: null;
  dateIssued: string;
  counterPartyVAT: string | null;
  mark: number;
  uid: string;
  authenticationCode: string;
  invoiceType: string;
  dateUpdated: string;
  isViewed: boolean;
  isAccepted: boolean;
  isArchivedByIssuer: boolean;
  totalAmount: number;
  totalVatAmount: number;
  url: string;
}

export function listDocuments(
  sandbox: TestSandbox, page: number | string, query = "", headers: Record<string, string> = { APIKey: sandbox.apiKey },
): Promise<HttpResult> {
  return http(`${sandbox.baseUrl}/api/Invoice/GetDocuments/${sandbox.vat}/${String(page)}/${query === "" ? "" : `?${query}`}`, { headers });
}

/** "yyyyMMdd" of a YYYY-MM-DD date. */
export const compactDay = (isoDay: string): string => isoDay.replaceAll("-", "");

export function sendCredit(sandbox: TestSandbox, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<HttpResult> {
  return http(`${sandbox.baseUrl}/Invoice/credit`, { body, headers: { APIKey: sandbox.apiKey, ...headers } });
}

export function login(sandbox: TestSandbox, vat: string, key: string): Promise<HttpResult> {
  return http(`${sandbox.baseUrl}/Authentication/login`, { body: { key, vat } });
}
