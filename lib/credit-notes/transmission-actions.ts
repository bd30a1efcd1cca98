import "server-only";
import { recordAudit } from "@/lib/auth/audit";
import type { AuthUser } from "@/lib/auth/roles";
import { getReadyDb } from "@/lib/db/ready";
import { HttpError } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/locale";
import { getProviderClient } from "@/lib/provider";
import { ActionNotAllowedError, DocumentNotFoundError, refreshDocument, retryDocument } from "@/lib/sending";
import { wakeBackgroundSending } from "@/lib/sending/start";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(locale: Locale): HttpError {
  return new HttpError(404, "not_found", locale === "en" ? "No such document." : "Δεν υπάρχει τέτοιο παραστατικό.");
}

/** Maps the sending layer's typed refusals to HTTP answers. */
function mapActionError(error: unknown, locale: Locale): never {
  if (error instanceof DocumentNotFoundError) throw notFound(locale);
  if (error instanceof ActionNotAllowedError) {
    throw new HttpError(409, "not_allowed_in_state", locale === "en"
      ? `Not possible while the document is ${error.status}.`
      : `Δεν επιτρέπεται όσο το παραστατικό είναι σε κατάσταση ${error.status}.`);
  }
  throw error;
}

/** Runs a status look-up at the provider now, or queues a resend of the identical document. */
export async function runAction(action: "refresh" | "retry", id: string, ctx: { user: AuthUser; locale: Locale; correlationId: string }) {
  if (!UUID.test(id)) throw notFound(ctx.locale);
  const db = await getReadyDb();
  const result = await (action === "refresh"
    ? refreshDocument(db, getProviderClient(), id, { actor: ctx.user.email })
    : retryDocument(db, id, ctx.user.email)
  ).catch((error: unknown) => mapActionError(error, ctx.locale));
  await recordAudit(db, { actor: ctx.user, action: `transmission.${action}`, target: id, detail: { status: result.status, changed: result.changed }, correlationId: ctx.correlationId });
  if (action === "retry") wakeBackgroundSending();
  return result;
}
