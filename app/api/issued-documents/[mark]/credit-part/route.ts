import { withAuth } from "@/lib/auth/with-auth";
import { creditPartDraft } from "@/lib/credit-notes/credit-part";
import { getReadyDb } from "@/lib/db/ready";
import { json, readJsonBody } from "@/lib/http/api";
import { getProviderClient } from "@/lib/provider";

// POST /api/issued-documents/{mark}/credit-part {parts:[{lineNumber, quantity} or {lineNumber, amount}], series?, issuerVat?, on?} — a draft of a 5.1 crediting those lines, opened on the wizard's review step: 201 {draftId} (clerk).
export const POST = withAuth<{ mark: string }>({ role: "clerk" }, async ({ req, params, user, locale, correlationId }) =>
  json(await creditPartDraft(await getReadyDb(), getProviderClient(), params.mark, await readJsonBody(req, 100_000), { user, locale, correlationId, idempotencyKey: undefined }), { status: 201 }),
);
