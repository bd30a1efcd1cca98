import { userFields, userPatchBodySchema } from "@/lib/auth/input";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { changeUser } from "@/lib/auth/user-admin";
import { withAuth } from "@/lib/auth/with-auth";
import { getDb } from "@/lib/db";
import { uuidOf } from "@/lib/domain/ids";
import { json, readJsonBody } from "@/lib/http/api";
import { parseOrFail } from "@/lib/validation/parse";

// PATCH /api/users/{id} — re-role, rename, disable/enable or set a new password (admin); 409 for the last admin.
export const PATCH = withAuth<{ id: string }>({ role: "admin" }, async ({ req, params, user, sessionToken, correlationId, locale }) => {
  const patch = parseOrFail(userPatchBodySchema, await readJsonBody(req, 16_384), locale, userFields);
  const id = uuidOf(params.id, "user");
  const changed = await changeUser(getDb(), { actor: user, actorToken: sessionToken, id, patch, correlationId, secret: getSessionSecret() });
  return json({ user: changed });
});
