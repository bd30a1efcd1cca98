import { withAuth } from "@/lib/auth/with-auth";
import { uuidOf } from "@/lib/domain/ids";
import { createBranch } from "@/lib/settings/issuers";
import { json, readJsonBody } from "@/lib/http/api";

// POST /api/issuer-profiles/{id}/branches — adds a branch {branchCode, name}: 201 {profile}; 409 for a code already there (admin).
export const POST = withAuth<{ id: string }>({ role: "admin" }, async ({ req, params, user, locale, correlationId }) => {
  const id = uuidOf(params.id, "issuer_profile");
  return json({ profile: await createBranch(id, await readJsonBody(req, 10_000), { user, locale, correlationId }) }, { status: 201 });
});
