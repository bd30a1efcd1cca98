import { withAuth } from "@/lib/auth/with-auth";
import { creditExistingFromBody, idempotencyKeyOf } from "@/lib/credit-notes/issue";
import { json, readJsonBody } from "@/lib/http/api";

// POST /api/credit-notes/credit-existing — credits an issued document via the provider's /Invoice/credit: 202 {id, status} (clerk).
export const POST = withAuth({ role: "clerk" }, async ({ req, user, locale, correlationId }) => {
  const idempotencyKey = idempotencyKeyOf(req);
  const result = await creditExistingFromBody(await readJsonBody(req, 20_000), { user, locale, correlationId, idempotencyKey });
  return json(
    { id: result.id, status: result.status, created: result.created, internalDocumentId: result.internalDocumentId, series: result.series, number: result.number },
    { status: 202, headers: { Location: `/api/transmissions/${result.id}` } },
  );
});
