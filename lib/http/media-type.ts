/**
 * Content-Type parsing (RFC 9110 §8.3.1): `type "/" subtype *( OWS ";" OWS name=value )`. Pure.
 * Only the part before the first `;` is the media type; parameters never make a body JSON.
 */

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_TYPE = new RegExp(`^(${TOKEN})/(${TOKEN})$`);
const PARAMETER = new RegExp(`^(${TOKEN})=(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")$`);

export interface MediaType {
  /** `type/subtype`, lower case. */
  essence: string;
  /** Parameter names in lower case; quoted values unquoted. */
  parameters: Record<string, string>;
}

/** Parses a Content-Type header; undefined when it is missing or malformed. */
export function parseMediaType(header: string | null | undefined): MediaType | undefined {
  if (header === null || header === undefined) return undefined;
  const [head = "", ...rest] = header.split(";");
  const match = MEDIA_TYPE.exec(head.trim());
  if (match === null) return undefined;
  const parameters: Record<string, string> = {};
  for (const raw of rest) {
    const part = raw.trim();
    if (part === "") continue;
    const parameter = PARAMETER.exec(part);
    if (parameter === null) return undefined;
    const name = (parameter[1] ?? "").toLowerCase();
    const value = parameter[2] ?? "";
    parameters[name] = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value;
  }
  return { essence: match[0].toLowerCase(), parameters };
}

/** True for `application/json`, optionally with `charset=utf-8`; nothing else passes as JSON. */
export function isJsonMediaType(header: string | null | undefined): boolean {
  const type = parseMediaType(header);
  if (type?.essence !== "application/json") return false;
  const charset = type.parameters.charset?.toLowerCase();
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}
