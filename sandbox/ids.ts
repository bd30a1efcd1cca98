/** Identifiers the sandbox issues: UID, authentication code, MARK, document signature, tokens. */
import { createHash, randomBytes } from "node:crypto";

/** MARKs are 15-digit numbers like myDATA's; the first one issued is MARK_BASE + 1. */
const MARK_BASE = 400_001_000_000_000;

/** Latin-1 code points that ISO-8859-7 keeps at the same byte. */
const SHARED_LATIN1 = new Set([0xa0, 0xa3, 0xa6, 0xa7, 0xa8, 0xa9, 0xab, 0xac, 0xad, 0xb0, 0xb1, 0xb2, 0xb3, 0xb7, 0xbb, 0xbd]);

/**
 * ISO-8859-7 bytes of a text (myDATA hashes the UID in that encoding, so a Greek series hashes
 * the way AADE's does). Greek letters U+0384–U+03CE sit at byte = code point − 0x2D0; anything
 * the charset lacks becomes "?".
 */
export function encodeIso88597(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0xa0 || SHARED_LATIN1.has(code)) bytes.push(code < 0x100 ? code : 0x3f);
    else if (code >= 0x384 && code <= 0x3ce && code !== 0x3a2) bytes.push(code - 0x2d0);
    else if (code === 0x2018 || code === 0x2019) bytes.push(code - 0x2018 + 0xa1);
    else if (code === 0x2015) bytes.push(0xaf);
    else if (code === 0x20ac) bytes.push(0xa4);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}

function sha1Upper(text: string): string {
  return createHash("sha1").update(encodeIso88597(text)).digest("hex").toUpperCase();
}

export interface UidParts {
  issuerAfm: string;
  /** YYYY-MM-DD */
  issueDate: string;
  branch: number;
  invoiceType: string;
  series: string;
  number: string;
}

/** myDATA UID: SHA-1 of `{afm}-{date}-{branch}-{type}-{series}-{number}`, uppercase hex (docs/reference/mydata-rules.md §8). */
export function computeUid(parts: UidParts): string {
  return sha1Upper([parts.issuerAfm, parts.issueDate, parts.branch, parts.invoiceType, parts.series, parts.number].join("-"));
}

export interface AuthenticationCodeParts extends UidParts {
  mark: string;
  /** "7.99" style texts of the document's totals. */
  gross: string;
  vat: string;
  counterpartyAfm: string;
}

/** SHA-1 over issuer AFM, date, branch, type, series, number, MARK, gross, VAT and counterpart AFM. */
export function computeAuthenticationCode(parts: AuthenticationCodeParts): string {
  return sha1Upper([
    parts.issuerAfm, parts.issueDate, parts.branch, parts.invoiceType, parts.series, parts.number,
    parts.mark, parts.gross, parts.vat, parts.counterpartyAfm,
  ].join("-"));
}

/** The MARK for the n-th accepted document (n ≥ 1). */
export function markForSequence(sequence: number): string {
  return String(MARK_BASE + sequence);
}

/** Sequence number of a MARK issued by markForSequence; 0 for anything else. */
export function sequenceOfMark(mark: string): number {
  const value = Number(mark);
  return Number.isSafeInteger(value) && value > MARK_BASE ? value - MARK_BASE : 0;
}

/** Unguessable token of a portal document link: 32 uppercase hex digits, as the provider's. */
export function newSignature(): string {
  return randomBytes(16).toString("hex").toUpperCase();
}

/** The provider's `integritySignature`: two SHA-1 digests joined by "-", derived from the document's identifiers. */
export function integritySignature(parts: { uid: string; mark: string; authenticationCode: string }): string {
  return `${sha1Upper(`${parts.uid}|${parts.mark}`)}-${sha1Upper(`${parts.authenticationCode}|${parts.mark}`)}`;
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Europe/Athens wall-clock time as the provider writes it: "YYYY-MM-DDTHH:mm:ss". */
export function athensDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Athens", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((entry) => entry.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}:${part("second")}`;
}
