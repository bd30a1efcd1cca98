import { withAuth } from "@/lib/auth/with-auth";
import { getDraftSnapshot, removeDraft, storeDraftSnapshot } from "@/lib/credit-notes/drafts";
import { uuidOf } from "@/lib/domain/ids";
import { json, readJsonBody } from "@/lib/http/api";

type Params = { id: string };

// GET /api/drafts/{id} — one of the caller's drafts: {draft, step, updatedAt} (clerk).
export const GET = withAuth<Params>({ role: "clerk" }, async ({ params, user }) =>
  json(await getDraftSnapshot(user, uuidOf(params.id, "draft"))));

// PUT /api/drafts/{id} — autosave {draft, step} under the client-chosen UUID; 409 once issued (clerk).
export const PUT = withAuth<Params>({ role: "clerk" }, async ({ req, params, user, locale }) => {
  const id = uuidOf(params.id, "draft");
  return json(await storeDraftSnapshot(user, id, await readJsonBody(req, 1_500_000), locale));
});

// DELETE /api/drafts/{id} — deletes one of the caller's drafts (clerk).
export const DELETE = withAuth<Params>({ role: "clerk" }, async ({ params, user }) => {
  await removeDraft(user, uuidOf(params.id, "draft"));
  return json({ deleted: true });
});
