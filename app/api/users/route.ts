import { newUserBodySchema, parseBody } from "@/lib/auth/input";
import { userChangeError } from "@/lib/auth/responses";
import { createUser, toUserView } from "@/lib/auth/user-admin";
import { withAuth } from "@/lib/auth/with-auth";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/db/auth-queries";
import { json, readJsonBody } from "@/lib/http/api";

// GET /api/users — every user with role and status (admin).
export const GET = withAuth({ role: "admin" }, async () => {
  const users = await listUsers(getDb());
  return json({ items: users.map(toUserView) });
});

// POST /api/users — adds a user {email, name, role, password} (admin): 201, 409 when the e-mail is taken.
export const POST = withAuth({ role: "admin" }, async ({ req, user, correlationId, locale }) => {
  const body = parseBody(newUserBodySchema, await readJsonBody(req, 16_384), locale);
  try {
    const created = await createUser(getDb(), { ...body, actor: user, correlationId });
    return json({ user: created }, { status: 201 });
  } catch (error) {
    throw userChangeError(error, locale);
  }
});
