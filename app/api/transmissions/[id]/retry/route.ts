import { withAuth } from "@/lib/auth/with-auth";
import { runAction } from "@/lib/credit-notes/transmission-actions";
import { json } from "@/lib/http/api";

// POST /api/transmissions/{id}/retry — resends the identical document when its state allows it (clerk).
export const POST = withAuth<{ id: string }>({ role: "clerk" }, async ({ params, user, correlationId }) =>
  json(await runAction("retry", params.id, { user, correlationId }), { status: 202 }),
);
