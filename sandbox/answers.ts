/** The provider's answer bodies, worded as the real service words them (impact-api.md §3). */
import { documentUrl } from "./context";
import { replyJson, type Exchange } from "./exchange";
import type { FieldError, StoredDocument } from "./types";

export const MESSAGES = {
  unauthorized: "Unauthorized",
  validationFailed: "Validation failed",
  invalidJson: "The request body is not valid JSON.",
  transmitted: "Document transmitted",
  duplicate409: "This invoice has already been transmitted to our systems",
  duplicate2xx: "Document has already been transmitted",
  processing: "Document is still being processed. Please try again later.",
  saveError: "Could not accept document. Please resend.",
  iaprTimeout: "IAPR is not available at the moment. Please try again later.",
} as const;

export function replyUnauthorized(ex: Exchange): void {
  replyJson(ex, 401, { success: false, message: MESSAGES.unauthorized, errors: [] }, "unauthorized");
}

export function replyInvalidJson(ex: Exchange): void {
  const errors: FieldError[] = [{ code: "InvalidJson", message: MESSAGES.invalidJson, field: null }];
  replyJson(ex, 400, { success: false, message: MESSAGES.invalidJson, errors }, "rejected");
}

export function replyRejected(ex: Exchange, message: string, errors: FieldError[]): void {
  replyJson(ex, 400, { success: false, message, errors }, "rejected");
}

export function replyProcessing(ex: Exchange): void {
  replyJson(ex, 408, { success: false, message: MESSAGES.processing }, "processing");
}

/** 409, or a 200 with success:false when the control API chose the "2xx" duplicate shape. */
export function replyDuplicate(ex: Exchange, existing: StoredDocument): void {
  const base = { success: false, mark: existing.mark, uid: existing.uid, internalId: existing.internalId };
  if (ex.ctx.settings.duplicateShape === "2xx") {
    replyJson(ex, 200, { ...base, message: MESSAGES.duplicate2xx }, "duplicate");
  } else {
    replyJson(ex, 409, { ...base, message: MESSAGES.duplicate409 }, "duplicate");
  }
}

export function replySaveError(ex: Exchange, outcome: string): void {
  replyJson(ex, 500, { success: false, message: MESSAGES.saveError }, outcome);
}

export function replyIaprTimeout(ex: Exchange, outcome: string): void {
  replyJson(ex, 408, { success: false, message: MESSAGES.iaprTimeout }, outcome);
}

/** The 201 body: what a client must keep (MARK, UID, authentication code, document url). */
export function successBody(ex: Exchange, doc: StoredDocument): Record<string, unknown> {
  const url = documentUrl(ex.ctx, doc.signature);
  return {
    success: true,
    message: MESSAGES.transmitted,
    mark: doc.mark,
    uid: doc.uid,
    authenticationCode: doc.authenticationCode,
    url,
    series: doc.document.series,
    number: doc.document.number,
    internalId: doc.internalId,
    qrUrl: url,
  };
}
