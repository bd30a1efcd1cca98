/**
 * Cross-site request forgery guard shared by the route wrappers and proxy.ts. Pure: it reads
 * only the request's method, URL and headers, so the same table of cases is tested once.
 */

/** Methods that never change state and are therefore not checked. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The headers the check reads; a `Headers` object fits. */
export interface HeaderSource {
  get(name: string): string | null;
}

export type OriginVerdict =
  | { ok: true }
  | { ok: false; reason: "cross_site_fetch" | "null_origin" | "foreign_origin" | "foreign_referer" | "unparsable_origin" };

/** True for POST, PUT, PATCH, DELETE and any other method that is not GET/HEAD/OPTIONS. */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

function firstValue(header: string | null): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/**
 * The dashboard's own origin: the configured public URL (`APP_URL`) when there is one, else the
 * Host header with the request URL's scheme. Never `X-Forwarded-Host` / `-Proto`: any client can
 * send those, and an origin check that believes them compares the attacker's page with itself.
 */
export function ownOrigin(url: string, headers: HeaderSource, appUrl?: string): { protocol: string; host: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(appUrl ?? url);
  } catch {
    return undefined;
  }
  const protocol = parsed.protocol.replace(/:$/, "").toLowerCase();
  const host = (appUrl !== undefined ? parsed.host : (firstValue(headers.get("host")) ?? parsed.host)).toLowerCase();
  try {
    // Normalises default ports away (`example.com:443` over https is `example.com`).
    const normal = new URL(`${protocol}://${host}`);
    return { protocol: normal.protocol.replace(/:$/, ""), host: normal.host };
  } catch {
    return undefined;
  }
}

function isSameOrigin(candidate: string, own: { protocol: string; host: string }, exact: boolean): boolean | "unparsable" {
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return "unparsable";
  }
  if (parsed.host.toLowerCase() !== own.host) return false;
  const protocol = parsed.protocol.replace(/:$/, "");
  // Without APP_URL, an https page may reach us through a TLS-terminating proxy (the request URL
  // says http); an http page can never pass for our https origin. With APP_URL, exactly.
  return protocol === own.protocol || (!exact && protocol === "https" && own.protocol === "http");
}

/**
 * Decides whether a request may change state. Refused: `Sec-Fetch-Site: cross-site` (or
 * `same-site`), `Origin: null`, an Origin that is not the dashboard's own (`appUrl` when set), and — when the
 * browser sent no Origin — a Referer from elsewhere. A request with neither Origin nor Referer
 * nor Fetch Metadata comes from a non-browser client (automation, curl), which cannot carry a
 * victim's cookie by accident, and passes.
 */
export function checkOrigin(
  request: { method: string; url: string; headers: HeaderSource },
  options: { appUrl?: string } = {},
): OriginVerdict {
  if (!isStateChanging(request.method)) return { ok: true };
  const fetchSite = request.headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (fetchSite === "cross-site" || fetchSite === "same-site") return { ok: false, reason: "cross_site_fetch" };
  const origin = request.headers.get("origin")?.trim();
  const own = ownOrigin(request.url, request.headers, options.appUrl);
  const exact = options.appUrl !== undefined;
  if (origin !== undefined && origin !== "") {
    if (origin.toLowerCase() === "null") return { ok: false, reason: "null_origin" };
    if (own === undefined) return { ok: false, reason: "unparsable_origin" };
    const same = isSameOrigin(origin, own, exact);
    if (same === "unparsable") return { ok: false, reason: "unparsable_origin" };
    return same ? { ok: true } : { ok: false, reason: "foreign_origin" };
  }
  const referer = request.headers.get("referer")?.trim();
  if (referer !== undefined && referer !== "") {
    if (own === undefined) return { ok: false, reason: "unparsable_origin" };
    const same = isSameOrigin(referer, own, exact);
    return same === true ? { ok: true } : { ok: false, reason: "foreign_referer" };
  }
  return { ok: true };
}
