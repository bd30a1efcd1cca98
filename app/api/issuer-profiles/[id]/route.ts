import { withAuth } from "@/lib/auth/with-auth";
import { uuidOf } from "@/lib/domain/ids";
import { changeIssuerProfile, removeIssuerProfile } from "@/lib/settings/issuers";
import { json, readJsonBody } from "@/lib/http/api";

type Params = { id: string };

// PATCH /api/issuer-profiles/{id} — replaces a profile's values (admin).
export const PATCH = withAuth<Params>({ role: "admin" }, async ({ req, params, user, locale, correlationId }) => {
  const id = uuidOf(params.id, "issuer_profile");
  return json({ profile: await changeIssuerProfile(id, await readJsonBody(req, 20_000), { user, locale, correlationId }) });
});

// DELETE /api/issuer-profiles/{id} — removes a profile and its branches (admin).
export const DELETE = withAuth<Params>({ role: "admin" }, async ({ params, user, locale, correlationId }) => {
  await removeIssuerProfile(uuidOf(params.id, "issuer_profile"), { user, locale, correlationId });
  return json({ deleted: true });
});
