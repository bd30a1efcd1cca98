import { withAuth } from "@/lib/auth/with-auth";
import { uuidOf } from "@/lib/domain/ids";
import { changeBranch, removeBranch } from "@/lib/settings/issuers";
import { json, readJsonBody } from "@/lib/http/api";

type Params = { id: string; branchId: string };

// PATCH /api/issuer-profiles/{id}/branches/{branchId} — renames or renumbers a branch (admin).
export const PATCH = withAuth<Params>({ role: "admin" }, async ({ req, params, user, locale, correlationId }) => {
  const [id, branchId] = [uuidOf(params.id, "issuer_profile"), uuidOf(params.branchId, "branch")];
  return json({ profile: await changeBranch(id, branchId, await readJsonBody(req, 10_000), { user, locale, correlationId }) });
});

// DELETE /api/issuer-profiles/{id}/branches/{branchId} — removes a branch (admin).
export const DELETE = withAuth<Params>({ role: "admin" }, async ({ params, user, locale, correlationId }) => {
  await removeBranch(uuidOf(params.id, "issuer_profile"), uuidOf(params.branchId, "branch"), { user, locale, correlationId });
  return json({ deleted: true });
});
