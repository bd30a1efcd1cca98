import { withAuth } from "@/lib/auth/with-auth";
import { correctCreditFromBody } from "@/lib/credit-notes/transmission-actions";
import { json, readJsonBody } from "@/lib/http/api";

// POST /api/transmissions/{id}/correct-credit {authenticationCode, relateCredit} — a rejected credit of an issued document corrected and sent again with its own number (clerk).
export const POST = withAuth<{ id: string }>({ role: "clerk" }, async ({ req, params, user, locale, correlationId }) =>
  json(await correctCreditFromBody(params.id, await readJsonBody(req, 4_000), { user, locale, correlationId }), { status: 202 }),
);
