import { withAuth } from "@/lib/auth/with-auth";
import { runAction } from "@/lib/credit-notes/transmission-actions";
import { json } from "@/lib/http/api";

// POST /api/transmissions/{id}/refresh — looks the document up at the provider now (clerk).
export const POST = withAuth<{ id: string }>({ role: "clerk" }, async ({ params, user, correlationId }) =>
  json(await runAction("refresh", params.id, { user, correlationId })),
);
