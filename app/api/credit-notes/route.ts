import { withAuth } from "@/lib/auth/with-auth";
import { idempotencyKeyOf, issueFromBody } from "@/lib/credit-notes/issue";
import { json, readJsonBody } from "@/lib/http/api";

// POST /api/credit-notes — issues a draft: 202 {id, status}; the same draft id or Idempotency-Key never issues twice (clerk).
export const POST = withAuth({ role: "clerk" }, async ({ req, user, locale, correlationId }) => {
  const idempotencyKey = idempotencyKeyOf(req);
  const result = await issueFromBody(await readJsonBody(req), { user, locale, correlationId, idempotencyKey });
  return json(
    { id: result.id, status: result.status, created: result.created, internalDocumentId: result.internalDocumentId, series: result.series, number: result.number },
    { status: 202, headers: { Location: `/api/transmissions/${result.id}`, ...(result.created ? {} : { "Idempotent-Replayed": "true" }) } },
  );
});
