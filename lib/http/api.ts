import "server-only";
import { randomUUID } from "node:crypto";
import { auditRefusal } from "@/lib/audit/refusals";
import { AppError, ValidationFailure } from "@/lib/domain/errors";
import { getEnv } from "@/lib/env";
import { errorText } from "@/lib/i18n/error-messages";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locale";
import { safeLog } from "@/lib/log/redact";
import { isJsonMediaType } from "./media-type";
import { checkOrigin } from "./origin";
import { statusOf } from "./status";

export interface ApiContext<P> {
  req: Request;
  params: P;
  correlationId: string;
  locale: Locale;
}

const baseHeaders = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** A JSON response that is never cached. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { ...baseHeaders, "Content-Type": "application/json; charset=utf-8", ...init.headers },
  });
}

/** Reads a JSON body with a size cap; malformed or oversized bodies become 400 / 413, never 500. */
export async function readJsonBody(req: Request, maxBytes = 2_000_000): Promise<unknown> {
  if (!isJsonMediaType(req.headers.get("content-type"))) throw new AppError("unsupported_media_type");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("body_too_large", { maxBytes });
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("body_too_large", { maxBytes });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_body");
  }
}

/** The query string as a plain object, empty values left out. */
export function queryOf(req: Request): Record<string, string> {
  const params = new URL(req.url).searchParams;
  return Object.fromEntries([...params.entries()].filter(([, value]) => value !== ""));
}

/** Headers an error's parameters call for (how long to wait before trying again). */
function headersOf(error: AppError): Record<string, string> {
  const wait = error.params.retryAfterSeconds;
  return error.code === "rate_limited" && wait !== undefined ? { "Retry-After": String(wait) } : {};
}

/**
 * The one error mapper: field errors → 422 `{errors:[{path, code, message}]}`, any other
 * AppError → its code's status with `{error:{code, message}}` in the caller's language,
 * anything else → 500 without internals (logged, redacted, under the correlation id).
 */
export function errorResponse(error: unknown, correlationId: string, locale: Locale): Response {
  const headers = { "X-Correlation-Id": correlationId };
  if (error instanceof ValidationFailure) {
    return json({ errors: error.errors, correlationId }, { status: statusOf("validation"), headers });
  }
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: errorText(error.code, locale, error.params) }, correlationId };
    return json(body, { status: statusOf(error.code), headers: { ...headers, ...headersOf(error) } });
  }
  const name = error instanceof Error ? error.name : typeof error;
  safeLog.error(`[api] ${correlationId} unexpected ${name}: ${error instanceof Error ? error.message : String(error)}`);
  return json({ error: { code: "internal", message: errorText("internal", locale) }, correlationId }, { status: statusOf("internal"), headers });
}

/**
 * Wraps a route handler: correlation id, caller language, error mapping, and the cross-site
 * request forgery guard (a state-changing request from another origin is refused with 403
 * before the handler runs). Handlers stay thin (parse → call lib → respond); `withAuth` in
 * lib/auth composes around this one.
 */
export function withApi<P = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<Response>,
): (req: Request, route: { params: Promise<P> }) => Promise<Response> {
  return async (req, route) => {
    const correlationId = req.headers.get("x-correlation-id")?.slice(0, 64).replace(/[^\w-]/g, "") || randomUUID();
    const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
    const origin = checkOrigin(req, { appUrl: getEnv().appUrl });
    if (!origin.ok) {
      await auditRefusal({ correlationId, method: req.method, path: new URL(req.url).pathname, status: 403, reason: `cross_origin:${origin.reason}` });
      return errorResponse(new AppError("cross_origin"), correlationId, locale);
    }
    try {
      const params = route?.params ? await route.params : ({} as P);
      const response = await handler({ req, params, correlationId, locale });
      response.headers.set("X-Correlation-Id", correlationId);
      return response;
    } catch (error) {
      return errorResponse(error, correlationId, locale);
    }
  };
}
