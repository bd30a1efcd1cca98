/**
 * Where sign-in may send the browser afterwards. Pure, so the table of hostile inputs is tested
 * once. The value comes from the query string (`/login?next=…`), so it is attacker-chosen.
 */

const PLACEHOLDER_ORIGIN = "http://return-path.invalid";

/** Paths that would loop back into sign-in or are not pages. */
const NOT_A_DESTINATION = /^\/(login|setup)(\/|$)|^\/api(\/|$)/;

/**
 * A same-origin path inside the dashboard that sign-in may return to; anything else becomes "/".
 * Refused before parsing: control characters and whitespace (browsers drop tabs and newlines, so
 * `/\t/evil.example` would become `//evil.example`), backslashes (read as `/`), `//` and anything
 * with a scheme. After parsing with the WHATWG URL parser the result must still be on the same
 * origin and must not start with `//`; the parsed form is returned, never the raw input.
 */
export function safeReturnPath(path: string | null | undefined): string {
  if (!path || path.length > 500) return "/";
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/.test(path)) return "/";
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  let parsed: URL;
  try {
    parsed = new URL(path, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (parsed.origin !== PLACEHOLDER_ORIGIN || parsed.pathname.startsWith("//")) return "/";
  if (NOT_A_DESTINATION.test(parsed.pathname)) return "/";
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
