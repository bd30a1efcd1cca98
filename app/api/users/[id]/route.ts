import { parseBody, userPatchBodySchema } from "@/lib/auth/input";
import { userChangeError } from "@/lib/auth/responses";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { changeUser } from "@/lib/auth/user-admin";
import { withAuth } from "@/lib/auth/with-auth";
import { getDb } from "@/lib/db";
import { json, readJsonBody } from "@/lib/http/api";

// PATCH /api/users/{id} — re-role, rename, disable/enable or set a new password (admin); 409 for the last admin.
export const PATCH = withAuth<{ id: string }>({ role: "admin" }, async ({ req, params, user, sessionToken, correlationId, locale }) => {
  const patch = parseBody(userPatchBodySchema, await readJsonBody(req, 16_384), locale);
  try {
    const changed = await changeUser(getDb(), {
      actor: user, actorToken: sessionToken, id: params.id.slice(0, 100), patch, correlationId, secret: getSessionSecret(),
    });
    return json({ user: changed });
  } catch (error) {
    throw userChangeError(error, locale);
  }
});
