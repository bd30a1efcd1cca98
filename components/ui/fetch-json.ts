import type { Locale } from "@/lib/i18n/locale";

/** One field error of a 422 answer. */
export interface ApiFieldError {
  path: string;
  code: string;
  message: string;
}

/**
 * A failed call to the dashboard's API, with what the server said: the HTTP status (0 when the
 * server could not be reached), its message in the caller's language, the field errors of a 422,
 * its error code, and the correlation id that finds the request in the server's log.
 */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: ApiFieldError[] = [],
    readonly code?: string,
    readonly correlationId?: string,
  ) {
    super(message);
  }
}

function errorOf(response: Response, body: unknown, fallback: string): ApiError {
  const shaped = body as { error?: { message?: unknown; code?: unknown }; errors?: unknown; correlationId?: unknown } | null;
  const fieldErrors = Array.isArray(shaped?.errors)
    ? shaped.errors.filter((e): e is ApiFieldError => typeof e === "object" && e !== null && typeof (e as ApiFieldError).message === "string")
    : [];
  const message = typeof shaped?.error?.message === "string"
    ? shaped.error.message
    : fieldErrors.length > 0 ? fieldErrors.map((e) => e.message).join(" · ") : fallback;
  const code = typeof shaped?.error?.code === "string" ? shaped.error.code : undefined;
  const correlationId = typeof shaped?.correlationId === "string" ? shaped.correlationId : (response.headers.get("x-correlation-id") ?? undefined);
  return new ApiError(response.status, message, fieldErrors, code, correlationId);
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Language of the server's messages (it reads Accept-Language). */
  locale: Locale;
  headers?: Record<string, string>;
  /** Lets the request outlive the page (a last save while the tab closes). */
  keepalive?: boolean;
  signal?: AbortSignal;
  /** Message when the server said nothing usable. */
  fallbackMessage?: string;
}

/**
 * Calls the dashboard's own JSON API (same origin, session cookie) and returns the parsed body;
 * throws ApiError with the server's message and field errors otherwise (status 0: unreachable).
 * The one way client code talks to the API: client components pass `useLocale()` as `locale`.
 */
export async function requestJson<T>(url: string, options: RequestOptions): Promise<T> {
  const fallback = options.fallbackMessage ?? (options.locale === "en" ? "That did not work. Please try again." : "Η ενέργεια απέτυχε. Δοκιμάστε ξανά.");
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "GET",
      headers: {
        Accept: "application/json",
        "Accept-Language": options.locale,
        ...(options.body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      keepalive: options.keepalive,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, options.locale === "en" ? "The server cannot be reached." : "Δεν υπάρχει σύνδεση με τον διακομιστή.");
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === "" ? null : (JSON.parse(text) as unknown);
  } catch {
    body = null;
  }
  if (!response.ok) throw errorOf(response, body, fallback);
  return body as T;
}
