import { withAuth } from "@/lib/auth/with-auth";
import { fixFromBody } from "@/lib/credit-notes/fix";
import { json, readJsonBody } from "@/lib/http/api";

// POST /api/transmissions/{id}/fix {draft} — Fix & resend a rejected document with its number kept: 202 {id, status, series, number} (clerk).
export const POST = withAuth<{ id: string }>({ role: "clerk" }, async ({ req, params, user, locale, correlationId }) => {
  const result = await fixFromBody(params.id, await readJsonBody(req), { user, locale, correlationId });
  return json(result, { status: 202, headers: { Location: `/api/transmissions/${result.id}` } });
});
