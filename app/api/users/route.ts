import { newUserBodySchema, userFields } from "@/lib/auth/input";
import { createUser, toUserView } from "@/lib/auth/user-admin";
import { withAuth } from "@/lib/auth/with-auth";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/db/auth-queries";
import { json, readJsonBody } from "@/lib/http/api";
import { parseOrFail } from "@/lib/validation/parse";

// GET /api/users — every user with role and status (admin).
export const GET = withAuth({ role: "admin" }, async () => {
  const users = await listUsers(getDb());
  return json({ items: users.map(toUserView) });
});

// POST /api/users — adds a user {email, name, role, password} (admin): 201, 409 when the e-mail is taken.
export const POST = withAuth({ role: "admin" }, async ({ req, user, correlationId, locale }) => {
  const body = parseOrFail(newUserBodySchema, await readJsonBody(req, 16_384), locale, userFields);
  const created = await createUser(getDb(), { ...body, actor: user, correlationId });
  return json({ user: created }, { status: 201 });
});
