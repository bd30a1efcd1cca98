import "server-only";
import { randomUUID } from "node:crypto";
import { auditRefusal } from "@/lib/auth/refusals";
import { checkRequestOrigin } from "@/lib/auth/request-origin";
import { safeLog } from "@/lib/auth/redact";
import { authT } from "@/lib/i18n/auth-messages";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locale";
import { messageOfCode } from "@/lib/validation/errors";
import { HttpError, ValidationFailure } from "./errors";
import { isJsonMediaType } from "./media-type";

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
  if (!isJsonMediaType(req.headers.get("content-type"))) {
    throw new HttpError(415, "unsupported_media_type", "Content-Type must be application/json");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new HttpError(413, "body_too_large", `Body larger than ${maxBytes} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new HttpError(413, "body_too_large", `Body larger than ${maxBytes} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "invalid_body", "The request body is not valid JSON");
  }
}

/** Maps any error to a response: field errors 422, known HTTP errors as they are, the rest 500 without internals. */
export function errorResponse(error: unknown, correlationId: string, locale: Locale): Response {
  const headers = { "X-Correlation-Id": correlationId };
  if (error instanceof ValidationFailure) {
    return json({ errors: error.errors, correlationId }, { status: 422, headers });
  }
  if (error instanceof HttpError) {
    const translated = messageOfCode(error.code, locale);
    const message = translated === error.code ? error.message : translated;
    return json({ error: { code: error.code, message }, correlationId }, { status: error.status, headers: { ...headers, ...error.headers } });
  }
  const name = error instanceof Error ? error.name : typeof error;
  safeLog.error(`[api] ${correlationId} unexpected ${name}: ${error instanceof Error ? error.message : String(error)}`);
  const message = locale === "en" ? "Something went wrong on the server." : "Παρουσιάστηκε σφάλμα στον διακομιστή.";
  return json({ error: { code: "internal", message }, correlationId }, { status: 500, headers });
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
    const origin = checkRequestOrigin(req);
    if (!origin.ok) {
      await auditRefusal({ correlationId, method: req.method, path: new URL(req.url).pathname, status: 403, reason: `cross_origin:${origin.reason}` });
      return errorResponse(new HttpError(403, "cross_origin", authT("auth.cross_origin", locale)), correlationId, locale);
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
