import { withAuth } from "@/lib/auth/with-auth";
import { duplicateDraft } from "@/lib/credit-notes/drafts";
import { uuidOf } from "@/lib/domain/ids";
import { json } from "@/lib/http/api";

// POST /api/drafts/{id}/duplicate — a copy of one of the caller's drafts under a new id: 201 {id} (clerk).
export const POST = withAuth<{ id: string }>({ role: "clerk" }, async ({ params, user }) =>
  json(await duplicateDraft(user, uuidOf(params.id, "draft")), { status: 201 }));
