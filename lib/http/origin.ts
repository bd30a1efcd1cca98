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
 * The dashboard's own origin as this request reached it: the forwarded host/protocol when a
 * reverse proxy set them (Next fills them from the socket otherwise), else the Host header and
 * the URL's scheme.
 */
export function ownOrigin(url: string, headers: HeaderSource): { protocol: string; host: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const protocol = (firstValue(headers.get("x-forwarded-proto")) ?? parsed.protocol.replace(/:$/, "")).toLowerCase();
  const host = (firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host")) ?? parsed.host).toLowerCase();
  try {
    // Normalises default ports away (`example.com:443` over https is `example.com`).
    const normal = new URL(`${protocol}://${host}`);
    return { protocol: normal.protocol.replace(/:$/, ""), host: normal.host };
  } catch {
    return undefined;
  }
}

function isSameOrigin(candidate: string, own: { protocol: string; host: string }): boolean | "unparsable" {
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return "unparsable";
  }
  if (parsed.host.toLowerCase() !== own.host) return false;
  const protocol = parsed.protocol.replace(/:$/, "");
  // An https page may reach us through a TLS-terminating proxy that did not say so
  // (x-forwarded-proto "http"); an http page can never pass for our https origin.
  return protocol === own.protocol || (protocol === "https" && own.protocol === "http");
}

/**
 * Decides whether a request may change state. Refused: `Sec-Fetch-Site: cross-site` (or
 * `same-site`), `Origin: null`, an Origin that is not the dashboard's own, and — when the
 * browser sent no Origin — a Referer from elsewhere. A request with neither Origin nor Referer
 * nor Fetch Metadata comes from a non-browser client (automation, curl), which cannot carry a
 * victim's cookie by accident, and passes.
 */
export function checkOrigin(request: { method: string; url: string; headers: HeaderSource }): OriginVerdict {
  if (!isStateChanging(request.method)) return { ok: true };
  const fetchSite = request.headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (fetchSite === "cross-site" || fetchSite === "same-site") return { ok: false, reason: "cross_site_fetch" };
  const origin = request.headers.get("origin")?.trim();
  const own = ownOrigin(request.url, request.headers);
  if (origin !== undefined && origin !== "") {
    if (origin.toLowerCase() === "null") return { ok: false, reason: "null_origin" };
    if (own === undefined) return { ok: false, reason: "unparsable_origin" };
    const same = isSameOrigin(origin, own);
    if (same === "unparsable") return { ok: false, reason: "unparsable_origin" };
    return same ? { ok: true } : { ok: false, reason: "foreign_origin" };
  }
  const referer = request.headers.get("referer")?.trim();
  if (referer !== undefined && referer !== "") {
    if (own === undefined) return { ok: false, reason: "unparsable_origin" };
    const same = isSameOrigin(referer, own);
    return same === true ? { ok: true } : { ok: false, reason: "foreign_referer" };
  }
  return { ok: true };
}
