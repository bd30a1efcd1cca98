import "server-only";
import { XMLParser } from "fast-xml-parser";

/** One error myDATA listed in its ResponseDoc. */
export interface MyDataError {
  code: string | null;
  message: string;
}

/** What the provider's `myDataResponse` (myDATA's own ResponseDoc XML) says about the document. */
export interface MyDataResponse {
  statusCode: string | null;
  invoiceMark: string | null;
  invoiceUid: string | null;
  authenticationCode: string | null;
  qrUrl: string | null;
  errors: MyDataError[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // Every value stays text: a MARK keeps its digits, a code its leading zeros.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === "response" || name === "error",
});

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const textOf = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/**
 * Reads myDATA's ResponseDoc as the provider forwards it (also when it arrives HTML-escaped).
 * Only the first `<response>` counts: the dashboard sends one document per call. Null for text
 * that is not such a document.
 */
export function readMyDataResponse(xml: string): MyDataResponse | null {
  let text = xml.trim();
  if (text.startsWith("&lt;")) text = decodeEntities(text);
  if (!text.startsWith("<")) return null;
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch {
    return null;
  }
  const doc = isNode(parsed) ? parsed.ResponseDoc : undefined;
  if (!isNode(doc)) return null;
  const response = list(doc.response).find(isNode);
  if (response === undefined) return null;
  const errors = list(isNode(response.errors) ? response.errors.error : undefined)
    .filter(isNode)
    .map((error) => ({ code: textOf(error.code), message: textOf(error.message) ?? "" }))
    .filter((error) => error.code !== null || error.message !== "");
  return {
    statusCode: textOf(response.statusCode),
    invoiceMark: textOf(response.invoiceMark),
    invoiceUid: textOf(response.invoiceUid),
    authenticationCode: textOf(response.authenticationCode),
    qrUrl: textOf(response.qrUrl),
    errors,
  };
}

/** The provider sometimes HTML-escapes the XML it forwards. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, "&");
}
