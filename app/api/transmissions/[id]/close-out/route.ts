import { withAuth } from "@/lib/auth/with-auth";
import { closeOutFromBody } from "@/lib/credit-notes/transmission-actions";
import { json, readJsonBody } from "@/lib/http/api";

// POST /api/transmissions/{id}/close-out {reason} — closes out a rejected or needs-attention entry with a written reason; its number stays used (clerk).
export const POST = withAuth<{ id: string }>({ role: "clerk" }, async ({ req, params, user, locale, correlationId }) =>
  json(await closeOutFromBody(params.id, await readJsonBody(req, 4_000), { user, locale, correlationId })),
);
