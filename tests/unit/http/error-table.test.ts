import { describe, expect, it, vi } from "vitest";
import { AppError, ERROR_CODES, ValidationFailure, type ErrorCode } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/http/api";
import { STATUS_OF_CODE, statusOf } from "@/lib/http/status";
import { errorMessages, errorText } from "@/lib/i18n/error-messages";

/** Parameters each code's message quotes, as the services pass them. */
const PARAMS: Partial<Record<ErrorCode, Record<string, string | number>>> = {
  not_found: { subject: "document" },
  not_allowed_in_state: { action: "retry", status: "needs_attention", reason: "busy" },
  number_taken: { series: "A", number: "7" },
  body_too_large: { maxBytes: 16_384 },
  rate_limited: { minutes: 15, retryAfterSeconds: 900 },
  provider_file_unavailable: { detail: "HTTP 503" },
  already_credited: { mark: "400001000000003", credited: "7,99", total: "7,99", remaining: "0,00", requested: "7,99" },
  original_unverifiable: { detail: "HTTP 503" },
};

describe("the error table", () => {
  it("gives every code a status, a Greek and an English message, and nothing more", () => {
    expect(Object.keys(STATUS_OF_CODE).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(errorMessages).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      expect(statusOf(code), code).toBeGreaterThanOrEqual(400);
      expect(statusOf(code), code).toBeLessThan(600);
      for (const locale of ["el", "en"] as const) {
        const text = errorText(code, locale, PARAMS[code]);
        expect(text, `${code}/${locale}`).not.toBe("");
        expect(text, `${code}/${locale}`).not.toMatch(/[{}]/);
      }
    }
  });

  // The public API's statuses: a change here is a change of the HTTP API (README "HTTP API").
  it.each([
    ["validation", 422], ["invalid_body", 400], ["invalid_idempotency_key", 400], ["unauthorized", 401], ["invalid_credentials", 401],
    ["forbidden", 403], ["cross_origin", 403], ["not_found", 404], ["no_document_url", 404], ["not_allowed_in_state", 409],
    ["number_taken", 409], ["draft_issued", 409], ["vat_taken", 409], ["branch_taken", 409], ["series_taken", 409],
    ["series_in_use", 409], ["email_taken", 409], ["last_admin", 409], ["body_too_large", 413], ["unsupported_media_type", 415],
    ["rate_limited", 429], ["internal", 500], ["provider_file_unavailable", 502], ["already_credited", 409], ["original_unverifiable", 502],
  ] as const)("%s → %i", (code, status) => {
    expect(statusOf(code)).toBe(status);
  });

  it("words parameters in the caller's language", () => {
    expect(errorText("not_found", "el", { subject: "document" })).toBe("Το παραστατικό δεν βρέθηκε.");
    expect(errorText("not_found", "en", { subject: "series" })).toBe("The series was not found.");
    expect(errorText("not_found", "en")).toBe("The entry was not found.");
    expect(errorText("not_allowed_in_state", "el", { action: "fix", status: "accepted" })).toBe("Η διόρθωση δεν επιτρέπεται όσο το παραστατικό είναι «Εγκρίθηκε».");
    expect(errorText("not_allowed_in_state", "en", { action: "retry", status: "needs_attention", reason: "busy" }))
      .toBe("Resending is not possible while the document is “Needs attention”: it is being sent right now.");
    expect(errorText("number_taken", "en", { series: "A", number: "7" })).toBe("Number A/7 is already held by another document of the issuer.");
  });
});

describe("the error mapper", () => {
  it("answers an AppError with its status and {error:{code, message}, correlationId}", async () => {
    const response = errorResponse(new AppError("not_found", { subject: "draft" }), "corr-1", "en");
    expect(response.status).toBe(404);
    expect(response.headers.get("X-Correlation-Id")).toBe("corr-1");
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "The draft was not found." }, correlationId: "corr-1" });
  });

  it("answers field errors 422 {errors:[{path, code, message}], correlationId}", async () => {
    const errors = [{ path: "draft.series", code: "required", message: "Σειρά: είναι υποχρεωτικό" }];
    const response = errorResponse(new ValidationFailure(errors), "corr-2", "el");
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ errors, correlationId: "corr-2" });
  });

  it("says when to try again after throttling", () => {
    const response = errorResponse(new AppError("rate_limited", { minutes: 1, retryAfterSeconds: 42 }), "corr-3", "el");
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("42");
  });

  it("answers anything else 500 in the caller's language, without internals", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = errorResponse(new TypeError("select * from users"), "corr-4", "el");
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: { code: "internal", message: "Παρουσιάστηκε σφάλμα στον διακομιστή." }, correlationId: "corr-4" });
    } finally {
      spy.mockRestore();
    }
  });
});
